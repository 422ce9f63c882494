package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.ServerSessionCache;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** TLS 1.2 in pairs: the suite matrix, static RSA, resumption, mutual TLS and the RFC fixes' checks. */
class Tls12Test {
    private static final List<ProtocolVersion> TLS12 = List.of(ProtocolVersion.TLS12);
    private final TestPki pki = TestPki.create();

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.TLS12_DEFAULTS) {
            List<KeyType> keys = s.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
                    ? List.of(KeyType.EC_P256, KeyType.EC_P384) : List.of(KeyType.RSA_2048);
            for (KeyType k : keys) {
                out.add(Arguments.of(s, NamedGroup.X25519, k));
            }
        }
        out.add(Arguments.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, NamedGroup.SECP256R1, KeyType.EC_P256));
        out.add(Arguments.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, NamedGroup.SECP384R1, KeyType.RSA_2048));
        out.add(Arguments.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, NamedGroup.NONE, KeyType.RSA_2048));
        out.add(Arguments.of(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, NamedGroup.NONE, KeyType.RSA_2048));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void tls12HandshakeCompletesAndDataFlows(CipherSuite suite, NamedGroup group, KeyType key) throws Exception {
        boolean rsa = suite.keyExchange() == CipherSuite.KeyExchange.RSA;
        ClientConfig.Builder client = pki.client().versions(TLS12).cipherSuites(List.of(suite));
        if (suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA) {
            // RFC 8422 section 4: the client's groups also name the curves its ECDSA peer may use.
            client.groups(List.copyOf(new java.util.LinkedHashSet<>(List.of(group, NamedGroup.SECP256R1,
                    NamedGroup.SECP384R1))));
        } else if (!rsa) {
            client.groups(List.of(group));
        }
        ServerConfig server = TestPki.server(pki.server(key)).versions(TLS12).rsaKeyExchange(rsa).build();
        TestPair pair = TestPair.of(client.build(), server, "localhost").handshake();
        SessionInfo s = pair.client().session().orElseThrow();
        assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(s.cipherSuite()).isEqualTo(suite);
        assertThat(s.group()).isEqualTo(group);
        assertThat(pair.server().session().orElseThrow().cipherSuite()).isEqualTo(suite);
        assertThat(pair.clientSends("ping")).isEqualTo("ping");
        assertThat(pair.serverSends("pong".repeat(5000))).isEqualTo("pong".repeat(5000));
    }

    @Test
    void tls12CompletesOneByteAtATime() throws Exception {
        TestPair pair = TestPair.withChunkSize(pki.client().versions(TLS12).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost", 1).handshake();
        assertThat(pair.client().session().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(pair.clientSends("byte by byte")).isEqualTo("byte by byte");
    }

    @Test
    void staticRsaIsOffByDefault() {
        TestPair pair = TestPair.of(pki.client().versions(TLS12).cipherSuites(CipherSuite.TLS12_RSA_KX).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_COMMON_CIPHER_SUITE);
    }

    @Test
    void resumesByTicket() {
        ClientConfig c = pki.client().versions(TLS12).sessionCache(ClientSessionCache.inMemory(4)).build();
        ServerConfig server = TestPki.server(pki.server(KeyType.EC_P256)).build();
        assertThat(TestPair.of(c, server, "localhost").handshake().client().session().orElseThrow().resumed()).isFalse();
        TestPair second = TestPair.of(c, server, "localhost").handshake();
        assertThat(second.client().session().orElseThrow().resumed()).isTrue();
        assertThat(second.server().session().orElseThrow().resumed()).isTrue();
    }

    @Test
    void aResumedSessionReportsTheGroupOfItsFullHandshake() {
        ClientConfig c = pki.client().versions(TLS12).groups(List.of(NamedGroup.SECP256R1))
                .sessionCache(ClientSessionCache.inMemory(4)).build();
        ServerConfig server = TestPki.server(pki.server(KeyType.EC_P256)).build();
        TestPair.of(c, server, "localhost").handshake();
        TestPair second = TestPair.of(c, server, "localhost").handshake();
        assertThat(second.client().session().orElseThrow().resumed()).isTrue();
        assertThat(second.client().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
        assertThat(second.server().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
    }

    @Test
    void resumesBySessionIdWhenTicketsAreOff() throws Exception {
        ClientConfig c = pki.client().versions(TLS12).sessionCache(ClientSessionCache.inMemory(4)).build();
        ServerConfig server = TestPki.server(pki.server(KeyType.EC_P256)).ticketsPerHandshake(0)
                .sessionCache(ServerSessionCache.inMemory(16)).build();
        TestPair.of(c, server, "localhost").handshake();
        TestPair second = TestPair.of(c, server, "localhost").handshake();
        assertThat(second.server().session().orElseThrow().resumed()).isTrue();
        assertThat(second.clientSends("again")).isEqualTo("again");
    }

    @Test
    void mutualTlsRequiredInTls12() {
        ServerConfig server = TestPki.server(pki.server(KeyType.EC_P256)).versions(TLS12)
                .clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        TestPair ok = TestPair.of(pki.client().certificates(List.of(pki.clientCertificate("alice"))).build(), server,
                "localhost").handshake();
        assertThat(ok.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
        TestPair refused = TestPair.of(pki.client().build(), server, "localhost").run();
        assertFatal(refused.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerMisbehaved.CERTIFICATE_REQUIRED);
    }

    @Test
    void clientDetectsTheDowngradeSentinel() {
        // An attacker turns the client's TLS 1.3 offer into TLS 1.1: the server answers TLS 1.2 and marks its random.
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost")
                .tamperToServer(b -> replace(b, new byte[] {0x00, 0x2b, 0x00, 0x05, 0x04, 0x03, 0x04},
                        new byte[] {0x00, 0x2b, 0x00, 0x05, 0x04, 0x03, 0x02})).run();
        assertFatal(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.DOWNGRADE_SENTINEL);
    }

    @Test
    void serverRequiresTheExtendedMasterSecret() {
        // The extended_master_secret extension (type 23, empty) renamed to an unknown type on the way.
        TestPair pair = TestPair.of(pki.client().versions(TLS12).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").tamperToServer(b -> replace(b, new byte[] {0x00, 0x17, 0x00, 0x00},
                new byte[] {0x7a, 0x7a, 0x00, 0x00})).run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_EXTENDED_MASTER_SECRET);
    }

    @Test
    void aMalformedRsaPreMasterSecretTakesTheSamePathAsAGoodOne() {
        // Bleichenbacher (RFC 5246 7.4.7.1): a damaged encrypted pre-master secret is never reported as such;
        // the server goes on with a random one, so the client's Finished does not open: the same alert as for a
        // well-formed exchange whose Finished record was damaged.
        CertifiedKeyPair keys = new CertifiedKeyPair();
        TestPair malformed = keys.pair().tamperToServer(b -> {
            if (b.length > 9 && b[0] == 22 && b[5] == 16) {
                b[5 + 4 + 2 + 40] ^= 0x55; // inside the RSA ciphertext of ClientKeyExchange
            }
            return b;
        }).run();
        TestPair damagedFinished = keys.pair().tamperToServer(b -> {
            if (b.length > 9 && b[0] == 22 && b[5] == 16) {
                b[b.length - 1] ^= 0x55; // the last byte of the protected Finished
            }
            return b;
        }).run();
        assertFatal(malformed.serverFailure(), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC);
        assertFatal(damagedFinished.serverFailure(), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC);
        assertPeerAlert(malformed.clientFailure(), AlertDescription.BAD_RECORD_MAC);
    }

    /** A static-RSA client and server sharing one certificate. */
    private final class CertifiedKeyPair {
        private final ServerConfig server = TestPki.server(pki.server(KeyType.RSA_2048)).rsaKeyExchange(true).build();

        TestPair pair() {
            return TestPair.of(pki.client().versions(TLS12).cipherSuites(CipherSuite.TLS12_RSA_KX).build(), server,
                    "localhost");
        }
    }

    private static byte[] replace(byte[] b, byte[] from, byte[] to) {
        outer:
        for (int i = 0; i + from.length <= b.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (b[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, b, i, to.length);
            return b;
        }
        return b;
    }
}
