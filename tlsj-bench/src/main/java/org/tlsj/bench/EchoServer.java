package org.tlsj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback harness's server: a few platform threads, each accepting and serving one connection at a
 * time. Each 'P' byte is echoed (a probe: both handshakes are then complete and
 * tickets received); a 'B' switches to bulk and counts bytes until the client closes. Counts the server threads' CPU time through ThreadMXBean.
 */
public final class EchoServer implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Conn.Acceptor acceptor;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong bulkBytes = new AtomicLong();
    private final AtomicLong bulkFirst = new AtomicLong();
    private final AtomicLong bulkLast = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    /** Starts {@code threads} workers on {@code acceptor}. */
    public EchoServer(Conn.Acceptor acceptor, int threads, String name) {
        this.acceptor = acceptor;
        for (int i = 0; i < threads; i++) {
            Thread t = Thread.ofPlatform().daemon().name(name + "-server-" + i).start(this::serve);
            workers.add(t);
        }
    }

    /** The port. */
    public int port() {
        return acceptor.port();
    }

    /** CPU time used by the server threads so far, in nanoseconds. */
    public long cpuNanos() {
        long sum = 0;
        for (Thread t : workers) {
            long n = THREADS.getThreadCpuTime(t.threadId());
            sum += Math.max(0, n);
        }
        return sum;
    }

    /** Connections that failed on the server side (reset by a closing client included). */
    public long failures() {
        return failures.get();
    }

    /** Clears the bulk counters. */
    public void resetBulk() {
        bulkBytes.set(0);
        bulkFirst.set(0);
        bulkLast.set(0);
    }

    /** Bulk megabytes (10^6 bytes) per second between the first and the last byte received. */
    public double bulkMegabytesPerSecond() {
        long nanos = bulkLast.get() - bulkFirst.get();
        return nanos <= 0 ? 0 : bulkBytes.get() * 1e3 / nanos;
    }

    private void serve() {
        byte[] buf = new byte[64 * 1024];
        while (!closed) {
            Conn c;
            try {
                c = acceptor.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                failures.incrementAndGet();
                continue;
            }
            try (c) {
                InputStream in = c.in();
                int mode;
                while ((mode = in.read()) == 'P') {
                    c.out().write('P');
                    c.out().flush();
                }
                if (mode == 'B') {
                    bulkFirst.compareAndSet(0, System.nanoTime());
                    for (int n; (n = in.read(buf)) > 0; ) {
                        bulkBytes.addAndGet(n);
                        bulkLast.set(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        acceptor.close();
    }
}
