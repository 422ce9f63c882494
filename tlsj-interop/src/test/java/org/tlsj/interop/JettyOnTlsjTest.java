package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * served to curl and to {@code java.net.http.HttpClient} on SunJSSE and on TLSJ, in both versions, and mutual
 * TLS with need client auth. One server for the whole class.
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
