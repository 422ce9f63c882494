package org.tlsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The jsse case of {@code ./tlsj bench}: SSLEngine pairs in memory on one thread, per JSSE provider
 * ({@link JsseStacks}), all in one run: TLS 1.3 full handshakes/s (ECDSA P-256, x25519), resumed handshakes/s
 * and bulk MB/s (TLS_AES_128_GCM_SHA256, 16 KiB writes, wrap and unwrap), each as min / median / max over the
 * rounds after a warm-up round, with the ratio to SunJSSE. Handshakes also show the thread's CPU time per
 * connection (both engines), steadier than the rate on a busy machine. The stacks take turns round by round.
 */
final class JsseCases {
    private static final String GROUP = "x25519";
    private static final String BULK_SUITE = "TLS_AES_128_GCM_SHA256";
    /** Connections between two {@link #reclaim()} pauses. */
    static final int RECLAIM_EVERY = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Options options;
    private final LoopbackBench.Table table;
    private final List<JsseStacks.Stack> stacks;
    /** The contexts whose connections did not resume in some round of the resumed case. */
    private final Set<SSLContext> notResumed = new HashSet<>();

    JsseCases(Fixtures fixtures, String fastCrypto, Options options, LoopbackBench.Table table) {
        this.options = options;
        this.table = table;
        this.stacks = JsseStacks.all(fixtures, fastCrypto);
    }

    /** A measurement of one stack for one round: the figure and the CPU microseconds per operation (or NaN). */
    private interface Round {
        double[] run(SSLContext ctx, double seconds) throws SSLException;
    }

    void run() throws SSLException {
        System.out.println("  jsse: " + stacks.stream().map(JsseStacks.Stack::name).toList()
                + " (SSLEngine pairs in memory, one thread)");
        measure("jsse: TLS 1.3 full, ECDSA P-256, x25519, SSLEngine pair in memory", "handshakes/s",
                (ctx, s) -> handshakes(ctx, s, false));
        measure("jsse: TLS 1.3 resumed, SSLEngine pair in memory", "handshakes/s",
                (ctx, s) -> handshakes(ctx, s, true));
        measure("jsse: bulk TLS 1.3 " + BULK_SUITE + ", 16 KiB writes, wrap + unwrap", "MB/s",
                JsseCases::bulk);
    }

    private void measure(String label, String unit, Round round) throws SSLException {
        System.out.println("  " + label + " ...");
        int rounds = options.rounds();
        double[][] v = new double[stacks.size()][rounds];
        double[][] cpu = new double[stacks.size()][rounds];
        for (int r = options.warmup() > 0 ? -1 : 0; r < rounds; r++) {
            for (int i = 0; i < stacks.size(); i++) {
                double[] x = round.run(stacks.get(i).context(), r < 0 ? options.warmup() : options.duration());
                if (r >= 0) {
                    v[i][r] = x[0];
                    cpu[i][r] = x[1];
                }
            }
        }
        for (int i = 0; i < stacks.size(); i++) {
            JsseStacks.Stack s = stacks.get(i);
            String note = notResumed.remove(s.context()) ? " (did not resume: full handshakes)" : "";
            table.add(label + ": " + s.name() + note, unit, new Figure(v[i]), new Figure(v[0]));
        }
        if (Double.isFinite(cpu[0][0])) {
            for (int i = 0; i < stacks.size(); i++) {
                table.add("  CPU per handshake, both engines: " + stacks.get(i).name(), "us", new Figure(cpu[i]),
                        new Figure(cpu[0]));
            }
        }
    }

    /**
     * Connections per second for {@code seconds}, and CPU microseconds per connection. Resumed: each
     * connection's client engine names the same peer, and a connection counts as resumed when the server sent
     * less than a full handshake's bytes minus 300 (no certificate); fewer than 90% resumed is reported.
     */
    private double[] handshakes(SSLContext ctx, double seconds, boolean resumed) throws SSLException {
        long full = connect(ctx, false);
        if (resumed) {
            connect(ctx, true); // fills the client's session cache
        }
        long start = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long paused = 0;
        long pausedCpu = 0;
        long n = 0;
        long shorter = 0;
        while (System.nanoTime() < deadline + paused) {
            if (connect(ctx, resumed) < full - 300) {
                shorter++;
            }
            if (++n % RECLAIM_EVERY == 0) {
                long t = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                reclaim();
                paused += System.nanoTime() - t;
                pausedCpu += THREADS.getCurrentThreadCpuTime() - c;
            }
        }
        double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu0 - pausedCpu) / 1e3 / n;
        double rate = n / ((System.nanoTime() - start - paused) / 1e9);
        if (resumed && shorter < n * 9 / 10) {
            notResumed.add(ctx);
            System.out.println("    only " + shorter + " of " + n + " resumed");
        }
        return new double[] {rate, cpuMicros};
    }

    /**
     * Runs the garbage collector and the finalizers, outside the measured time: Conscrypt frees an engine's
     * native state (and the pipe each one opens) only when it is finalized, so without this a fast run ends
     * when the process has no file descriptors left. Every stack gets the same pauses.
     */
    @SuppressWarnings("removal")
    static void reclaim() {
        System.gc();
        System.runFinalization();
    }

    /** One connection: handshake, one-byte echo each way, close; returns the bytes the server sent. */
    static long connect(SSLContext ctx, boolean resumable) throws SSLException {
        EngineLink link = new EngineLink(ctx, GROUP, resumable, null);
        long sent = link.open();
        link.close();
        return sent;
    }

    /** Plaintext MB/s through one connection for {@code seconds}. */
    private static double[] bulk(SSLContext ctx, double seconds) throws SSLException {
        EngineLink link = new EngineLink(ctx, GROUP, false, BULK_SUITE);
        link.open();
        if (!link.suite().equals(BULK_SUITE)) {
            throw new SSLException("bulk ran on " + link.suite() + ", not " + BULK_SUITE);
        }
        ByteBuffer chunk = ByteBuffer.allocate(16 * 1024);
        long bytes = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            chunk.clear();
            bytes += link.clientToServer(chunk);
        }
        double rate = bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
        link.close();
        return new double[] {rate, Double.NaN};
    }
}
