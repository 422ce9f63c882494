package org.tlsj.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;

/**
 * The loopback harness behind {@code ./tlsj bench}: tlsj and JSSE side by side in one run over 127.0.0.1
 * (client and server in this JVM, on platform threads), each figure as min / median / max over a few short
 * rounds after one warm-up round, with the ratio tlsj/JSSE of the medians; then OpenSSL's {@code s_time}
 * against {@code s_server}, the tlsj server and the JSSE server when an {@code openssl} binary is present;
 * then {@code tlsj gateway} against nginx and HAProxy ({@link GatewayCases}, its own table).
 * Options: {@code --duration SECONDS} per round, {@code --warmup SECONDS} for the warm-up round, {@code --rounds N}, {@code --threads 1,2},
 * {@code --only CASE,...} (tls13, mlkem, rsa, tls12, resumed, bulk, heap, openssl, netty: see {@link NettyCases},
 * jsse: see {@link JsseCases}, gateway), {@code --connections N}
 * for the idle heap figure, {@code --crypto NAME} for the tlsj side's crypto provider (default: the fastest
 * usable one, {@link CryptoProviders#fastest()}; the run prints which).
 */
public final class LoopbackBench {
    private final Options options;
    private final CryptoProviderFactory crypto;
    private final Fixtures fixtures;
    private final Table table = new Table();

    private LoopbackBench(Options options, CryptoProviderFactory crypto) {
        this.options = options;
        this.crypto = crypto;
        this.fixtures = new Fixtures(crypto);
    }

    /** Runs the harness and prints the table. */
    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = e.getMessage().equals("help");
            if (!help) {
                System.err.println("tlsj bench: " + e.getMessage());
            }
            (help ? System.out : System.err).println(Options.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        CryptoProviderFactory crypto;
        try {
            crypto = cryptoProvider(o);
        } catch (IllegalArgumentException e) {
            System.err.println("tlsj bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        new LoopbackBench(o, crypto).run();
    }

    /** The provider named by --crypto, or the fastest usable one. */
    private static CryptoProviderFactory cryptoProvider(Options o) {
        if (o.crypto().isEmpty()) {
            return CryptoProviders.fastest();
        }
        String name = o.crypto().get();
        CryptoProviderFactory f = CryptoProviders.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown crypto provider " + name + "; known: "
                        + CryptoProviders.all().stream().map(CryptoProviderFactory::name).toList()));
        f.unavailableReason().ifPresent(why -> {
            throw new IllegalArgumentException("crypto provider " + name + " is not usable here: " + why);
        });
        return f;
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "tlsj bench: %s, %d cores, %.1f s rounds x %d (after a %.1f s warm-up round "
                + "per stack and case)%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                options.duration(), options.rounds(), options.warmup());
        System.out.printf(Locale.ROOT, "tlsj side crypto provider: %s (rank %d%s; usable: %s)%n", crypto.name(),
                crypto.rank(), options.crypto().isEmpty() ? ", the fastest usable" : ", chosen with --crypto",
                CryptoProviders.available().stream().map(CryptoProviderFactory::name).toList());
        if (options.wants("tls13")) {
            for (int t : options.threads()) {
                fullHandshakes("TLS 1.3 full, ECDSA P-256, x25519, " + t + " client thread" + (t > 1 ? "s" : ""),
                        KeyType.EC_P256, NamedGroup.X25519, ProtocolVersion.TLS13, t);
            }
        }
        if (options.wants("mlkem")) {
            fullHandshakes("TLS 1.3 full, ECDSA P-256, X25519MLKEM768, 1 client thread", KeyType.EC_P256,
                    NamedGroup.X25519MLKEM768, ProtocolVersion.TLS13, 1);
            fullHandshakes("TLS 1.3 full, ECDSA P-256, SecP256r1MLKEM768, 1 client thread", KeyType.EC_P256,
                    NamedGroup.SECP256R1MLKEM768, ProtocolVersion.TLS13, 1);
        }
        if (options.wants("rsa")) {
            fullHandshakes("TLS 1.3 full, RSA 2048, x25519, 1 client thread", KeyType.RSA_2048, NamedGroup.X25519,
                    ProtocolVersion.TLS13, 1);
        }
        if (options.wants("mldsa")) {
            // SunJSSE (JDK 25) has no ML-DSA signature scheme, so the JSSE column stays empty.
            handshakes("TLS 1.3 full, ML-DSA-65 leaf, x25519, 1 client thread", KeyType.ML_DSA_65,
                    Stacks.tlsjClient(fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13).build()), null,
                    fixtures.jsse(KeyType.EC_P256), 1, true);
        }
        if (options.wants("tls12")) {
            fullHandshakes("TLS 1.2 full, ECDHE-ECDSA P-256, x25519, 1 client thread", KeyType.EC_P256,
                    NamedGroup.X25519, ProtocolVersion.TLS12, 1);
        }
        if (options.wants("resumed")) {
            resumed();
        }
        if (options.wants("bulk")) {
            bulk();
        }
        if (options.wants("heap")) {
            heap();
        }
        if (options.wants("openssl")) {
            new OpenSslCases(fixtures, options, table).run();
        }
        if (options.wants("jsse")) {
            new JsseCases(fixtures, crypto.name(), options, table).run();
        }
        NettyCases netty = options.wants("netty") ? new NettyCases(fixtures, options, crypto).run() : null;
        GatewayCases gateway = options.wants("gateway") ? new GatewayCases(fixtures, options).run() : null;
        if (!table.rows.isEmpty()) {
            System.out.println();
            table.print(System.out);
        }
        if (netty != null) {
            netty.print(System.out);
        }
        if (gateway != null) {
            gateway.print(System.out);
        }
    }

    private void fullHandshakes(String label, KeyType key, NamedGroup group, ProtocolVersion version, int threads)
            throws Exception {
        ClientConfig.Builder clientBuilder = fixtures.client(group, version);
        if (version == ProtocolVersion.TLS12 && key == KeyType.EC_P256 && !group.equals(NamedGroup.SECP256R1)) {
            // RFC 8422 section 4: the tlsj TLS 1.2 server, too, wants the certificate's curve among the groups
            clientBuilder.groups(List.of(group, NamedGroup.SECP256R1));
        }
        ClientConfig client = clientBuilder.build();
        String jsseGroup = group.equals(NamedGroup.X25519) ? "x25519" : group.equals(NamedGroup.SECP256R1)
                ? "secp256r1" : null;
        String protocol = version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2";
        if (version == ProtocolVersion.TLS12 && jsseGroup != null) {
            // JSSE's TLS 1.2 server wants the certificate's curve among the client's groups (RFC 8422 5.1)
            jsseGroup = jsseGroup + ",secp256r1";
        }
        SSLContext ctx = fixtures.jsse(key);
        handshakes(label, key, Stacks.tlsjClient(client),
                jsseGroup == null ? null : Stacks.jsseClient(ctx, jsseGroup, protocol, false), ctx, threads, true);
        if (threads == 1) {
            long[] wire = WireBytes.count(client, fixtures.server(key).build());
            table.add("  handshake on the wire, client -> server", "bytes", new Figure(new double[] {wire[0]}), null);
            table.add("  handshake on the wire, server -> client (tickets incl.)", "bytes",
                    new Figure(new double[] {wire[1]}), null);
        }
    }

    private void resumed() throws Exception {
        ClientConfig client = fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13)
                .sessionCache(ClientSessionCache.inMemory(4)).build();
        SSLContext ctx = fixtures.jsse(KeyType.EC_P256);
        handshakes("TLS 1.3 resumed (tlsj tickets; JSSE session resumption), 1 client thread", KeyType.EC_P256,
                Stacks.tlsjClient(client), Stacks.jsseClient(ctx, "x25519", "TLSv1.3", true), ctx, 1, false);
    }

    /** Measures one handshake case on both stacks, round by round, alternating the stacks. */
    private void handshakes(String label, KeyType key, Conn.Dialer tlsj, Conn.Dialer jsse, SSLContext ctx,
                            int threads, boolean latencyAndCpu) throws Exception {
        System.out.println("  " + label + " ...");
        int rounds = options.rounds();
        double[][] t = new double[4][rounds];
        double[][] j = new double[4][rounds];
        try (EchoServer ts = new EchoServer(Stacks.tlsjServer(fixtures.server(key).build()), threads + 1, "tlsj");
             EchoServer js = new EchoServer(Stacks.jsseServer(ctx), threads + 1, "jsse")) {
            for (int r = -1; r < rounds; r++) {
                measure(ts, tlsj, threads, r, t);
                if (jsse != null) {
                    measure(js, jsse, threads, r, j);
                }
            }
        }
        table.add(label, "handshakes/s", new Figure(t[0]), jsse == null ? null : new Figure(j[0]));
        if (latencyAndCpu) {
            table.add("  latency p50", "ms", new Figure(t[1]), jsse == null ? null : new Figure(j[1]));
            table.add("  latency p99", "ms", new Figure(t[2]), jsse == null ? null : new Figure(j[2]));
            table.add("  server CPU per handshake", "us", new Figure(t[3]), jsse == null ? null : new Figure(j[3]));
        }
    }

    private void measure(EchoServer server, Conn.Dialer dialer, int threads, int round, double[][] into)
            throws Exception {
        long cpu0 = server.cpuNanos();
        HandshakeLoad load = HandshakeLoad.run(dialer, server.port(), threads, seconds(round));
        long cpu = server.cpuNanos() - cpu0;
        if (load.failures() > 0) {
            System.out.println("    " + load.failures() + " connections failed, first: " + load.firstFailure());
        }
        if (round < 0) {
            return; // warm-up
        }
        into[0][round] = load.rate();
        into[1][round] = Figure.percentileMillis(load.latencies(), 50);
        into[2][round] = Figure.percentileMillis(load.latencies(), 99);
        into[3][round] = load.handshakes() == 0 ? Double.NaN : cpu / 1e3 / load.handshakes();
        if (load.resumed() > 0 && load.resumed() < load.handshakes() * 9 / 10) {
            System.out.println("    only " + load.resumed() + " of " + load.handshakes() + " resumed");
        }
    }

    private void bulk() throws Exception {
        String label = "Bulk, one TLS 1.3 TLS_AES_128_GCM_SHA256 connection, 16 KiB writes";
        System.out.println("  " + label + " ...");
        ClientConfig client = fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13)
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build();
        SSLContext ctx = fixtures.jsse(KeyType.EC_P256);
        int rounds = options.rounds();
        double[] t = new double[rounds];
        double[] j = new double[rounds];
        try (EchoServer ts = new EchoServer(Stacks.tlsjServer(fixtures.server(KeyType.EC_P256).build()), 1, "tlsj");
             EchoServer js = new EchoServer(Stacks.jsseServer(ctx), 1, "jsse")) {
            Conn.Dialer jsse = Stacks.jsseClient(ctx, "x25519", "TLSv1.3", false, "TLS_AES_128_GCM_SHA256");
            for (int r = options.warmup() > 0 ? -1 : 0; r < rounds; r++) {
                double a = stream(ts, Stacks.tlsjClient(client), seconds(r));
                double b = stream(js, jsse, seconds(r));
                if (r >= 0) {
                    t[r] = a;
                    j[r] = b;
                }
            }
        }
        table.add(label, "MB/s", new Figure(t), new Figure(j));
    }

    /** A round's length: the warm-up's for round -1. */
    private double seconds(int round) {
        return round < 0 ? options.warmup() : options.duration();
    }

    /** Streams 16 KiB writes over one connection for one round; the server's rate. */
    private double stream(EchoServer server, Conn.Dialer dialer, double seconds)
            throws IOException, InterruptedException {
        server.resetBulk();
        byte[] chunk = new byte[16 * 1024];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (Conn c = dialer.dial(server.port())) {
            OutputStream out = c.out();
            out.write('B');
            while (System.nanoTime() < deadline) {
                out.write(chunk);
            }
            out.flush();
        }
        for (int i = 0; i < 500 && server.bulkMegabytesPerSecond() == 0; i++) {
            Thread.sleep(10);
        }
        return server.bulkMegabytesPerSecond();
    }

    private void heap() throws Exception {
        int n = options.connections();
        String label = "Heap per idle established connection (server side, in memory, " + n + " connections)";
        System.out.println("  " + label + " ...");
        ClientConfig client = fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13).build();
        var server = fixtures.server(KeyType.EC_P256).build();
        SSLContext ctx = fixtures.jsse(KeyType.EC_P256);
        int rounds = options.rounds();
        double[] t = new double[rounds];
        double[] j = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            t[r] = IdleHeap.tlsj(client, server, n);
            j[r] = IdleHeap.jsse(ctx, "x25519", n);
        }
        table.add(label, "bytes", new Figure(t), new Figure(j));
    }

    /** Rows collected for the final table. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void add(String label, String unit, Figure tlsj, Figure jsse) {
            double r = tlsj == null || jsse == null ? Double.NaN : tlsj.median() / jsse.median();
            String ratio = Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-";
            rows.add(new String[] {label, unit, tlsj == null ? "-" : tlsj.format(),
                    jsse == null ? "n/a" : jsse.format(), ratio});
        }

        void addRaw(String... cells) {
            rows.add(cells);
        }

        void print(java.io.PrintStream out) {
            out.println("| figure | unit | tlsj min / median / max | JSSE min / median / max | tlsj/JSSE |");
            out.println("|---|---|---|---|---|");
            for (String[] r : rows) {
                out.println("| " + String.join(" | ", r) + " |");
            }
        }
    }
}
