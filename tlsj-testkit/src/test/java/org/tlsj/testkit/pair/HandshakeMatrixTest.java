package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** In-memory handshakes across suite x group x server key type, then data both ways and a clean close. */
class HandshakeMatrixTest {
    private static TestPki pki;
    private static final java.util.Map<KeyType, CertifiedKey> KEYS = new java.util.EnumMap<>(KeyType.class);

    @BeforeAll
    static void mint() {
        pki = TestPki.create();
        for (KeyType k : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048, KeyType.ED25519,
                KeyType.RSA_PSS_2048)) {
            KEYS.put(k, pki.server(k));
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.TLS13_DEFAULTS) {
            for (NamedGroup group : NamedGroup.SUPPORTED) {
                for (KeyType key : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048, KeyType.ED25519)) {
                    out.add(Arguments.of(suite, group, key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void handshakeCompletesAndDataFlowsBothWays(CipherSuite suite, NamedGroup group, KeyType key) throws Exception {
        ClientConfig client = pki.client().cipherSuites(List.of(suite)).groups(List.of(group)).build();
        TestPair pair = TestPair.of(client, TestPki.server(KEYS.get(key)).build(), "localhost").handshake();

        SessionInfo s = pair.client().session().orElseThrow();
        assertThat(s.version()).isEqualTo(ProtocolVersion.TLS13);
        assertThat(s.cipherSuite()).isEqualTo(suite);
        assertThat(s.group()).isEqualTo(group);
        assertThat(s.helloRetried()).isFalse();
        assertThat(s.peerCertificates()).hasSize(2);
        assertThat(pair.server().session().orElseThrow().cipherSuite()).isEqualTo(suite);
        assertThat(pair.clientSends("GET / HTTP/1.0\r\n\r\n")).isEqualTo("GET / HTTP/1.0\r\n\r\n");
        assertThat(pair.serverSends("Hello TLS-secured world!")).isEqualTo("Hello TLS-secured world!");

        pair.client().closeOutbound();
        pair.run();
        assertThat(pair.server().status()).isEqualTo(ConnectionStatus.INBOUND_CLOSED);
        pair.server().closeOutbound();
        pair.run();
        assertThat(pair.client().status()).isEqualTo(ConnectionStatus.CLOSED);
        assertThat(pair.server().status()).isEqualTo(ConnectionStatus.CLOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void serverSignsWithTheSchemeItsKeyAllows(KeyType key, SignatureScheme expected) {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(KEYS.get(key)).build(), "localhost")
                .handshake();
        assertThat(pair.client().session().orElseThrow().signatureScheme()).isEqualTo(expected);
    }

    static Stream<Arguments> schemes() {
        return Stream.of(Arguments.of(KeyType.EC_P256, SignatureScheme.ECDSA_SECP256R1_SHA256),
                Arguments.of(KeyType.EC_P384, SignatureScheme.ECDSA_SECP384R1_SHA384),
                Arguments.of(KeyType.RSA_2048, SignatureScheme.RSA_PSS_RSAE_SHA256),
                Arguments.of(KeyType.RSA_PSS_2048, SignatureScheme.RSA_PSS_PSS_SHA256),
                Arguments.of(KeyType.ED25519, SignatureScheme.ED25519));
    }
}
