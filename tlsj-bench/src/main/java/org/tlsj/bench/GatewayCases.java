package org.tlsj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;

/**
 * The gateway case: {@code tlsj gateway} against nginx (stream module) and HAProxy ({@code mode tcp}), each its
 * own process(es) with {@link #WORKERS} workers, each terminating TLS 1.3 with the same ECDSA P-256 certificate
 * in front of the same {@link PlainUpstream}, all three running at once and measured round by round in turn
 * (after a warm-up round each): handshakes/s of two concurrent {@code openssl s_time -new} clients; the
 * terminator's CPU (utime + stime of its processes, from /proc) per handshake; p50/p99 latency of
 * connect + handshake + one byte echoed by the upstream (one tlsj client thread, back to back); MB/s of
 * 64 MiB downloads through it (one tlsj client, one download after the other for a round); and, once per
 * terminator before the load, memory per idle established connection (RSS growth of its processes over
 * {@code --connections} open connections; for the JVM also the heap after a full GC). Figures are min / median
 * / max over the rounds with each one's ratio to nginx. A terminator that is not installed is named and left
 * out.
 */
final class GatewayCases {
    /** Workers of every terminator: the cores of the reference machine. */
    static final int WORKERS = 2;
    /**
     * The warm-up round runs this many times {@code --warmup}: the gateway is a JVM started for the case, whose
     * compiler is still busy after a few seconds of handshakes (the in-process cases share one warm JVM).
     */
    private static final int WARMUP_FACTOR = 3;
    /** Connections made one after the other on a fresh terminator before its idle memory is measured. */
    private static final int MEMORY_WARMUP = 200;

    private static final String[] FIGURES = {"handshakes/s, 2 x openssl s_time -new", "server CPU per handshake",
        "latency p50, handshake + first byte", "latency p99, handshake + first byte", "bulk, 64 MiB downloads",
        "RSS per idle connection", "heap per idle connection (JVM only, after full GC)"};
    private static final String[] UNITS = {"handshakes/s", "us", "ms", "ms", "MB/s", "bytes", "bytes"};

    private final Fixtures fixtures;
    private final Options options;
    private final Conn.Dialer client;
    private final List<String> names = new ArrayList<>();
    private final List<double[][]> figures = new ArrayList<>();

    GatewayCases(Fixtures fixtures, Options options) {
        this.fixtures = fixtures;
        this.options = options;
        this.client = Stacks.tlsjClient(fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13).build());
    }

    /** Runs the case; {@link #print} shows the table. */
    GatewayCases run() throws Exception {
        System.out.println("  gateway: tlsj gateway vs nginx vs HAProxy in front of one plain upstream ...");
        if (!OpenSsl.available()) {
            System.out.println("    openssl not found: no gateway figures (s_time drives the handshakes)");
            return this;
        }
        List<Terminator> running = new ArrayList<>();
        try (PlainUpstream upstream = new PlainUpstream()) {
            try {
                startAll(upstream.port(), running);
                for (Terminator t : running) {
                    names.add(t.name());
                    double[][] f = new double[FIGURES.length][options.rounds()];
                    f[5] = new double[1];
                    f[6] = new double[1];
                    figures.add(f);
                }
                for (int i = 0; i < running.size(); i++) { // on fresh processes: before the load has grown pools
                    idleMemory(running.get(i), options.connections(), figures.get(i));
                }
                for (int r = -1; r < options.rounds(); r++) {
                    for (int i = 0; i < running.size(); i++) {
                        measure(running.get(i), r, figures.get(i));
                    }
                }
            } finally {
                for (Terminator t : running) {
                    t.close();
                }
            }
        }
        return this;
    }

    private void startAll(int upstream, List<Terminator> into) throws IOException, InterruptedException {
        Optional<Path> launcher = launcher();
        var key = fixtures.key(KeyType.EC_P256);
        if (launcher.isEmpty()) {
            System.out.println("    the tlsj launcher was not found next to tlsj-bench: no tlsj gateway figures");
        } else {
            into.add(Terminator.gateway(launcher.get(), key, upstream, WORKERS));
        }
        Optional<String> nginx = Terminator.nginxMissing();
        if (nginx.isPresent()) {
            System.out.println("    " + nginx.get() + ": no nginx figures");
        } else {
            into.add(Terminator.nginx(key, upstream, WORKERS));
        }
        Optional<String> haproxy = Terminator.haproxyMissing();
        if (haproxy.isPresent()) {
            System.out.println("    " + haproxy.get() + ": no HAProxy figures");
        } else {
            into.add(Terminator.haproxy(key, upstream, WORKERS));
        }
    }

    /** One round against one terminator (round -1: the warm-up, s_time only, nothing kept). */
    private void measure(Terminator t, int round, double[][] into) throws Exception {
        int seconds = (int) Math.max(1, Math.round(round < 0 ? WARMUP_FACTOR * options.warmup() : options.duration()));
        long cpu0 = t.cpuNanos();
        double rate = sTimeTwice(t.port(), seconds);
        double cpu = t.cpuNanos() - cpu0;
        if (round < 0) {
            download(t, options.warmup()); // the relay's bulk path gets compiled too
            return;
        }
        into[0][round] = rate;
        into[1][round] = cpu / 1e3 / Math.max(1, rate * seconds);
        HandshakeLoad load = HandshakeLoad.run(client, t.port(), 1, options.duration());
        if (load.failures() > 0) {
            System.out.println("    " + t.name() + ": " + load.failures() + " connections failed, first: "
                    + load.firstFailure());
        }
        into[2][round] = Figure.percentileMillis(load.latencies(), 50);
        into[3][round] = Figure.percentileMillis(load.latencies(), 99);
        into[4][round] = download(t, options.duration());
    }

    /** Handshakes/s of two {@code s_time -new} processes running at once. */
    private static double sTimeTwice(int port, int seconds) throws InterruptedException {
        double[] rates = new double[2];
        Thread[] clients = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int index = i;
            clients[i] = Thread.ofPlatform().start(() -> {
                try {
                    rates[index] = OpenSsl.sTime(port, seconds);
                } catch (IOException e) {
                    rates[index] = Double.NaN;
                    System.out.println("    s_time failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread c : clients) {
            c.join();
        }
        return rates[0] + rates[1];
    }

    /**
     * MB/s (10^6 bytes) of 64 MiB downloads through the terminator, one after the other on new connections for
     * {@code seconds} (at least one), from each request to its last byte: one download takes a fraction of a
     * second, too short to measure alone.
     */
    private double download(Terminator t, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long bytes = 0;
        long nanos = 0;
        do {
            try (Conn c = client.dial(t.port())) {
                long start = System.nanoTime();
                long got = drain(c);
                nanos += System.nanoTime() - start;
                if (got < PlainUpstream.DOWNLOAD_BYTES) {
                    System.out.println("    " + t.name() + ": the download ended after " + got + " bytes");
                    return Double.NaN;
                }
                bytes += got;
            } catch (IOException e) {
                System.out.println("    " + t.name() + ": the download failed: " + e);
                return Double.NaN;
            }
        } while (System.nanoTime() < deadline);
        return bytes / 1e6 / (nanos / 1e9);
    }

    /** Asks for the download and reads it to its end; the bytes read. */
    private static long drain(Conn c) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        c.out().write('D');
        c.out().flush();
        InputStream in = c.in();
        long total = 0;
        int n;
        while (total < PlainUpstream.DOWNLOAD_BYTES && (n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }

    /**
     * Bytes per idle established connection, into rows 5 (RSS) and 6 (heap, NaN if not a JVM): measured once,
     * on a fresh terminator after {@link #MEMORY_WARMUP} connections made one after the other (so lazy
     * set-up and the JIT's first code are not counted), since allocators keep what a load once needed.
     */
    private void idleMemory(Terminator t, int n, double[][] into) throws IOException, InterruptedException {
        for (int i = 0; i < MEMORY_WARMUP; i++) {
            client.dial(t.port()).close();
        }
        Thread.sleep(500);
        OptionalLong heap0 = t.heapBytes();
        long rss0 = t.rssBytes();
        List<Conn> open = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                open.add(client.dial(t.port())); // the ping has gone through to the upstream and back
            }
            Thread.sleep(500);
            OptionalLong heap1 = t.heapBytes();
            long rss1 = t.rssBytes();
            into[5][0] = (double) (rss1 - rss0) / n;
            into[6][0] = heap0.isPresent() && heap1.isPresent()
                    ? (double) (heap1.getAsLong() - heap0.getAsLong()) / n : Double.NaN;
        } finally {
            for (Conn c : open) {
                c.close();
            }
            Thread.sleep(500); // let the terminator close its side
        }
    }

    /** The {@code tlsj} launcher at the repository root, found from where this class was loaded. */
    private static Optional<Path> launcher() {
        try {
            Path classes = Path.of(GatewayCases.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = classes.getParent() == null || classes.getParent().getParent() == null ? null
                    : classes.getParent().getParent().getParent(); // tlsj-bench/target/classes
            Path tlsj = root == null ? null : root.resolve("tlsj");
            return tlsj != null && Files.isExecutable(tlsj) ? Optional.of(tlsj) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Prints the case's table: each terminator's figures and their ratio to nginx's medians. */
    void print(PrintStream out) {
        if (names.isEmpty()) {
            return;
        }
        int nginx = names.indexOf("nginx");
        StringBuilder header = new StringBuilder("| gateway case (").append(WORKERS).append(" workers each) | unit");
        StringBuilder rule = new StringBuilder("|---|---");
        for (String n : names) {
            header.append(" | ").append(n).append(" min / median / max");
            rule.append("|---");
        }
        for (String n : names) {
            if (nginx >= 0 && !n.equals("nginx")) {
                header.append(" | ").append(n).append("/nginx");
                rule.append("|---");
            }
        }
        out.println();
        out.println(header.append(" |"));
        out.println(rule.append("|"));
        for (int f = 0; f < FIGURES.length; f++) {
            StringBuilder row = new StringBuilder("| ").append(FIGURES[f]).append(" | ").append(UNITS[f]);
            for (double[][] fig : figures) {
                row.append(" | ").append(new Figure(fig[f]).format());
            }
            for (int i = 0; i < names.size(); i++) {
                if (nginx >= 0 && i != nginx) {
                    double r = new Figure(figures.get(i)[f]).median() / new Figure(figures.get(nginx)[f]).median();
                    row.append(" | ").append(Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-");
                }
            }
            out.println(row.append(" |"));
        }
    }
}
