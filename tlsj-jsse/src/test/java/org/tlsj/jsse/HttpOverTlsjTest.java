package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's HTTP stack on TLSJ: {@code com.sun.net.httpserver.HttpsServer} with a TLSJ SSLContext, and
 * {@code java.net.http.HttpClient} and {@code HttpsURLConnection} with TLSJ or SunJSSE contexts.
 */
class HttpOverTlsjTest {
    private static final JssePki PKI = new JssePki();
    private SessionEchoServer server;

    private int start(SSLContext context, boolean needClientAuth) throws Exception {
        server = new SessionEchoServer(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        }, s -> "hello over " + s.getProtocol() + " " + s.getCipherSuite() + " to " + peer(s));
        return server.port();
    }

    private static String peer(SSLSession s) {
        try {
            return s.getPeerPrincipal().getName();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return "anonymous";
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String get(HttpClient client, int port) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj, tlsj", "TLSv1.2, tlsj, tlsj", "TLSv1.3, tlsj, jdk", "TLSv1.2, tlsj, jdk",
            "TLSv1.3, jdk, tlsj", "TLSv1.2, jdk, tlsj"})
    void httpClientFetchesFromHttpsServer(String protocol, String clientSide, String serverSide) throws Exception {
        SSLContext sc = serverSide.equals("tlsj") ? PKI.tlsjServer(protocol) : PKI.jdk(PKI.server);
        int port = start(sc, false);
        SSLContext cc = clientSide.equals("tlsj") ? PKI.tlsjClient(protocol, false) : PKI.jdk(null);
        javax.net.ssl.SSLParameters p = new javax.net.ssl.SSLParameters();
        p.setProtocols(new String[] {protocol});
        try (HttpClient client = HttpClient.newBuilder().sslContext(cc).sslParameters(p)
                .version(HttpClient.Version.HTTP_1_1).build()) {
            assertThat(get(client, port)).startsWith("hello over " + protocol + " TLS_").endsWith("anonymous");
            assertThat(get(client, port)).startsWith("hello over " + protocol);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void httpClientOffersHttp2AndFallsBackToHttp11OnHttpsServer(String protocol) throws Exception {
        int port = start(PKI.tlsjServer(protocol), false);
        try (HttpClient client = HttpClient.newBuilder().sslContext(PKI.tlsjClient(protocol, false))
                .version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void httpClientWithClientCertificatePassesNeedClientAuth(String protocol) throws Exception {
        int port = start(PKI.tlsjServer(protocol), true);
        try (HttpClient client = HttpClient.newBuilder().sslContext(PKI.tlsjClient(protocol, true))
                .version(HttpClient.Version.HTTP_1_1).build()) {
            assertThat(get(client, port)).contains("CN=jsse client");
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk"})
    void httpsUrlConnectionFetchesOverTlsjSockets(String protocol, String serverSide) throws Exception {
        SSLContext sc = serverSide.equals("tlsj") ? PKI.tlsjServer(protocol) : PKI.jdk(PKI.server);
        int port = start(sc, false);
        HttpsURLConnection c = (HttpsURLConnection) URI.create("https://localhost:" + port + "/u").toURL().openConnection();
        c.setSSLSocketFactory(PKI.tlsjClient(protocol, false).getSocketFactory());
        try (InputStream in = c.getInputStream()) {
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("hello over " + protocol);
            assertThat(c.getCipherSuite()).startsWith("TLS_");
            assertThat(c.getServerCertificates()[0]).isEqualTo(PKI.server.leaf());
        } finally {
            c.disconnect();
        }
    }
}
