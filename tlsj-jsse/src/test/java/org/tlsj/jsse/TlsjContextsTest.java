package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;

/** SSLContexts made from tlsj configs, under the JDK's HttpsServer and HttpClient. */
class TlsjContextsTest {
    private final TestPki pki = TestPki.create();
    private final List<HandshakeEvent> serverEvents = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> clientEvents = new CopyOnWriteArrayList<>();
    private SessionEchoServer server;

    /** Serves "version group resumed client" as tlsj saw it, with the context's default parameters. */
    private int start(ServerConfig base) throws Exception {
        server = new SessionEchoServer(new HttpsConfigurator(TlsjContexts.server(base)), session -> {
            SessionInfo s = TlsjContexts.sessionInfo(session).orElseThrow();
            return s.version().displayName() + " " + s.group().displayName() + " " + s.resumed() + " "
                    + s.peerIdentity().orElse("-");
        });
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(SSLContext context, String url) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private ServerConfig.Builder serverBase() {
        return TestPki.server(pki.server(KeyType.EC_P256)).trace(serverEvents::add);
    }

    private ClientConfig.Builder clientBase() {
        return pki.client().trace(clientEvents::add);
    }

    @Test
    void aNewHttpClientOnTheSameContextResumesAndBothSidesTrace() throws Exception {
        int port = start(serverBase().build());
        SSLContext context = TlsjContexts.client(clientBase().build());
        HttpResponse<String> first = get(context, "https://localhost:" + port + "/");
        HttpResponse<String> second = get(context, "https://localhost:" + port + "/");
        assertThat(first.body()).isEqualTo("TLSv1.3 X25519MLKEM768 false -");
        assertThat(second.body()).startsWith("TLSv1.3 ").contains(" true ");
        assertThat(TlsjContexts.sessionInfo(second.sslSession().orElseThrow()).orElseThrow().resumed()).isTrue();
        assertThat(second.sslSession().orElseThrow().getId()).isEqualTo(first.sslSession().orElseThrow().getId());
        assertThat(clientEvents).extracting(HandshakeEvent::title).contains("ClientHello", "ServerHello");
        assertThat(serverEvents).extracting(HandshakeEvent::title).contains("ClientHello", "ServerHello");
    }

    @Test
    void theBaseChoicesAreTheContextDefaultsAndHold() throws Exception {
        int port = start(serverBase().versions(List.of(ProtocolVersion.TLS12)).build());
        SSLContext context = TlsjContexts.client(clientBase().groups(List.of(NamedGroup.SECP256R1)).build());
        assertThat(context.getDefaultSSLParameters().getNamedGroups()).containsExactly("secp256r1");
        assertThat(context.getProvider().getName()).isEqualTo("TLSJ");
        assertThat(get(context, "https://localhost:" + port + "/").body()).isEqualTo("TLSv1.2 secp256r1 false -");
    }

    @Test
    void clientAuthComesFromTheBaseServerConfig() throws Exception {
        int port = start(serverBase().clientAuth(ClientAuth.REQUIRED, pki.verifier()).build());
        SSLContext withCert = TlsjContexts.client(clientBase().certificates(List.of(pki.clientCertificate("alice"))).build());
        assertThat(get(withCert, "https://localhost:" + port + "/").body()).endsWith(" CN=alice");
        assertThatThrownBy(() -> get(TlsjContexts.client(clientBase().build()), "https://localhost:" + port + "/"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theHostNameIsCheckedForAnIpLiteralWithoutSni() throws Exception {
        int port = start(TestPki.server(pki.server(KeyType.EC_P256, List.of("localhost"), TestPki.NOW.minusSeconds(60),
                TestPki.NOW.plusSeconds(3600))).build());
        SSLContext context = TlsjContexts.client(clientBase().build());
        assertThatThrownBy(() -> get(context, "https://127.0.0.1:" + port + "/"))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("127.0.0.1");
        assertThat(get(context, "https://localhost:" + port + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aContextMadeForOneSideRefusesInitAndTheOtherSide() {
        SSLContext context = TlsjContexts.client(clientBase().build());
        assertThatThrownBy(() -> context.init(null, null, null)).isInstanceOf(java.security.KeyManagementException.class);
        javax.net.ssl.SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        assertThatThrownBy(engine::beginHandshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("clients only");
    }
}
