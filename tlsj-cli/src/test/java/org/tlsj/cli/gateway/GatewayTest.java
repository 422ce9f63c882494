package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;
import org.tlsj.pki.CertifiedKey;

class GatewayTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path dir;
    private LivePki pki;
    private CertificateFiles.Pair serverFiles;
    private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Gateway gateway;

    @BeforeEach
    void mintCertificates() {
        pki = new LivePki("Gateway Test CA", dir);
        serverFiles = pki.write("server", pki.server("first", List.of("localhost", "127.0.0.1")));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private TestUpstream upstream(TestUpstream.Handler handler) throws IOException {
        TestUpstream u = TestUpstream.start(handler);
        resources.add(u);
        return u;
    }

    private static GatewaySettings settings(Routes routes) {
        return new GatewaySettings(ANY_LOOPBACK_PORT, routes, Optional.empty(), false, 100, TIMEOUT, Duration.ZERO);
    }

    private Gateway start(GatewaySettings settings, CertificateFiles files) throws IOException {
        gateway = Gateway.start(settings, ReloadingConfig.load(files), log::add);
        return gateway;
    }

    private CertificateFiles plainFiles() {
        return new CertificateFiles(List.of(serverFiles), ClientAuth.NONE, Optional.empty());
    }

    private TlsSocket connect(String sni, ClientConfig config) throws IOException {
        return TlsSocket.connect("127.0.0.1", gateway.port(), config, sni, TIMEOUT, TIMEOUT);
    }

    private TlsSocket connect() throws IOException {
        return connect("localhost", pki.clientConfig(List.of()));
    }

    /** Sends text, half-closes, and returns everything the other side sent until its end. */
    private static String exchange(TlsSocket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.shutdownOutput();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String logLine(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = log.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.contains(containing)) {
                return line;
            }
        }
        throw new AssertionError("no log line containing '" + containing + "'");
    }

    @Test
    void relaysBothWaysAndPassesOnEachHalfClose() throws Exception {
        TestUpstream echo = upstream(TestUpstream.echo());
        start(settings(Routes.to(echo.address())), plainFiles());
        try (TlsSocket s = connect()) {
            assertThat(exchange(s, "ping through the gateway")).isEqualTo("ping through the gateway");
        }
        assertThat(logLine("closed"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z #1 127\\.0\\.0\\.1:\\d+ sni=localhost TLSv1\\.3 \\S+ \\S+ client=- "
                        + "upstream=127\\.0\\.0\\.1:" + echo.address().port() + " up=24B down=24B [\\d.]+ms closed");
    }

    @Test
    void routesBySniWithExactAndWildcardNamesAndServesTheCertificateForEachName() throws Exception {
        TestUpstream a = upstream(s -> s.getOutputStream().write('A'));
        TestUpstream b = upstream(s -> s.getOutputStream().write('B'));
        CertificateFiles.Pair apps = pki.write("apps", pki.server("apps", List.of("api.example.com", "web.apps.example.com")));
        Routes routes = new Routes(List.of(new Routes.Route("api.example.com", a.address()),
                new Routes.Route("*.apps.example.com", b.address())), Optional.empty());
        start(settings(routes), new CertificateFiles(List.of(serverFiles, apps), ClientAuth.NONE, Optional.empty()));
        ClientConfig client = pki.clientConfig(List.of());
        try (TlsSocket s = connect("api.example.com", client)) {
            assertThat(s.getInputStream().readAllBytes()).containsExactly('A');
            assertThat(s.session().peerCertificates().getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=apps");
        }
        try (TlsSocket s = connect("web.apps.example.com", client)) {
            assertThat(s.getInputStream().readAllBytes()).containsExactly('B');
        }
        try (TlsSocket s = connect("localhost", client)) {
            assertThat(s.session().peerCertificates().getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=first");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(logLine("refused")).contains("sni=localhost", "upstream=-",
                "refused: no --route matches sni=localhost and there is no --upstream");
    }

    @Test
    void requiredClientAuthRefusesAClientWithoutCertificateWithCertificateRequired() throws Exception {
        TestUpstream echo = upstream(TestUpstream.echo());
        start(settings(Routes.to(echo.address())),
                new CertificateFiles(List.of(serverFiles), ClientAuth.REQUIRED, Optional.of(pki.caFile())));
        assertThatThrownBy(() -> {
            try (TlsSocket s = connect()) { // TLS 1.3: the client's side completes before the server's verdict
                s.getInputStream().read();
            }
        }).isInstanceOfSatisfying(TlsPeerAlertException.class,
                e -> assertThat(e.description()).contains(AlertDescription.CERTIFICATE_REQUIRED));
        assertThat(logLine("TLS handshake failed")).contains("sent alert certificate_required", "upstream=-");
    }

    @Test
    void requiredClientAuthLetsAVerifiedClientThroughAndTellsTheUpstreamWhoItIs() throws Exception {
        LinkedBlockingQueue<ProxyHeaderReader.Header> headers = new LinkedBlockingQueue<>();
        TestUpstream upstream = upstream(s -> {
            headers.add(ProxyHeaderReader.read(s.getInputStream()));
            TestUpstream.echo().handle(s);
        });
        GatewaySettings proxied = new GatewaySettings(ANY_LOOPBACK_PORT, Routes.to(upstream.address()), Optional.empty(),
                true, 100, TIMEOUT, Duration.ZERO);
        start(proxied, new CertificateFiles(List.of(serverFiles), ClientAuth.REQUIRED, Optional.of(pki.caFile())));
        CertifiedKey alice = pki.certified(pki.client("alice"));
        String suite;
        try (TlsSocket s = connect("localhost", pki.clientConfig(List.of(alice)))) {
            assertThat(exchange(s, "hello")).isEqualTo("hello");
            suite = s.session().cipherSuite().displayName();
        }
        ProxyHeaderReader.Header h = headers.poll(10, TimeUnit.SECONDS);
        assertThat(h).isNotNull();
        assertThat(h.family()).isEqualTo(0x11);
        assertThat(h.source().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(h.destination().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(h.destinationPort()).isEqualTo(gateway.port());
        assertThat(h.tlvs()).containsEntry(0x02, "localhost");
        assertThat(h.sslClient()).isEqualTo(0x07);
        assertThat(h.sslVerify()).isZero();
        assertThat(h.ssl()).containsEntry(0x21, "TLSv1.3").containsEntry(0x22, "alice").containsEntry(0x23, suite);
        String line = logLine("closed");
        assertThat(line).contains("client=\"CN=alice\"", ":" + h.sourcePort() + " sni=localhost");
    }

    @Test
    void reEncryptsToTheUpstreamWithMutualTlsOnBothLegs() throws Exception {
        CertifiedKey backendCert = pki.certified(pki.server("backend", List.of("backend.internal")));
        ServerConfig backendConfig = ServerConfig.builder(backendCert).clientAuth(ClientAuth.REQUIRED, pki.verifier())
                .build();
        TlsServerSocket backend = TlsServerSocket.bind(ANY_LOOPBACK_PORT, backendConfig, TIMEOUT, TIMEOUT);
        resources.add(backend);
        Thread.ofVirtual().start(() -> {
            try (TlsSocket s = backend.accept()) {
                s.handshake();
                s.getOutputStream().write(("backend sees " + s.session().peerIdentity().orElse("nobody") + ": ")
                        .getBytes(StandardCharsets.UTF_8));
                s.getInputStream().transferTo(s.getOutputStream());
            } catch (IOException ignored) {
                // the client's assertions tell what went wrong
            }
        });
        ClientConfig toBackend = pki.clientConfig(List.of(pki.certified(pki.client("gateway"))));
        GatewaySettings tls = new GatewaySettings(ANY_LOOPBACK_PORT,
                Routes.to(new HostPort("127.0.0.1", backend.localPort())),
                Optional.of(new GatewaySettings.UpstreamTls(toBackend, Optional.of("backend.internal"))), false, 100,
                TIMEOUT, Duration.ZERO);
        start(tls, new CertificateFiles(List.of(serverFiles), ClientAuth.REQUIRED, Optional.of(pki.caFile())));
        try (TlsSocket s = connect("localhost", pki.clientConfig(List.of(pki.certified(pki.client("alice")))))) {
            assertThat(exchange(s, "secret")).isEqualTo("backend sees CN=gateway: secret");
        }
        assertThat(logLine("closed")).contains("client=\"CN=alice\"");
    }

    @Test
    void idleTimeoutClosesBothSidesWhenNothingMoves() throws Exception {
        CountDownLatch upstreamSawEnd = new CountDownLatch(1);
        TestUpstream echo = upstream(s -> {
            TestUpstream.echo().handle(s);
            upstreamSawEnd.countDown();
        });
        Duration idle = Duration.ofMillis(300);
        start(new GatewaySettings(ANY_LOOPBACK_PORT, Routes.to(echo.address()), Optional.empty(), false, 100, TIMEOUT,
                idle), plainFiles());
        try (TlsSocket s = connect()) {
            s.getOutputStream().write('x');
            assertThat(s.getInputStream().read()).isEqualTo('x');
            long quietSince = System.nanoTime();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - quietSince)).isGreaterThanOrEqualTo(idle.minusMillis(20));
        }
        assertThat(upstreamSawEnd.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(logLine("idle")).contains("up=1B down=1B", "idle timeout: no data either way for 300ms");
    }

    @Test
    void refusesConnectionsBeyondTheLimitAndTakesNewOnesWhenASlotFrees() throws Exception {
        TestUpstream echo = upstream(TestUpstream.echo());
        start(new GatewaySettings(ANY_LOOPBACK_PORT, Routes.to(echo.address()), Optional.empty(), false, 2, TIMEOUT,
                Duration.ZERO), plainFiles());
        TlsSocket first = connect();
        try (TlsSocket second = connect()) {
            for (TlsSocket s : List.of(first, second)) { // both relays are running once their echo comes back
                s.getOutputStream().write('1');
                assertThat(s.getInputStream().read()).isEqualTo('1');
            }
            assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
            assertThat(logLine("refused")).contains("#3 ", "refused: 2 connections open (--max-connections)");
            first.close();
            assertThat(logLine("#1 ")).endsWith("closed");
            try (TlsSocket third = connect()) {
                assertThat(exchange(third, "room again")).isEqualTo("room again");
            }
        }
    }

    @Test
    void reloadKeepsOpenConnectionsAndGivesNewOnesTheNewCertificate() throws Exception {
        TestUpstream echo = upstream(TestUpstream.echo());
        start(settings(Routes.to(echo.address())), plainFiles());
        try (TlsSocket old = connect()) {
            old.getOutputStream().write('a');
            assertThat(old.getInputStream().read()).isEqualTo('a');
            pki.write("server", pki.server("second", List.of("localhost")));
            assertThat(gateway.reloadCertificates("test")).isTrue();
            try (TlsSocket fresh = connect()) {
                assertThat(fresh.session().peerCertificates().getFirst().getSubjectX500Principal().getName())
                        .isEqualTo("CN=second");
                assertThat(exchange(fresh, "new")).isEqualTo("new");
            }
            assertThat(old.session().peerCertificates().getFirst().getSubjectX500Principal().getName())
                    .isEqualTo("CN=first");
            assertThat(exchange(old, "still here")).isEqualTo("still here");
        }
        assertThat(log).anyMatch(l -> l.equals("gateway: certificates reloaded (test); new connections use them"));
    }

    @Test
    void aBrokenCertificateFileKeepsTheCurrentCertificates() throws Exception {
        TestUpstream echo = upstream(TestUpstream.echo());
        start(settings(Routes.to(echo.address())), plainFiles());
        java.nio.file.Files.writeString(serverFiles.key(), "not a key");
        assertThat(gateway.reloadCertificates("test")).isFalse();
        assertThat(logLine("reload failed")).startsWith("gateway: certificate reload failed (test), keeping");
        try (TlsSocket s = connect()) {
            assertThat(exchange(s, "still serving")).isEqualTo("still serving");
        }
    }

    @Test
    void drainOnShutdownLetsTheInFlightResponseFinish() throws Exception {
        byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nslow!"
                .getBytes(StandardCharsets.US_ASCII);
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestUpstream slow = upstream(s -> {
            TestUpstream.readHead(s.getInputStream());
            requested.countDown();
            release.await();
            s.getOutputStream().write(response);
        });
        start(settings(Routes.to(slow.address())), plainFiles());
        int port = gateway.port();
        TlsSocket s = connect();
        try {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
            gateway.stopAccepting();
            CompletableFuture<Boolean> drained = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> drained.complete(gateway.shutdown(TIMEOUT)));
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            release.countDown();
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(response);
            s.close();
            assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            s.close();
        }
        assertThat(logLine("#1 ")).contains("down=" + response.length + "B").endsWith("closed");
        assertThat(logLine("gateway: stopped")).isEqualTo("gateway: stopped");
    }

    @Test
    void drainTimeoutCutsWhatIsStillOpen() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TestUpstream stuck = upstream(s -> never.await());
        start(settings(Routes.to(stuck.address())), plainFiles());
        try (TlsSocket s = connect()) {
            s.getOutputStream().write('x');
            assertThat(gateway.shutdown(Duration.ofMillis(200))).isFalse();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        } finally {
            never.countDown();
        }
        assertThat(logLine("#1 ")).endsWith("cut at shutdown: still open after the drain timeout of 200ms");
    }
}
