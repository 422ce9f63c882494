package org.tlsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;

/**
 * Runs in-memory tlsj handshakes back to back for a while, for a profiler to watch (for example with
 * {@code -XX:StartFlightRecording=filename=hs.jfr,settings=profile}). Arguments: seconds (default 20),
 * group (default x25519), key type (default EC_P256), crypto provider for both sides (default: the fastest
 * usable), and {@code resume} to loop resumed handshakes (a ticket from one full handshake first, then
 * psk_dhe_ke resumptions). Prints the wall-clock rate, the thread's CPU time per handshake (steadier on a
 * busy machine), the least CPU time per handshake over any half-second window (steadier still) and the bytes
 * allocated per handshake.
 */
public final class HandshakeLoop {
    private static final long WINDOW_NANOS = 500_000_000L;

    private HandshakeLoop() {
    }

    /** Loops handshakes and prints the rate. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String group = args.length > 1 ? args[1] : "x25519";
        KeyType key = KeyType.valueOf(args.length > 2 ? args[2] : "EC_P256");
        CryptoProviderFactory crypto = args.length > 3
                ? CryptoProviders.named(args[3]).orElseThrow(() -> new IllegalArgumentException("unknown provider " + args[3]))
                : CryptoProviders.fastest();
        Fixtures f = new Fixtures(crypto);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean resume = args.length > 4 && args[4].equals("resume");
        ClientConfig.Builder clientBuilder = f.client(Fixtures.group(group), ProtocolVersion.TLS13);
        if (resume) {
            clientBuilder.sessionCache(ClientSessionCache.inMemory(4));
        }
        ClientConfig client = clientBuilder.build();
        ServerConfig server = f.server(key).build();
        MemoryPair pair = new MemoryPair();
        if (resume && resumed(pair.handshake(client, server))) {
            throw new IllegalStateException("the first handshake resumed");
        }
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long allocStart = allocated(threads);
        long n = 0;
        long resumedCount = 0;
        // The least CPU per handshake over any half-second window: on a machine shared with other work the
        // total drifts with the load, the best window much less.
        double best = Double.MAX_VALUE;
        long windowEnd = start + WINDOW_NANOS;
        long windowCpu = cpuStart;
        long windowN = 0;
        while (System.nanoTime() < end) {
            if (resumed(pair.handshake(client, server))) {
                resumedCount++;
            }
            n++;
            windowN++;
            if (System.nanoTime() >= windowEnd) {
                long cpuNow = threads.getCurrentThreadCpuTime();
                best = Math.min(best, (cpuNow - windowCpu) / 1e3 / windowN);
                windowCpu = cpuNow;
                windowN = 0;
                windowEnd = System.nanoTime() + WINDOW_NANOS;
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
        double bytes = (allocated(threads) - allocStart) / (double) n;
        System.out.printf(Locale.ROOT, "%s: %d handshakes in %.1f s: %.0f/s, %.0f us each, %.0f us CPU each "
                + "(client and server; best 0.5 s window %.0f us), %.1f KB allocated each, %d resumed%n",
                crypto.name(), n, took, n / took, took * 1e6 / n, cpu, best, bytes / 1024, resumedCount);
        if (resume && resumedCount != n) {
            throw new IllegalStateException(resumedCount + " of " + n + " handshakes resumed");
        }
    }

    private static long allocated(ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean sun
                ? sun.getCurrentThreadAllocatedBytes() : 0;
    }

    private static boolean resumed(MemoryPair pair) {
        boolean client = pair.client().session().orElseThrow().resumed();
        if (client != pair.server().session().orElseThrow().resumed()) {
            throw new IllegalStateException("client and server disagree on resumption");
        }
        return client;
    }
}
