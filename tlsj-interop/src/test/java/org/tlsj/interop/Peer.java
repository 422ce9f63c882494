package org.tlsj.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A peer process (openssl, gnutls-serv, curl, ...) that can never hang a test: every process has a hard
 * deadline after which it is killed, and {@link #close()} kills it in any case. Its stdout and stderr go to
 * files in the test's directory; {@link #describe()} shows the command, the exit code, the file names and
 * the output, for assertion messages.
 *
 * <p>Servers get a free port (bind port 0, release it, start the peer on it) and are retried on another
 * port if the peer reports the address as taken; readiness is a TCP connect that succeeds, polled.
 */
final class Peer implements AutoCloseable {
    /** The default hard deadline for one peer process. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** How long a server may take to start listening. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;
    private static final int PORT_ATTEMPTS = 5;
    private static final int OUTPUT_SHOWN = 4000;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, Boolean> TOOLS = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-reaper");
        t.setDaemon(true);
        return t;
    });

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;
    private final Duration deadline;
    private final ScheduledFuture<?> killer;
    private volatile boolean killedAtDeadline;

    private Peer(List<String> command, Process process, Path stdout, Path stderr, int port,
                 Duration deadline) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
        this.deadline = deadline;
        this.killer = REAPER.schedule(() -> {
            killedAtDeadline = true;
            process.destroyForcibly();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The finished run of a client peer.
     *
     * @param exitCode the exit code
     * @param killedAtDeadline whether it had to be killed at its deadline
     * @param stdout everything it printed on stdout
     * @param stderr everything it printed on stderr
     * @param description the command, status and output, for assertion messages
     */
    record Result(int exitCode, boolean killedAtDeadline, String stdout, String stderr, String description) {
        /** Both streams together, for searching. */
        String output() {
            return stdout + "\n" + stderr;
        }
    }

    /**
     * Requires a tool on the PATH. Missing: the test is skipped, except when the environment variable CI is
     * "true", where a missing peer must fail the build rather than quietly test less.
     */
    static void requireTool(String tool) {
        requireTool(tool, TOOLS.computeIfAbsent(tool, Peer::onPath), "true".equals(System.getenv("CI")));
    }

    /** The rule behind {@link #requireTool(String)}, with its inputs explicit. */
    static void requireTool(String tool, boolean present, boolean ci) {
        if (present) {
            return;
        }
        String message = tool + " is not installed (see /work/shared/PEERS.md for the apt package)";
        if (ci) {
            fail(message + "; CI=true, so a missing peer is a failure, not a skip");
        }
        assumeTrue(false, message);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a client peer to completion with the given stdin, killing it at the deadline.
     *
     * @param dir where the output files go
     * @param stdin bytes for the peer's standard input (then end of file)
     */
    static Result run(Path dir, String stdin, List<String> command) {
        return run(dir, stdin, command, DEADLINE);
    }

    /** {@link #run(Path, String, List)} with another deadline. */
    static Result run(Path dir, String stdin, List<String> command, Duration deadline) {
        return run(dir, stdin, Map.of(), command, deadline);
    }

    /** {@link #run(Path, String, List)} with variables added to the peer's environment (e.g. OPENSSL_CONF). */
    static Result run(Path dir, String stdin, Map<String, String> environment, List<String> command) {
        return run(dir, stdin, environment, command, DEADLINE);
    }

    private static Result run(Path dir, String stdin, Map<String, String> environment, List<String> command,
                              Duration deadline) {
        requireTool(command.getFirst());
        try (Peer p = start(dir, command, environment, stdin, 0, deadline)) {
            p.process.waitFor();
            return new Result(p.process.exitValue(), p.killedAtDeadline, read(p.stdout), read(p.stderr),
                    p.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + command.getFirst(), e);
        }
    }

    /**
     * Starts a server peer on a free port and returns once it accepts TCP connections.
     *
     * @param dir where the output files go
     * @param commandForPort the command line for a given port
     */
    static Peer server(Path dir, IntFunction<List<String>> commandForPort) {
        String tool = commandForPort.apply(0).getFirst();
        requireTool(tool);
        StringBuilder attempts = new StringBuilder();
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Peer p = start(dir, commandForPort.apply(port), Map.of(), null, port, DEADLINE);
            boolean ok = false;
            try {
                if (p.awaitListening()) {
                    ok = true;
                    return p;
                }
                String out = (read(p.stdout) + read(p.stderr)).toLowerCase(Locale.ROOT);
                if (!out.contains("already in use")) {
                    fail(tool + " did not start listening on 127.0.0.1:" + port + "\n" + p.describe());
                }
                attempts.append(p.describe()).append('\n');
            } finally {
                if (!ok) {
                    p.close();
                }
            }
        }
        return fail(tool + " found no free port in " + PORT_ATTEMPTS + " attempts\n" + attempts);
    }

    private static Peer start(Path dir, List<String> command, Map<String, String> environment, String stdin,
                              int port, Duration deadline) {
        int n = SEQUENCE.incrementAndGet();
        String name = Path.of(command.getFirst()).getFileName().toString();
        Path out = dir.resolve(String.format("%03d-%s.stdout", n, name));
        Path err = dir.resolve(String.format("%03d-%s.stderr", n, name));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(environment);
        try {
            if (stdin != null) {
                Path in = dir.resolve(String.format("%03d-%s.stdin", n, name));
                Files.writeString(in, stdin, StandardCharsets.ISO_8859_1);
                pb.redirectInput(in.toFile());
            }
            List<String> shown = new ArrayList<>();
            environment.forEach((k, v) -> shown.add(k + "=" + v));
            shown.addAll(command);
            return new Peer(List.copyOf(shown), pb.start(), out, err, port, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Polls a TCP connect until the server accepts, it exits, or the listen timeout passes. */
    private boolean awaitListening() {
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                pause();
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The port a server peer listens on. */
    int port() {
        return port;
    }

    /** Polls the peer's stdout until it contains {@code text}; false if the peer exits or 10 s pass first. */
    boolean awaitStdout(String text) {
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(stdout).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return read(stdout).contains(text);
            }
            pause();
        }
        return false;
    }

    /** The peer's stdout so far. */
    String stdout() {
        return read(stdout);
    }

    /** The peer's stderr so far. */
    String stderr() {
        return read(stderr);
    }

    /** The command, exit status, output files and output, for assertion messages. */
    String describe() {
        String status = process.isAlive() ? "running" : "exit code " + process.exitValue();
        if (killedAtDeadline) {
            status += ", killed at its " + deadline.toMillis() + " ms deadline";
        }
        return "--- " + String.join(" ", command) + " (" + status + ")\n"
                + "--- stdout " + stdout + ":\n" + tail(read(stdout))
                + "\n--- stderr " + stderr + ":\n" + tail(read(stderr));
    }

    private static String tail(String s) {
        return s.length() <= OUTPUT_SHOWN ? s : "..." + s.substring(s.length() - OUTPUT_SHOWN);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Kills the process (politely, then forcibly) and waits for it to be gone. */
    @Override
    public void close() {
        killer.cancel(false);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
