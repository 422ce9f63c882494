package org.tlsj.bogo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.testkit.TestPki;

/** How the signature-preference and curve flags become config settings, by role. */
class ShimConfigsTest {
    private static final String PSS256 = Integer.toString(SignatureScheme.RSA_PSS_RSAE_SHA256.code());
    private static final String ECDSA256 = Integer.toString(SignatureScheme.ECDSA_SECP256R1_SHA256.code());
    private static final String P521 = Integer.toString(NamedGroup.SECP521R1.code());

    private static ShimFlags.View view(boolean resumed, String... args) throws ShimFlags.Unimplemented {
        return ShimFlags.parse(List.of(args)).forConnection(resumed);
    }

    private static String[] serverFlags(Path dir, String... more) throws Exception {
        CertifiedKey key = TestPki.create().server(KeyType.EC_P256);
        Path cert = Files.writeString(dir.resolve("cert.pem"), Pem.toPem(key.chain()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), Pem.toPem(key.privateKey()));
        String[] base = {"-server", "-cert-file", cert.toString(), "-key-file", keyFile.toString()};
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void verifyPrefsOnAServerAreTheSchemesItAcceptsFromClients(@TempDir Path dir) throws Exception {
        ServerConfig server = new ShimConfigs().server(view(false, serverFlags(dir, "-verify-prefs", PSS256,
                "-verify-prefs", ECDSA256)), Clock.systemUTC(), hello -> { });
        assertThat(server.clientSignatureSchemes()).containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertThat(server.signatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
    }

    @Test
    void signingPrefsOnAClientAreTheSchemesItSignsWith() throws Exception {
        ClientConfig client = new ShimConfigs().client(view(false, "-signing-prefs", ECDSA256, "-verify-prefs", PSS256),
                Clock.systemUTC());
        assertThat(client.clientSignatureSchemes()).containsExactly(SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertThat(client.signatureSchemes()).containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void curvesMayNameSecp521r1() throws Exception {
        ClientConfig client = new ShimConfigs().client(view(false, "-curves", P521), Clock.systemUTC());
        assertThat(client.groups()).containsExactly(NamedGroup.SECP521R1);
        assertThat(client.keyShareGroups()).containsExactly(NamedGroup.SECP521R1);
    }
}
