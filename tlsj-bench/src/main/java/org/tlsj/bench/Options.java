package org.tlsj.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The harness's options.
 *
 * @param duration seconds per round
 * @param warmup seconds of the warm-up round each stack runs before a case's measured rounds
 * @param rounds measured rounds per figure (after one warm-up round)
 * @param threads client thread counts for the TLS 1.3 x25519 handshake case (the netty case runs as many
 *     client loops as the largest)
 * @param only case names to run; empty for all
 * @param connections connections held for the idle heap figure and the gateway case's idle memory
 * @param crypto the crypto provider name for the tlsj side ({@code jca}, {@code bc}, ...); empty for
 *     {@link org.tlsj.crypto.CryptoProviders#fastest()}
 */
public record Options(double duration, double warmup, int rounds, List<Integer> threads, List<String> only, int connections,
                      Optional<String> crypto) {
    /** The usage line. */
    public static final String USAGE = "usage: tlsj bench [--duration SECONDS] [--warmup SECONDS] [--rounds N] [--threads 1,2] "
            + "[--only tls13,mlkem,rsa,mldsa,tls12,resumed,bulk,heap,openssl,jsse,netty,gateway] [--connections N] [--crypto jca|bc|...]";

    /** Copies the lists. */
    public Options {
        threads = List.copyOf(threads);
        only = List.copyOf(only);
        java.util.Objects.requireNonNull(crypto, "crypto");
    }

    /** Whether the case {@code name} runs. */
    public boolean wants(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /**
     * Parses the command line; defaults: 2 s rounds, 5 s warm-up (the JIT compiler is still busy after
     * 2 s of handshakes on 2 cores), 3 rounds, 1 and 2 threads, every case, 500 connections,
     * the fastest usable crypto provider.
     */
    public static Options parse(String[] args) {
        double duration = 2;
        double warmup = 5;
        int rounds = 3;
        List<Integer> threads = List.of(1, 2);
        List<String> only = List.of();
        int connections = 500;
        Optional<String> crypto = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--threads" -> threads = Arrays.stream(v.split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--only" -> only = Arrays.stream(v.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                            .toList();
                    case "--connections" -> connections = Integer.parseInt(v);
                    case "--crypto" -> crypto = Optional.of(v.strip().toLowerCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a number, not " + v, e);
            }
        }
        if (duration <= 0 || warmup < 0 || rounds < 1 || connections < 1 || threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("duration, rounds, threads and connections must be positive");
        }
        return new Options(duration, warmup, rounds, threads, only, connections, crypto);
    }
}
