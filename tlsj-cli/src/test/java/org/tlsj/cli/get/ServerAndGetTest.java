package org.tlsj.cli.get;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.common.TracePrinter;
import org.tlsj.cli.server.GreetingServer;
import org.tlsj.io.TlsSocket;
import org.tlsj.testkit.TestPki;

/** The greeting server (the JDK's HttpsServer on TLSJ) and the client of tlsj get (the JDK's HttpClient on TLSJ). */
class ServerAndGetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
    private final TestPki pki = TestPki.create();
    private final ClientConfig client = pki.client().clock(java.time.Clock.systemUTC()).build();
    private final SSLContext context = JdkGet.context(client);
    private GreetingServer server;

    @BeforeEach
    void start() throws IOException {
        ServerConfig config = ServerConfig.builder(pki.server(KeyType.EC_P256, List.of("localhost", "127.0.0.1"),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))).build();
        server = GreetingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, TIMEOUT, log::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Response fetch(String host, String path) {
        return JdkGet.exchange(new HttpsGet.Target(host, host, server.port(), path), HttpsGet.Request.GET, context,
                TIMEOUT, new HttpsGet.Observer() { });
    }

    @Test
    void getReturnsTheGreetingAndTheServerLogsTheConnection() throws Exception {
        Http.Response r = fetch("localhost", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("Hello TLS-secured world!");
        assertThat(r.headers()).containsEntry("content-type", "text/plain").containsEntry("connection", "close")
                .containsEntry("content-length", "24");
        assertThat(log.poll(10, TimeUnit.SECONDS))
                .matches("#1 127\\.0\\.0\\.1:\\d+ sni=localhost TLSv1\\.3 \\S+ \\S+ in=\\d+B out=\\d+B "
                        + "\"GET / HTTP/1\\.1\" 200 [\\d.]+ms");
    }

    @Test
    void aSecondConnectionOnTheSameContextResumes() throws Exception {
        fetch("localhost", "/");
        fetch("localhost", "/");
        assertThat(log.poll(10, TimeUnit.SECONDS)).doesNotContain(" resumed ");
        assertThat(log.poll(10, TimeUnit.SECONDS)).startsWith("#2 ").contains(" resumed ");
    }

    @Test
    void traceLinesAreTaggedWithTheConnectionNumber() throws Exception {
        java.io.StringWriter trace = new java.io.StringWriter();
        ServerConfig traced = ServerConfig.builder(pki.server(KeyType.EC_P256, List.of("localhost"),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600)))
                .trace(new TracePrinter(new java.io.PrintWriter(trace, true), GreetingServer::connectionTag)).build();
        server.close();
        server = GreetingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), traced, TIMEOUT, log::add);
        fetch("localhost", "/");
        fetch("localhost", "/");
        assertThat(log.poll(10, TimeUnit.SECONDS)).startsWith("#1 ");
        assertThat(log.poll(10, TimeUnit.SECONDS)).startsWith("#2 ");
        assertThat(trace.toString().lines()).allMatch(l -> l.startsWith("[#1] ") || l.startsWith("[#2] "))
                .anyMatch(l -> l.matches("\\[#1] +\\+[\\d.]+ms  C -> S  ClientHello"))
                .anyMatch(l -> l.matches("\\[#2] +\\+[\\d.]+ms  C -> S  ClientHello"));
    }

    @Test
    void otherMethodsGet405() throws Exception {
        assertThat(rawExchange("POST / HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 405 Method Not Allowed\r\n").containsIgnoringCase("Allow: GET\r\n");
    }

    @Test
    void http10GetsTheGreetingToo() throws Exception {
        assertThat(rawExchange("GET /anything HTTP/1.0\r\n\r\n"))
                .startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nHello TLS-secured world!");
    }

    @Test
    void theGreetingIsTextWithALengthAndTheConnectionCloses() throws Exception {
        assertThat(rawExchange("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").toLowerCase(java.util.Locale.ROOT))
                .contains("content-type: text/plain\r\n", "content-length: 24\r\n", "connection: close\r\n")
                .endsWith("\r\n\r\nhello tls-secured world!");
    }

    @Test
    void aHeaderBlockOver16KiBGetsNoAnswer() throws Exception {
        String huge = "GET / HTTP/1.1\r\nX-Filler: " + "a".repeat(GreetingServer.MAX_REQUEST_HEAD) + "\r\n\r\n";
        assertThat(rawExchange(huge)).doesNotContain("Hello");
        assertThat(log.poll(10, TimeUnit.SECONDS)).contains("sent no complete request");
    }

    @Test
    void aFailedHandshakeIsOneLineNamingTheCauseAndTheAlert() throws Exception {
        server.close();
        ServerConfig localhostOnly = ServerConfig.builder(pki.server(KeyType.EC_P256, List.of("localhost"),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))).build();
        server = GreetingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), localhostOnly, TIMEOUT,
                log::add);
        HttpsGet.Target ip = new HttpsGet.Target("127.0.0.1", "127.0.0.1", server.port(), "/");
        assertThatThrownBy(() -> JdkGet.exchange(ip, HttpsGet.Request.GET, context, TIMEOUT, new HttpsGet.Observer() { }))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("TLS handshake with 127.0.0.1:" + server.port() + " failed: ")
                .hasMessageContaining("127.0.0.1")
                .hasMessageEndingWith("(sent alert certificate_unknown)");
        assertThat(log.poll(10, TimeUnit.SECONDS)).contains(" failed: TLS handshake failed: ");
    }

    @Test
    void aRefusedConnectionIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpsGet.Target closed = new HttpsGet.Target("127.0.0.1", "127.0.0.1", port, "/");
        assertThatThrownBy(() -> JdkGet.exchange(closed, HttpsGet.Request.GET, context, TIMEOUT, new HttpsGet.Observer() { }))
                .isInstanceOf(CliException.class)
                .hasMessage("cannot connect to 127.0.0.1:" + port + ": connection refused");
    }

    /** Sends raw request bytes over TLS and returns everything the server answers. */
    private String rawExchange(String request) throws IOException {
        try (TlsSocket s = TlsSocket.connect("127.0.0.1", server.port(), client, "localhost", TIMEOUT, TIMEOUT)) {
            try {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return "";
            }
            try {
                return new String(new BufferedInputStream(s.getInputStream()).readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }
    }

    @Test
    void targetsParseFromUrls() {
        assertThat(HttpsGet.Target.parse("https://example.com/a?b=c"))
                .isEqualTo(new HttpsGet.Target("example.com", "example.com", 443, "/a?b=c"));
        HttpsGet.Target v6 = HttpsGet.Target.parse("https://[::1]:8443");
        assertThat(v6).isEqualTo(new HttpsGet.Target("::1", "::1", 8443, "/"));
        assertThat(v6.hostHeader()).isEqualTo("[::1]:8443");
        assertThat(v6.uri()).hasToString("https://[::1]:8443/");
        assertThat(HttpsGet.Target.parse("https://h/x?y").uri()).hasToString("https://h/x?y");
        assertThat(HttpsGet.Target.parse("localhost:8443").authority()).isEqualTo("localhost:8443");
        assertThat(List.of(HttpsGet.Target.parse("https://h/").hostHeader())).containsExactly("h");
    }
}
