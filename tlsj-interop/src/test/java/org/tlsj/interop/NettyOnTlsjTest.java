package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Peer.Result;
import org.tlsj.jsse.TlsjProvider;
import org.tlsj.pki.CertifiedKey;

/**
 * Netty 4.2 (NIO transport, {@code SslProvider.JDK}) on the TLSJ provider: a server built with
 * {@code SslContextBuilder.forServer(key, chain).sslContextProvider(TLSJ)} (with Netty's HTTP/2 cipher list),
 * served to curl and to a SunJSSE HttpClient over HTTP/1.1 and (ALPN h2) HTTP/2, 1 MiB each way, and to a
 * Netty client on TLSJ offering ALPN; and a Netty client on TLSJ fetching from {@code openssl s_server -www}.
 * One server for the whole class.
 */
class NettyOnTlsjTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;
    static SslContext serverTls;
    static NettyHello server;

    @BeforeAll
    static void start() throws Exception {
        pki = InteropPki.create(dir);
        CertifiedKey key = pki.server(KeyType.EC_P256);
        serverTls = SslContextBuilder.forServer(key.privateKey(), key.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK).sslContextProvider(Ecosystem.tlsj())
                .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                        SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .build();
        server = NettyHello.start(serverTls);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static SslContext clientTls(String protocol) throws Exception {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).sslContextProvider(Ecosystem.tlsj())
                .trustManager(pki.caCertificate()).protocols(protocol).build();
    }

    @Test
    void serverContextComesFromTheTlsjProvider() {
        assertThat(((JdkSslContext) serverTls).context().getProvider().getName()).isEqualTo(TlsjProvider.NAME);
    }

    @Test
    void serverRunsTheEnginesDelegatedTasksOnItsExecutor() {
        int before = server.delegatedTasksRun();
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", "--tlsv1.3", "--http1.1");

        assertThat(r.stdout()).as(r.description()).startsWith(Ecosystem.BODY);
        assertThat(server.delegatedTasksRun()).as("NEED_TASK tasks run by Netty's executor").isGreaterThan(before);
    }

    @Test
    void curlOfferingBothVersionsGetsATls13SuiteThoughNettysOrderListsTls12SuitesFirst() {
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", "--http1.1");

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stderr()).as(r.description()).containsPattern("SSL connection using TLSv1.3 / TLS_(AES|CHACHA20)_");
    }

    @Test
    void sunJsseClientOfferingBothVersionsGetsATls13SuiteThoughNettysOrderListsTls12SuitesFirst() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(Ecosystem.context("SunJSSE", pki, null))
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = Ecosystem.get(client, server.port(), "/");

            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getCipherSuite()).startsWith("TLS_AES_"));
        }
    }

    @Test
    void tlsjClientOfferingBothVersionsGetsATls13SuiteThoughNettysOrderListsTls12SuitesFirst() throws Exception {
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .sslContextProvider(Ecosystem.tlsj()).trustManager(pki.caCertificate()).build();
        NettyGet.Response r = NettyGet.get(client, server.port(), "/");

        assertThat(r.protocol()).isEqualTo("TLSv1.3");
        assertThat(r.cipherSuite()).matches("TLS_(AES|CHACHA20)_.*");
    }

    @ParameterizedTest
    @CsvSource({"--tlsv1.3, TLSv1.3", "--tls-max 1.2, TLSv1.2"})
    void curlFetchesThePageOverHttp11(String versionOption, String protocol) {
        String[] options = (versionOption + " --http1.1").split(" ");
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", options);

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as(r.description()).isEqualTo(Ecosystem.BODY + "\n1.1");
        assertThat(r.stderr()).as(r.description()).contains("SSL connection using " + protocol)
                .containsIgnoringCase(Ecosystem.TLS_HEADER + ": " + protocol + " TLS_");
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
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void sunJsseHttpClientFetchesThePageOverHttp11(String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(Ecosystem.context("SunJSSE", pki, null), protocol,
                HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = Ecosystem.get(client, server.port(), "/");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.headers().firstValue(Ecosystem.TLS_HEADER)).hasValueSatisfying(
                    v -> assertThat(v).startsWith(protocol + " TLS_"));
            assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo(protocol));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tlsv1.3", "--tls-max 1.2"})
    void curlFetchesThePageOverHttp2(String versionOption) {
        String[] options = (versionOption + " --http2").split(" ");
        Result r = Ecosystem.curl(dir, pki, server.port(), "/", options);

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stderr()).as(r.description()).contains("ALPN: server accepted h2");
        assertThat(r.stdout()).as(r.description()).isEqualTo(Ecosystem.BODY + "\n2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void sunJsseHttpClientFetchesThePageOverHttp2(String protocol) throws Exception {
        try (HttpClient client = Ecosystem.httpClient(Ecosystem.context("SunJSSE", pki, null), protocol,
                HttpClient.Version.HTTP_2)) {
            HttpResponse<String> r = Ecosystem.get(client, server.port(), "/");

            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.body()).isEqualTo(Ecosystem.BODY);
            assertThat(r.headers().firstValue(Ecosystem.TLS_HEADER)).hasValueSatisfying(
                    v -> assertThat(v).startsWith(protocol + " TLS_"));
        }
    }

    @ParameterizedTest
    @CsvSource({"--tlsv1.3 --http1.1, 1.1", "--tls-max 1.2 --http1.1, 1.1", "--tlsv1.3 --http2, 2",
            "--tls-max 1.2 --http2, 2"})
    void curlFetchesAMebibyte(String options, String httpVersion) {
        Result r = Ecosystem.curl(dir, pki, server.port(), Ecosystem.BULK_PATH, options.split(" "));

        assertThat(r.exitCode()).as(r.description()).isZero();
        assertThat(r.stdout()).as("%d characters", r.stdout().length()).isEqualTo(Ecosystem.BULK + "\n" + httpVersion);
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, HTTP_1_1", "TLSv1.2, HTTP_1_1", "TLSv1.3, HTTP_2", "TLSv1.2, HTTP_2"})
    void sunJsseHttpClientUploadsAMebibyteAndGetsItBack(String protocol, HttpClient.Version version)
            throws Exception {
        try (HttpClient client = Ecosystem.httpClient(Ecosystem.context("SunJSSE", pki, null), protocol, version)) {
            HttpResponse<String> r = Ecosystem.post(client, server.port(), Ecosystem.BULK);

            assertThat(r.version()).isEqualTo(version);
            assertThat(r.body()).as("%d characters", r.body().length()).isEqualTo(Ecosystem.BULK);
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_3", "TLSv1.2, -tls1_2"})
    void nettyClientOnTlsjFetchesFromOpenSslServer(String protocol, String only) throws Exception {
        try (Peer openssl = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256), only)) {
            NettyGet.Response r = NettyGet.get(clientTls(protocol), openssl.port(), "/");

            assertThat(r.status()).as(openssl.describe()).isEqualTo(200);
            assertThat(r.body()).as(openssl.describe()).contains("s_server").contains(protocol);
            assertThat(r.protocol()).isEqualTo(protocol);
            assertThat(r.body()).contains(r.cipherSuite().equals("TLS_AES_128_GCM_SHA256") ? "TLS_AES_128_GCM_SHA256"
                    : "Cipher");
            assertThat(r.engineClass()).startsWith("org.tlsj.jsse.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void nettyClientOnTlsjFetchesFromTheNettyServerOnTlsjWithAlpn(String protocol) throws Exception {
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .sslContextProvider(Ecosystem.tlsj()).trustManager(pki.caCertificate()).protocols(protocol)
                .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                        SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1))
                .build();
        NettyGet.Response r = NettyGet.get(client, server.port(), "/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Ecosystem.BODY);
        assertThat(r.protocol()).isEqualTo(protocol);
        assertThat(r.applicationProtocol()).isEqualTo(ApplicationProtocolNames.HTTP_1_1);
        assertThat(((JdkSslContext) client).context().getProvider().getName()).isEqualTo(TlsjProvider.NAME);
    }

    @Test
    void nettyClientOnTlsjRefusesAServerCertificateForAnotherName() throws Exception {
        try (Peer openssl = OpenSsl.sServer(dir, pki.wrongNameFiles())) {
            Throwable t = catchThrowable(() -> NettyGet.get(clientTls("TLSv1.3"), openssl.port(), "/"));

            assertThat(t).as(openssl.describe()).isNotNull();
            assertThat(t).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }
}
