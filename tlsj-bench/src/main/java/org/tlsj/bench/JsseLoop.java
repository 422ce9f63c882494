package org.tlsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.tlsj.crypto.CryptoProviders;

/**
 * Loops the jsse case's connections (in-memory SSLEngine pairs: handshake, one-byte echo each way, close) on
 * one JSSE provider for a profiler to watch, for example with
 * {@code -XX:StartFlightRecording=filename=jsse.jfr,settings=profile}. Arguments: seconds (default 20), the
 * stack whose name starts with the given text (default "TLSJ, crypto jca"; see {@link JsseStacks}), and
 * {@code resume} for resumed connections. Prints the rate and the thread's CPU time per connection.
 */
public final class JsseLoop {
    private JsseLoop() {
    }

    /** Loops connections and prints the rate. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String prefix = args.length > 1 ? args[1] : "TLSJ, crypto jca";
        boolean resume = args.length > 2 && args[2].equals("resume");
        JsseStacks.Stack stack = JsseStacks.all(new Fixtures(), CryptoProviders.fastest().name()).stream()
                .filter(s -> s.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack named " + prefix + "..."));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JsseCases.connect(stack.context(), resume);
        long start = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < deadline) {
            JsseCases.connect(stack.context(), resume);
            if (++n % JsseCases.RECLAIM_EVERY == 0) {
                JsseCases.reclaim();
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
        System.out.printf(Locale.ROOT, "%s%s: %d connections, %.0f/s, %.0f us CPU each%n", stack.name(),
                resume ? ", resumed" : "", n, n / wall, cpu);
    }
}
