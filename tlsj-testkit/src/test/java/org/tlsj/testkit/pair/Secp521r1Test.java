package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertNoCommonGroup;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;

/**
 * ECDHE over secp521r1: implemented, but neither offered nor accepted unless configured (BoringSSL and rustls do
 * not enable it either), and then negotiated like the other NIST groups, TLS 1.3 (HelloRetryRequest included)
 * and TLS 1.2.
 */
class Secp521r1Test {
    private static final List<NamedGroup> WITH_P521 = List.of(NamedGroup.X25519, NamedGroup.SECP521R1);
    private final TestPki pki = TestPki.create();

    @Test
    void defaultClientDoesNotOfferIt() {
        List<HandshakeEvent> events = new ArrayList<>();
        TestPair.of(pki.client().trace(events::add).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").handshake();
        assertThat(events.getFirst().detail("groups")).isEqualTo(
                "X25519MLKEM768, x25519, SecP256r1MLKEM768, SecP384r1MLKEM1024, secp256r1, secp384r1");
    }

    @Test
    void defaultServerRefusesAClientOfferingOnlySecp521r1() {
        assertNoCommonGroup(TestPair.of(pki.client().groups(List.of(NamedGroup.SECP521R1)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").run());
    }

    @Test
    void tls13NegotiatesSecp521r1WhenBothSidesEnableIt() throws Exception {
        TestPair pair = TestPair.of(pki.client().versions(List.of(ProtocolVersion.TLS13))
                        .groups(List.of(NamedGroup.SECP521R1)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(WITH_P521).build(), "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP521R1);
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP521R1);
        assertThat(pair.clientSends("over P-521")).isEqualTo("over P-521");
    }

    @Test
    void tls13HelloRetryRequestAsksForSecp521r1() throws Exception {
        // The client sends an x25519 share; the server only takes secp521r1 and asks for it.
        TestPair pair = TestPair.of(pki.client().versions(List.of(ProtocolVersion.TLS13)).groups(WITH_P521)
                        .keyShareGroups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(List.of(NamedGroup.SECP521R1)).build(),
                "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP521R1);
        assertThat(pair.client().session().orElseThrow().helloRetried()).isTrue();
    }

    @Test
    void tls12NegotiatesSecp521r1WhenBothSidesEnableIt() throws Exception {
        // RFC 8422 section 4: the client's list also names the curve of the server's ECDSA key (P-256 here).
        TestPair pair = TestPair.of(pki.client().versions(List.of(ProtocolVersion.TLS12))
                        .groups(List.of(NamedGroup.SECP521R1, NamedGroup.SECP256R1)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(List.of(NamedGroup.SECP521R1)).build(),
                "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP521R1);
        assertThat(pair.serverSends("over P-521")).isEqualTo("over P-521");
    }
}
