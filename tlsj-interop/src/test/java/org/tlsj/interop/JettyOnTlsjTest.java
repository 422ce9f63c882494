package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.interop.Peer.Result;
import org.tlsj.jsse.TlsjProvider;

/**
 * Jetty 12 on the TLSJ provider ({@code SslContextFactory.Server.setProvider("TLSJ")}): HTTP/1.1 and HTTP/2
 * served to curl and to {@code java.net.http.HttpClient} on SunJSSE and on TLSJ, in both versions, 1 MiB each
 * way and 16 concurrent HTTP/2 streams, session resumption, the certificate chosen by SNI among two, and
 * mutual TLS with need client auth. One server for the whole class.
 */
class JettyOnTlsjTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;
    static JettyHello server;

    @BeforeAll
    static void start() throws Exception {
        pki = InteropPki.create(dir);
        server = JettyHello.start(pki);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static SSLContext client(String provider, boolean withCertificate) throws Exception {
        return Ecosystem.context(provider, pki, withCertificate ? pki.clientKey() : null);
    }

    @Test
    void serverContextComesFromTheTlsjProvider() {
        assertThat(server.providerName()).isEqualTo(TlsjProvider.NAME);
    }

    @ParameterizedTest
    @CsvSource({"--tlsv1.3, TLSv1.3", "--tls-max 1.2, TLSv1.2"})
    void curlFetchesThePageOverHttp11(String versionOption, String protocol) {
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", (versionOption + " --http1.1").split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as(r.description()).isEqualTo(Ecosystem.BODY + "\n1.1");
        assertThat(r.stderr()).as(r.description()).contains("SSL connection using " + protocol)
                .containsIgnoringCase(Ecosystem.TLS_HEADER + ": " + protocol + " TLS_");
    }

    @ParameterizedTest
    @CsvSource({"--tlsv1.3, TLSv1.3", "--tls-max 1.2, TLSv1.2"})
    void curlFetchesThePageOverHttp2(String versionOption, String protocol) {
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", (versionOption + " --http2").split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stderr()).as(r.description()).contains("ALPN: server accepted h2")
                .contains("SSL connection using " + protocol);
        assertThat(r.stdout()).as(r.description()).isEqualTo(Ecosystem.BODY + "\n2");
    }

    @ParameterizedTest
    @CsvSource({"SunJSSE, TLSv1.3", "SunJSSE, TLSv1.2", "TLSJ, TLSv1.3", "TLSJ, TLSv1.2"})
    void httpClientFetchesThePageOverHttp11(String provider, String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client(provider, false), protocol, HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = Ecosystem.get(client, server.port(), "/");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.headers().firstValue(Ecosystem.TLS_HEADER)).hasValueSatisfying(
                    v -> assertThat(v).startsWith(protocol + " TLS_"));
            assertThat(Ecosystem.get(client, server.port(), "/again").body()).isEqualTo(Ecosystem.BODY);
        }
    }

    @ParameterizedTest
    @CsvSource({"SunJSSE, TLSv1.3", "SunJSSE, TLSv1.2", "TLSJ, TLSv1.3", "TLSJ, TLSv1.2"})
    void httpClientFetchesThePageOverHttp2(String provider, String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client(provider, false), protocol, HttpClient.Version.HTTP_2)) {
            HttpResponse<String> r = Ecosystem.get(client, server.port(), "/");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.headers().firstValue(Ecosystem.TLS_HEADER)).hasValueSatisfying(
                    v -> assertThat(v).startsWith(protocol + " TLS_"));
            assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo(protocol));
            assertThat(Ecosystem.get(client, server.port(), "/again").version()).isEqualTo(HttpClient.Version.HTTP_2);
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, HTTP_1_1", "TLSv1.2, HTTP_1_1", "TLSv1.3, HTTP_2", "TLSv1.2, HTTP_2"})
    void tlsjHttpClientFetchesAndUploadsAMebibyte(String protocol, HttpClient.Version version) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client(TlsjProvider.NAME, false), protocol, version)) {
            HttpResponse<String> down = Ecosystem.get(client, server.port(), Ecosystem.BULK_PATH);
            HttpResponse<String> up = Ecosystem.post(client, server.port(), Ecosystem.BULK);

            assertThat(down.version()).isEqualTo(version);
            assertThat(down.body()).as("%d characters", down.body().length()).isEqualTo(Ecosystem.BULK);
            assertThat(up.body()).as("%d characters", up.body().length()).isEqualTo(Ecosystem.BULK);
        }
    }

    @Test
    void tlsjHttpClientRunsConcurrentHttp2StreamsOnOneConnection() throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client(TlsjProvider.NAME, false), "TLSv1.3",
                HttpClient.Version.HTTP_2)) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(client.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port()
                        + Ecosystem.BULK_PATH + "?n=" + i)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(r.body()).isEqualTo(Ecosystem.BULK);
            }
        }
    }

    @Test
    void curlFetchesAMebibyteOverHttp2() {
        Result r = Ecosystem.curl(dir, pki, server.port(), Ecosystem.BULK_PATH, "--http2");

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as("%d characters", r.stdout().length()).isEqualTo(Ecosystem.BULK + "\n2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tlsv1.3", "--tls-max 1.2"})
    void curlResumesItsSessionOnASecondConnection(String versionOption) {
        String url = "https://localhost:" + server.port() + "/second";
        String options = versionOption + " --http1.1 --header Connection:close";
        Result r = Ecosystem.curl(dir, pki, server.port(), "/first", (options + " " + url).split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as(r.description()).isEqualTo(Ecosystem.BODY + "\n1.1" + Ecosystem.BODY + "\n1.1");
        assertThat(r.stderr()).as(r.description()).contains("SSL re-using session ID");
        assertThat(r.stderr().split("\\(IN\\), TLS handshake, Certificate \\(11\\)", -1))
                .as("one server Certificate message in two handshakes: the second resumed\n%s", r.description())
                .hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"localhost, --tlsv1.3", "other.example, --tlsv1.3", "localhost, --tls-max 1.2",
            "other.example, --tls-max 1.2"})
    void jettyServesTheCertificateForTheServerNameCurlAsksFor(String host, String versionOption) {
        Result r = Ecosystem.curl(dir, pki, host, server.namedPort(), "/", versionOption.split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as(r.description()).startsWith(Ecosystem.BODY);
        assertThat(r.stderr()).as(r.description()).contains("subject: CN=" + host);
    }

    @ParameterizedTest
    @CsvSource({"--tlsv1.3, TLSv1.3", "--tls-max 1.2, TLSv1.2"})
    void curlWithClientCertificatePassesNeedClientAuth(String versionOption, String protocol) {
        PemFiles client = pki.clientFiles();
        String options = versionOption + " --http1.1 --cert " + client.chain() + " --key " + client.key();
        Result r = Ecosystem.curl(dir, pki, server.mutualPort(), "/", options.split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as(r.description()).startsWith(Ecosystem.BODY);
        assertThat(r.stderr()).as(r.description()).contains("SSL connection using " + protocol)
                .containsIgnoringCase(JettyHello.PEER_HEADER + ": " + InteropPki.CLIENT_IDENTITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tlsv1.3", "--tls-max 1.2"})
    void curlWithoutClientCertificateIsRefused(String versionOption) {
        Result r = Ecosystem.curl(dir, pki, server.mutualPort(), "/", (versionOption + " --http1.1").split(" "));

        assertThat(r.exitCode()).as(r.description()).isNotZero();
        assertThat(r.stdout()).as(r.description()).doesNotContain(Ecosystem.BODY);
    }

    @ParameterizedTest
    @CsvSource({"SunJSSE, TLSv1.3", "SunJSSE, TLSv1.2", "TLSJ, TLSv1.3", "TLSJ, TLSv1.2"})
    void httpClientWithClientCertificatePassesNeedClientAuth(String provider, String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client(provider, true), protocol, HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = Ecosystem.get(client, server.mutualPort(), "/");

            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.headers().firstValue(JettyHello.PEER_HEADER)).contains(InteropPki.CLIENT_IDENTITY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void tlsjHttpClientWithoutClientCertificateIsRefused(String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(client("TLSJ", false), protocol, HttpClient.Version.HTTP_1_1)) {
            Throwable t = catchThrowable(() -> Ecosystem.get(client, server.mutualPort(), "/"));

            assertThat(t).isInstanceOf(java.io.IOException.class);
        }
    }
}
