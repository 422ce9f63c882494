package org.tlsj.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client threads that open connections back to back for a while (connect, handshake, one-byte echo,
 * close) and record each one's latency.
 *
 * @param handshakes connections completed
 * @param seconds the wall-clock time the round took
 * @param latencies each connection's latency (connect to echo received), sorted, in nanoseconds
 * @param resumed connections the client saw resumed (tlsj only)
 * @param failures connections that failed
 * @param firstFailure the first failure's message, or empty
 */
public record HandshakeLoad(long handshakes, double seconds, long[] latencies, long resumed, long failures,
                            String firstFailure) {
    /** Copies the samples. */
    public HandshakeLoad {
        latencies = latencies.clone();
    }

    /** Handshakes per second. */
    public double rate() {
        return handshakes / seconds;
    }

    /** Runs {@code threads} client threads against 127.0.0.1:{@code port} for {@code seconds}. */
    public static HandshakeLoad run(Conn.Dialer dialer, int port, int threads, double seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong resumed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> first = new AtomicReference<>("");
        List<long[]> samples = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 18];
            samples.add(mine);
            int index = t;
            clients.add(Thread.ofPlatform().name("bench-client-" + t).start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline && n < mine.length) {
                    long t0 = System.nanoTime();
                    try (Conn c = dialer.dial(port)) {
                        mine[n++] = System.nanoTime() - t0;
                        if (c.resumed()) {
                            resumed.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        first.compareAndSet("", e.toString());
                    }
                }
                counts[index] = n;
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new HandshakeLoad(all.length, took, all, resumed.get(), failures.get(), first.get());
    }
}
