package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ClientHelloHandler;
import org.tlsj.ClientHelloHandler.Alpn;
import org.tlsj.ClientHelloHandler.Decision;
import org.tlsj.ClientHelloInfo;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** The server's per-handshake ClientHelloHandler: what it sees, and its certificate, ALPN and name decisions. */
class ClientHelloHandlerTest {
    private final TestPki pki = TestPki.create();
    private final CertifiedKey configured = pki.server(KeyType.EC_P256);

    private ClientConfig client(ProtocolVersion v, List<String> alpn) {
        return pki.client().versions(List.of(v)).applicationProtocols(alpn).build();
    }

    private ServerConfig server(ClientHelloHandler handler) {
        return TestPki.server(configured).applicationProtocols(List.of("http/1.1")).clientHelloHandler(handler).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void handlerSeesTheOfferOnceAndNoHandlerKeepsTheDefault(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        List<ClientHelloInfo> seen = new ArrayList<>();
        TestPair pair = TestPair.of(client(v, List.of("h2", "http/1.1")), server(h -> {
            seen.add(h);
            return Decision.DEFAULT;
        }), "localhost").handshake();
        assertThat(seen).hasSize(1);
        ClientHelloInfo info = seen.getFirst();
        assertThat(info.serverName()).contains("localhost");
        assertThat(info.applicationProtocols()).containsExactly("h2", "http/1.1");
        assertThat(info.version()).isEqualTo(v);
        assertThat(info.signatureSchemes()).contains(SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertThat(info.certificateSignatureSchemes()).isNotEmpty();
        assertThat(info.groups()).isNotEmpty();
        assertThat(info.cipherSuites()).isNotEmpty();
        assertThat(pair.server().session().orElseThrow().applicationProtocol()).contains("http/1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void handlerSuppliesACertificateNotInTheConfig(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        Duration year = Duration.ofDays(365);
        CertifiedKey other = pki.server(KeyType.EC_P256, List.of("other.example"), TestPki.NOW.minus(year),
                TestPki.NOW.plus(year));
        TestPair pair = TestPair.of(client(v, List.of()), server(h -> Decision.DEFAULT.withCertificates(List.of(other))),
                "other.example").handshake();
        assertThat(pair.client().session().orElseThrow().peerCertificates().getFirst()).isEqualTo(other.leaf());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void handlerSelectsAnOfferedProtocolOrOmitsAlpn(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        TestPair chosen = TestPair.of(client(v, List.of("h2", "http/1.1")),
                server(h -> Decision.DEFAULT.withAlpn(new Alpn.Select("h2"))), "localhost").handshake();
        assertThat(chosen.client().session().orElseThrow().applicationProtocol()).contains("h2");
        TestPair omitted = TestPair.of(client(v, List.of("h2")),
                server(h -> Decision.DEFAULT.withAlpn(new Alpn.Omit())), "localhost").handshake();
        assertThat(omitted.client().session().orElseThrow().applicationProtocol()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void refusedOrUnofferedProtocolIsNoApplicationProtocol(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        for (Alpn a : List.of(new Alpn.Refuse(), new Alpn.Select("spdy/3"))) {
            TestPair pair = TestPair.of(client(v, List.of("h2")), server(h -> Decision.DEFAULT.withAlpn(a)),
                    "localhost").run();
            assertFatal(pair.serverFailure(), AlertDescription.NO_APPLICATION_PROTOCOL,
                    Reason.PeerIncompatible.NO_APPLICATION_PROTOCOL);
            assertPeerAlert(pair.clientFailure(), AlertDescription.NO_APPLICATION_PROTOCOL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void refusedServerNameIsUnrecognizedName(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        TestPair pair = TestPair.of(client(v, List.of()), server(h -> Decision.refuseName()), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.UNRECOGNIZED_NAME, Reason.PeerIncompatible.UNRECOGNIZED_NAME);
        assertPeerAlert(pair.clientFailure(), AlertDescription.UNRECOGNIZED_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS13", "TLS12"})
    void handlerExceptionIsInternalError(String version) {
        ProtocolVersion v = version.equals("TLS13") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
        TestPair pair = TestPair.of(client(v, List.of()), server(h -> {
            throw new IllegalStateException("no key store");
        }), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.INTERNAL_ERROR, Reason.Local.CLIENT_HELLO_HANDLER_FAILED);
        assertThat(pair.serverFailure().orElseThrow().getCause()).isInstanceOf(IllegalStateException.class);
        assertPeerAlert(pair.clientFailure(), AlertDescription.INTERNAL_ERROR);
    }

    @Test
    void handlerIsCalledOnceAcrossHelloRetryRequest() {
        List<ClientHelloInfo> seen = new ArrayList<>();
        ClientConfig c = pki.client().groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519)).build();
        ServerConfig s = TestPki.server(configured).groups(List.of(NamedGroup.SECP256R1)).clientHelloHandler(h -> {
            seen.add(h);
            return Decision.DEFAULT;
        }).build();
        TestPair pair = TestPair.of(c, s, "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().helloRetried()).isTrue();
        assertThat(seen).hasSize(1);
    }

    @Test
    void serverWithoutConfiguredCertificatesNeedsAHandler() {
        assertThatThrownBy(() -> ServerConfig.builder().build())
                .isInstanceOf(IllegalArgumentException.class);
        ServerConfig s = ServerConfig.builder()
                .clock(TestPki.CLOCK).clientHelloHandler(h -> Decision.DEFAULT.withCertificates(List.of(configured)))
                .build();
        TestPair pair = TestPair.of(pki.client().build(), s, "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().peerCertificates().getFirst()).isEqualTo(configured.leaf());
    }
}
