package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.testkit.ScriptedRandom;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * Whole in-memory handshakes with this provider on both sides, over every group and key type it runs natively
 * (the conformance kit covers the JCA provider on the other side, in both directions).
 */
class HandshakeTest {
    @BeforeAll
    static void requireLibcrypto() {
        RequireLibcrypto.check();
    }

    private static final TestPki PKI = TestPki.create();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (NamedGroup group : List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1,
                NamedGroup.SECP384R1)) {
            for (KeyType key : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.ED25519, KeyType.RSA_2048)) {
                out.add(Arguments.of(ProtocolVersion.TLS13, group, key));
            }
        }
        // TLS 1.2: an ECDSA certificate's curve must be a group the client offers (RFC 8422 section 4), and
        // there are no Ed25519 suites.
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.X25519, KeyType.RSA_2048));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP256R1, KeyType.EC_P256));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP384R1, KeyType.EC_P384));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP384R1, KeyType.RSA_2048));
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void handshakesWithItself(ProtocolVersion version, NamedGroup group, KeyType key) throws Exception {
        TestPair pair = TestPair.of(
                PKI.client().crypto(OpenSslCryptoProvider.create(new ScriptedRandom(1)))
                        .versions(List.of(version)).groups(List.of(group)).build(),
                TestPki.server(PKI.server(key)).crypto(OpenSslCryptoProvider.create(new ScriptedRandom(2)))
                        .versions(List.of(version)).build(),
                "localhost").handshake();

        SessionInfo session = pair.client().session().orElseThrow();
        assertThat(session.version()).isEqualTo(version);
        assertThat(session.group()).isEqualTo(group);
        assertThat(pair.clientSends("ping")).isEqualTo("ping");
        assertThat(pair.serverSends("pong")).isEqualTo("pong");
    }

    /**
     * ChaCha20-Poly1305 records (native in this provider) against the JCA's on the other side, both ways, in
     * TLS 1.3 and 1.2: a record either side seals, the other opens.
     */
    @ParameterizedTest(name = "{0} openssl {1}")
    @MethodSource("chachaCases")
    void chacha20Poly1305RecordsCrossToTheJca(CipherSuite suite, boolean opensslClient) throws Exception {
        ProtocolVersion version = suite.equals(CipherSuite.TLS_CHACHA20_POLY1305_SHA256) ? ProtocolVersion.TLS13
                : ProtocolVersion.TLS12;
        TestPair pair = TestPair.of(
                PKI.client().crypto(opensslClient ? OpenSslCryptoProvider.create(new ScriptedRandom(3))
                                : JcaCryptoProvider.create(new ScriptedRandom(3)))
                        .versions(List.of(version)).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).build(),
                TestPki.server(PKI.server(KeyType.EC_P256)).crypto(opensslClient
                                ? JcaCryptoProvider.create(new ScriptedRandom(4))
                                : OpenSslCryptoProvider.create(new ScriptedRandom(4)))
                        .versions(List.of(version)).cipherSuites(List.of(suite)).build(),
                "localhost").handshake();

        assertThat(pair.client().session().orElseThrow().cipherSuite()).isEqualTo(suite);
        assertThat(pair.clientSends("ping".repeat(5000))).isEqualTo("ping".repeat(5000));
        assertThat(pair.serverSends("pong")).isEqualTo("pong");
    }

    static List<Arguments> chachaCases() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)) {
            out.add(Arguments.of(suite, true));
            out.add(Arguments.of(suite, false));
        }
        return out;
    }
}
