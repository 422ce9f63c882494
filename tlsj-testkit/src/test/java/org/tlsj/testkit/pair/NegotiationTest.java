package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** ALPN, SNI certificate choice, record_size_limit, middlebox compatibility, and failing negotiations. */
class NegotiationTest {
    private final TestPki pki = TestPki.create();

    @Test
    void alpnPicksTheServersFirstChoiceAmongTheClients() {
        TestPair pair = TestPair.of(pki.client().applicationProtocols(List.of("h2", "http/1.1")).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).applicationProtocols(List.of("http/1.1", "h2")).build(),
                "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().applicationProtocol()).contains("http/1.1");
        assertThat(pair.server().session().orElseThrow().applicationProtocol()).contains("http/1.1");
    }

    @Test
    void noCommonAlpnProtocolIsNoApplicationProtocol() {
        TestPair pair = TestPair.of(pki.client().applicationProtocols(List.of("h2")).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).applicationProtocols(List.of("http/1.1")).build(),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.NO_APPLICATION_PROTOCOL,
                PeerIncompatible.NO_APPLICATION_PROTOCOL);
        assertPeerAlert(pair.clientFailure(), AlertDescription.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void serverChoosesTheCertificateBySni() {
        Duration year = Duration.ofDays(365);
        CertifiedKey a = pki.server(KeyType.EC_P256, List.of("a.example.com"), TestPki.NOW.minus(year), TestPki.NOW.plus(year));
        CertifiedKey b = pki.server(KeyType.ED25519, List.of("b.example.com"), TestPki.NOW.minus(year), TestPki.NOW.plus(year));
        ServerConfig server = TestPki.server(a).certificates(List.of(a, b)).build();
        TestPair pair = TestPair.of(pki.client().build(), server, "b.example.com").handshake();
        assertThat(pair.client().session().orElseThrow().peerCertificates().getFirst()).isEqualTo(b.leaf());
        assertThat(pair.server().session().orElseThrow().serverName()).contains("b.example.com");
    }

    @Test
    void noCommonSuiteIsHandshakeFailure() {
        TestPair pair = TestPair.of(pki.client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).cipherSuites(List.of(CipherSuite.TLS_AES_256_GCM_SHA384))
                        .build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_COMMON_CIPHER_SUITE);
        assertPeerAlert(pair.clientFailure(), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noCommonGroupIsHandshakeFailure() {
        TestPair pair = TestPair.of(pki.client().groups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(List.of(NamedGroup.SECP384R1)).build(),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_COMMON_GROUP);
        assertThat(pair.serverFailure().get().getMessage()).contains("x25519").contains("secp384r1");
    }

    @Test
    void recordSizeLimitBoundsThePeersRecords() throws Exception {
        List<Integer> lengths = new ArrayList<>();
        TestPair pair = TestPair.of(pki.client().recordSizeLimit(512).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").handshake();
        pair.tamperToClient(b -> {
            for (int i = 0; i + 5 <= b.length; i += 5 + (((b[i + 3] & 0xff) << 8) | (b[i + 4] & 0xff))) {
                lengths.add(((b[i + 3] & 0xff) << 8) | (b[i + 4] & 0xff));
            }
            return b;
        });
        String big = "y".repeat(5000);
        assertThat(pair.serverSends(big)).isEqualTo(big);
        assertThat(lengths).hasSizeGreaterThanOrEqualTo(10).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(512 + 16));
    }

    @Test
    void middleboxCompatibilitySendsOneChangeCipherSpecEachWay() {
        List<Integer> clientCcs = new ArrayList<>();
        List<Integer> serverCcs = new ArrayList<>();
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost")
                .tamperToServer(b -> count(b, clientCcs))
                .tamperToClient(b -> count(b, serverCcs)).handshake();
        assertThat(pair.client().isHandshakeComplete()).isTrue();
        assertThat(clientCcs).hasSize(1);
        assertThat(serverCcs).hasSize(1);

        List<Integer> none = new ArrayList<>();
        TestPair.of(pki.client().middleboxCompat(false).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").tamperToServer(b -> count(b, none)).tamperToClient(b -> count(b, none)).handshake();
        assertThat(none).isEmpty();
    }

    private static byte[] count(byte[] b, List<Integer> ccs) {
        for (int i = 0; i + 5 <= b.length; i += 5 + (((b[i + 3] & 0xff) << 8) | (b[i + 4] & 0xff))) {
            if (b[i] == 20) {
                ccs.add(i);
            }
        }
        return b;
    }
}
