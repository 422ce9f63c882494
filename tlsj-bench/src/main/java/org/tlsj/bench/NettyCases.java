package org.tlsj.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsj.crypto.CryptoProviderFactory;

/**
 * The netty case of the harness: a Netty 4.2 HTTPS/1.1 server and client ({@link NettyHttp}, both in this JVM
 * over 127.0.0.1, each on a two-thread event loop group) on each of {@link NettyStacks}, TLS 1.3 with the ECDSA
 * P-256 certificate, requests/s for a new TLS connection per request and for keep-alive requests on one
 * connection per client loop; min / median / max over the rounds after a warm-up round, with the ratios of the
 * medians to the JDK provider and to netty-tcnative. The stacks alternate within each round.
 */
final class NettyCases {
    private final Fixtures fixtures;
    private final Options options;
    private final String cryptoName;
    private final List<String[]> rows = new ArrayList<>();

    NettyCases(Fixtures fixtures, Options options, CryptoProviderFactory crypto) {
        this.fixtures = fixtures;
        this.options = options;
        this.cryptoName = crypto.name();
    }

    /** Measures both modes on every usable stack; the rows wait for {@link #print}. */
    NettyCases run() throws Exception {
        List<NettyStacks> stacks = new ArrayList<>();
        for (NettyStacks s : NettyStacks.all()) {
            s.unavailableReason().ifPresentOrElse(
                    why -> System.out.println("  netty: " + s.label() + " not usable here: " + why), () -> stacks.add(s));
        }
        int loops = options.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<NettyHttp> servers = new ArrayList<>();
        try {
            for (NettyStacks s : stacks) {
                NettyHttp http = new NettyHttp(s.server(fixtures), s.client(fixtures));
                servers.add(http);
                System.out.println("  netty: " + label(s) + ": " + http.probe());
            }
            for (boolean keepAlive : new boolean[] {false, true}) {
                String label = "Netty HTTPS GET, " + (keepAlive ? "keep-alive requests on one connection per loop"
                        : "a new TLS connection per request") + " (TLS 1.3, ECDSA P-256), " + loops + " client loop"
                        + (loops > 1 ? "s" : "");
                System.out.println("  " + label + " ...");
                double[][] rates = measure(servers, loops, keepAlive);
                addRows(label, stacks, rates);
            }
        } finally {
            servers.forEach(NettyHttp::close);
        }
        return this;
    }

    private String label(NettyStacks s) {
        return s == NettyStacks.TLSJ_CONFIGS ? s.label() + " (crypto " + cryptoName + ")" : s.label();
    }

    private double[][] measure(List<NettyHttp> servers, int loops, boolean keepAlive) throws InterruptedException {
        int rounds = options.rounds();
        double[][] rates = new double[servers.size()][rounds];
        for (int r = -1; r < rounds; r++) {
            double seconds = r < 0 ? options.warmup() : options.duration();
            if (seconds <= 0) {
                continue;
            }
            for (int s = 0; s < servers.size(); s++) {
                NettyHttp.Load load = servers.get(s).run(loops, seconds, keepAlive);
                if (load.failures() > 0) {
                    System.out.println("    " + load.failures() + " failed, first: " + load.firstFailure());
                }
                if (r >= 0) {
                    rates[s][r] = load.rate();
                }
            }
        }
        return rates;
    }

    private void addRows(String label, List<NettyStacks> stacks, double[][] rates) {
        rows.add(new String[] {label, "", "", "", ""});
        double jdk = median(stacks, rates, NettyStacks.JDK);
        double tcnative = median(stacks, rates, NettyStacks.TCNATIVE);
        for (int s = 0; s < stacks.size(); s++) {
            Figure f = new Figure(rates[s]);
            rows.add(new String[] {"  " + label(stacks.get(s)), "requests/s", f.format(), ratio(f.median(), jdk),
                    ratio(f.median(), tcnative)});
        }
    }

    private static double median(List<NettyStacks> stacks, double[][] rates, NettyStacks which) {
        int i = stacks.indexOf(which);
        return i < 0 ? Double.NaN : new Figure(rates[i]).median();
    }

    private static String ratio(double a, double b) {
        double r = a / b;
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-";
    }

    /** Prints the netty table (nothing when no row was measured). */
    void print(PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("| figure | unit | min / median / max | /JDK provider | /netty-tcnative |");
        out.println("|---|---|---|---|---|");
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
        }
    }
}
