package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.jsse.TlsjProvider;

/**
 * The JDK's HTTP clients on the TLSJ provider against {@code openssl s_server -WWW} (which serves files from its
 * working directory over HTTP/1.0): {@code java.net.http.HttpClient}, whose ALPN offer (h2, http/1.1) s_server
 * prints, and with a client certificate from its key manager; and {@code HttpsURLConnection}. HTTP/2 end to
 * end on TLSJ is in {@link JettyOnTlsjTest}.
 */
class JdkHttpOnTlsjTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;
    private static final String FILE = "hello.txt";

    @BeforeAll
    static void mint() throws Exception {
        pki = InteropPki.create(dir);
        Files.writeString(dir.resolve(FILE), Ecosystem.BODY);
    }

    /**
     * {@code openssl s_server -WWW} on a free port serving {@code dir}; {@code options} follow. It runs under
     * {@code stdbuf -oL} so that what it prints reaches its stdout file while it still runs.
     */
    private static Peer sServerFiles(PemFiles files, String... options) {
        Peer.requireTool("openssl");
        return Peer.server(dir, port -> {
            List<String> cmd = new ArrayList<>(List.of("stdbuf", "-oL", "openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-WWW", "-cert", files.chain().toString(), "-key", files.key().toString()));
            cmd.addAll(List.of(options));
            return cmd;
        });
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_3", "TLSv1.2, -tls1_2"})
    void tlsjHttpClientFetchesAFileFromOpenSslServer(String protocol, String only) throws Exception {
        try (Peer openssl = sServerFiles(pki.serverFiles(KeyType.EC_P256), only);
             HttpClient client = Ecosystem.httpClient(Ecosystem.context(TlsjProvider.NAME, pki, null), protocol,
                     HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = Ecosystem.get(client, openssl.port(), "/" + FILE);

            assertThat(r.statusCode()).as(openssl.describe()).isEqualTo(200);
            assertThat(r.body()).as(openssl.describe()).isEqualTo(Ecosystem.BODY);
            assertThat(r.sslSession()).hasValueSatisfying(s -> {
                assertThat(s.getProtocol()).isEqualTo(protocol);
                assertThat(s.getCipherSuite()).startsWith("TLS_");
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_3", "TLSv1.2, -tls1_2"})
    void tlsjHttpClientOffersH2AndTakesHttp11WhenTheServerPicksIt(String protocol, String only) throws Exception {
        try (Peer openssl = sServerFiles(pki.serverFiles(KeyType.EC_P256), only, "-alpn", "http/1.1");
             HttpClient client = Ecosystem.httpClient(Ecosystem.context(TlsjProvider.NAME, pki, null), protocol,
                     HttpClient.Version.HTTP_2)) {
            HttpResponse<String> r = Ecosystem.get(client, openssl.port(), "/" + FILE);

            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).as(openssl.describe()).isEqualTo(Ecosystem.BODY);
            assertThat(openssl.stdout()).as(openssl.describe())
                    .contains("ALPN protocols advertised by the client: h2, http/1.1");
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_3", "TLSv1.2, -tls1_2"})
    void tlsjHttpClientPresentsItsCertificateToOpenSslServerThatRequiresOne(String protocol, String only)
            throws Exception {
        try (Peer openssl = sServerFiles(pki.serverFiles(KeyType.EC_P256), only, "-Verify", "1",
                "-verify_return_error", "-CAfile", pki.caFile().toString());
             HttpClient client = Ecosystem.httpClient(Ecosystem.context(TlsjProvider.NAME, pki, pki.clientKey()),
                     protocol, HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = Ecosystem.get(client, openssl.port(), "/" + FILE);

            assertThat(r.body()).as(openssl.describe()).isEqualTo(Ecosystem.BODY);
            assertThat(openssl.stderr()).as(openssl.describe()).contains("depth=0 CN = " + InteropPki.CLIENT_NAME);
        }
    }

    @Test
    void tlsjHttpClientRefusesACertificateForAnotherName() throws Exception {
        try (Peer openssl = sServerFiles(pki.wrongNameFiles());
             HttpClient client = Ecosystem.httpClient(Ecosystem.context(TlsjProvider.NAME, pki, null), "TLSv1.3",
                     HttpClient.Version.HTTP_1_1)) {
            Throwable t = catchThrowable(() -> Ecosystem.get(client, openssl.port(), "/" + FILE));

            assertThat(t).as(openssl.describe()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, -tls1_3", "TLSv1.2, -tls1_2"})
    void httpsUrlConnectionOnTlsjFetchesAFileFromOpenSslServer(String protocol, String only) throws Exception {
        try (Peer openssl = sServerFiles(pki.serverFiles(KeyType.EC_P256), only)) {
            HttpsURLConnection c = (HttpsURLConnection) URI.create("https://localhost:" + openssl.port() + "/" + FILE)
                    .toURL().openConnection();
            c.setSSLSocketFactory(Ecosystem.context(TlsjProvider.NAME, pki, null).getSocketFactory());
            c.setConnectTimeout(20_000);
            c.setReadTimeout(20_000);
            try (InputStream in = c.getInputStream()) {
                assertThat(c.getResponseCode()).as(openssl.describe()).isEqualTo(200);
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Ecosystem.BODY);
                assertThat(c.getCipherSuite()).as("a %s suite", protocol)
                        .matches(protocol.equals("TLSv1.3") ? "TLS_(AES|CHACHA20)_.*" : "TLS_ECDHE_ECDSA_.*");
                assertThat(c.getServerCertificates()[0]).isEqualTo(pki.server(KeyType.EC_P256).leaf());
            } finally {
                c.disconnect();
            }
        }
    }
}
