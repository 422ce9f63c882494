package org.tlsj.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.tlsj.crypto.CryptoProviders;

/**
 * The netty case's load on one stack, round after round, printing requests/s and the whole process's CPU
 * time per request (client and server both, plus the JIT compiler and GC): a target for a profiler such as
 * {@code -XX:StartFlightRecording}. Arguments: stack ({@code TLSJ}, {@code TLSJ_CONFIGS}, {@code JDK},
 * {@code TCNATIVE}), seconds per round, client loops, rounds, and {@code keep} for keep-alive requests.
 */
public final class NettyLoop {
    private NettyLoop() {
    }

    /** Runs the load; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: NettyLoop TLSJ|TLSJ_CONFIGS|JDK|TCNATIVE SECONDS LOOPS ROUNDS [keep]");
            System.exit(2);
        }
        NettyStacks stack = NettyStacks.valueOf(args[0].toUpperCase(Locale.ROOT));
        double seconds = Double.parseDouble(args[1]);
        int loops = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        boolean keepAlive = args.length > 4 && args[4].equals("keep");
        Fixtures fixtures = new Fixtures(CryptoProviders.fastest());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (NettyHttp http = new NettyHttp(stack.server(fixtures), stack.client(fixtures))) {
            System.out.println(stack.label() + ": " + http.probe());
            for (int r = 0; r < rounds; r++) {
                long cpu0 = os.getProcessCpuTime();
                NettyHttp.Load load = http.run(loops, seconds, keepAlive);
                long cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf(Locale.ROOT, "%.0f requests/s, %.0f us process CPU per request, %d failed %s%n",
                        load.rate(), cpu / 1e3 / Math.max(1, load.requests()), load.failures(), load.firstFailure());
            }
        }
    }
}
