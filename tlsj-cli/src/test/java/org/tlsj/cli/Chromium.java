package org.tlsj.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for tests: found on the PATH, or the test is skipped (a failure when CI=true). Every
 * run has a fresh profile, background networking off, and a hard deadline.
 */
public final class Chromium {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** What one run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Chromium() {
    }

    /** The chromium executable, or skips the test (fails it when CI=true). */
    public static String require() {
        Optional<String> found = find();
        if (found.isEmpty()) {
            String message = "chromium is not installed (apt-get install chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI=true, so a missing peer is a failure, not a skip");
            }
            assumeTrue(false, message);
        }
        return found.get();
    }

    private static Optional<String> find() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p.toString());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs headless Chromium with the flags from PEERS.md plus {@code args}.
     *
     * @param work a directory for the profile and the output files
     */
    public static Result run(Path work, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(require(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("chromium did not finish within " + DEADLINE + ": " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
