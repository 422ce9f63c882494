package org.tlsj.testkit.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ServerConfig;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.testkit.ScriptedRandom;
import org.tlsj.testkit.TestPki;

/**
 * Fixed certificates for the fuzz targets (PEM files next to this class): the seeds are real flights
 * under these keys, so a seed replays a whole handshake, and no certificate is minted at run time.
 */
final class FuzzPki {
    static final List<X509Certificate> CA = Pem.certificates(read("ca.pem"));
    static final CertifiedKey SERVER = new CertifiedKey(Pem.certificates(read("server-chain.pem")),
            Pem.privateKey(read("server-key.pem")));

    private FuzzPki() {
    }

    /** The client every engine target uses: deterministic, X25519 share, one suite. */
    static ClientConfig.Builder client() {
        return ClientConfig.builder().verifier(PkixVerifier.withTrustedCertificates(CA)).clock(TestPki.CLOCK)
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
                .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519))
                .crypto(JcaCryptoProvider.create(new ScriptedRandom(1)));
    }

    /** The server every engine target uses: deterministic, no tickets. */
    static ServerConfig.Builder server() {
        return TestPki.server(SERVER).ticketsPerHandshake(0).crypto(JcaCryptoProvider.create(new ScriptedRandom(2)));
    }

    private static String read(String name) {
        try (InputStream in = FuzzPki.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
