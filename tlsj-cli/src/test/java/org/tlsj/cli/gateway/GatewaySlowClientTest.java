package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConnection;
import org.tlsj.io.TlsSocket;

/**
 * Slow-loris clients through the gateway: one byte every 200 ms. In the handshake the gateway's own bound
 * ({@code --handshake-timeout}) cuts them while others are served. After the handshake the gateway is a
 * byte relay that does not parse the protocol it carries: a trickled request head reaches the upstream as
 * it comes, the upstream's own bound applies, and when the upstream gives up the gateway ends the client
 * connection at once (it holds nothing on its own account). Both leave no thread or descriptor behind.
 */
class GatewaySlowClientTest {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private LivePki pki;
    private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
    private TestUpstream upstream;
    private Gateway gateway;
    private java.util.Set<String> threadsBefore;
    private long socketsBefore;

    @BeforeEach
    void start() throws IOException {
        threadsBefore = platformThreads();
        socketsBefore = openSockets();
        pki = new LivePki("Slow Client CA", dir);
        CertificateFiles.Pair files = pki.write("server", pki.server("gw", List.of("localhost")));
        // The upstream wants the whole request head within 1.5 s (as tlsj server does with --timeout), then
        // answers; a head that takes longer gets the connection closed.
        upstream = TestUpstream.start(s -> {
            if (headWithin(s, Duration.ofMillis(1500))) {
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        GatewaySettings settings = new GatewaySettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Routes.to(upstream.address()), Optional.empty(), false, 100, HANDSHAKE_TIMEOUT, Duration.ofMinutes(5));
        gateway = Gateway.start(settings, ReloadingConfig.load(new CertificateFiles(List.of(files), ClientAuth.NONE,
                Optional.empty())), log::add);
    }

    @AfterEach
    void stopAndCheckNothingLeaks() throws Exception {
        gateway.close();
        upstream.close();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && (openSockets() > socketsBefore || !threadsBefore.containsAll(platformThreads()))) {
            Thread.sleep(20); // polling until the deadline
        }
        assertThat(openSockets()).as("open TCP sockets").isLessThanOrEqualTo(socketsBefore);
        assertThat(platformThreads()).as("platform threads").isSubsetOf(threadsBefore);
    }

    @Test
    void aClientTricklingItsHandshakeIsCutAfterTheHandshakeTimeoutWhileAnotherIsServed() throws Exception {
        byte[] hello = clientHello();
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            long start = System.nanoTime();
            CompletableFuture<Boolean> cut = CompletableFuture.supplyAsync(() -> trickle(slow, hello));
            assertThat(get()).as("another client is served meanwhile").startsWith("HTTP/1.1 200 OK");
            assertThat(cut.get(10, TimeUnit.SECONDS)).as("the trickling client is cut").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(HANDSHAKE_TIMEOUT).isLessThan(Duration.ofSeconds(5));
            assertThat(logLine("TLS handshake failed")).contains("timed out after 3s");
        }
    }

    @Test
    void aRequestHeadTrickledAfterTheHandshakeEndsWhenTheUpstreamGivesUp() throws Exception {
        try (TlsSocket slow = TlsSocket.connect("127.0.0.1", gateway.port(), pki.clientConfig(List.of()), "localhost",
                TIMEOUT, TIMEOUT)) {
            long start = System.nanoTime();
            OutputStream out = slow.getOutputStream();
            CompletableFuture<Integer> end = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.getInputStream().read();
                } catch (IOException e) {
                    return -2;
                }
            });
            byte[] head = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: 12345678901234567890\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < head.length && !end.isDone(); i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                Thread.sleep(200); // the trickle's pace, one byte every 200 ms
            }
            assertThat(get()).as("another client is served meanwhile").startsWith("HTTP/1.1 200 OK");
            assertThat(end.get(10, TimeUnit.SECONDS)).as("end of stream or reset, no response").isLessThan(0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    /** Reads a request head up to its blank line; false if it did not all come within {@code budget}. */
    private static boolean headWithin(Socket s, Duration budget) throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        InputStream in = s.getInputStream();
        int state = 0;
        while (state < 4) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            s.setSoTimeout((int) left);
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketTimeoutException e) {
                return false;
            }
            if (b < 0) {
                return false;
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return true;
    }

    /** Sends {@code bytes} one every 200 ms until the gateway closes the connection; whether it did. */
    private static boolean trickle(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(200); // the trickle's pace, one byte every 200 ms
                if (in.available() > 0 || s.isInputShutdown()) {
                    break;
                }
            }
            s.setSoTimeout(10_000);
            return in.read() == -1;
        } catch (IOException e) {
            return true; // reset by the gateway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String get() throws IOException {
        try (TlsSocket s = TlsSocket.connect("127.0.0.1", gateway.port(), pki.clientConfig(List.of()), "localhost",
                TIMEOUT, TIMEOUT)) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private byte[] clientHello() {
        ClientConnection c = ClientConnection.start(pki.clientConfig(List.of()), "localhost");
        ByteBuffer out = ByteBuffer.allocate(1 << 14);
        c.drainOutput(out);
        return Arrays.copyOf(out.array(), out.position());
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

    /**
     * TCP sockets (connections and listeners) this process has open, by their descriptors' inodes found in
     * the kernel's TCP tables (Linux); elsewhere every open descriptor. Only TCP, so jar files opened by
     * class loading or the JDK's own internal descriptors do not count.
     */
    private static long openSockets() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!java.nio.file.Files.isDirectory(fds)) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
        }
        java.util.Set<String> tcp = new java.util.HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path t = Path.of(table);
            if (java.nio.file.Files.exists(t)) {
                java.nio.file.Files.readAllLines(t).stream().skip(1).map(l -> l.trim().split("\\s+"))
                        .filter(f -> f.length > 9).forEach(f -> tcp.add(f[9]));
            }
        }
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(fds)) {
            return list.filter(fd -> {
                try {
                    String link = java.nio.file.Files.readSymbolicLink(fd).toString();
                    return link.startsWith("socket:[") && tcp.contains(link.substring(8, link.length() - 1));
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        }
    }

    /**
     * Names of live platform threads, leaving out the JDK's own that start on first need and stay: the
     * virtual thread scheduler's carriers, the common pool, the I/O pollers and the unblocker.
     */
    private static java.util.Set<String> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual()).map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool") && !n.endsWith("Poller") && !n.startsWith("VirtualThread-"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
