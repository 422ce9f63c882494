package org.tlsj.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where tlsj keeps its local CA and server certificate between runs. */
public final class StateDir {
    private StateDir() {
    }

    /** The state directory for this process's environment. */
    public static Path resolve() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home", "")), Path.of(""));
    }

    /**
     * Picks the state directory: {@code $TLSJ_STATE_DIR}, else {@code ~/.local/state/tlsj}, else
     * {@code ./.state} when the home directory is not writable.
     *
     * @param env the environment
     * @param home the user's home directory
     * @param workingDir the current directory
     * @return the directory (not created here)
     */
    static Path resolve(Map<String, String> env, Path home, Path workingDir) {
        String configured = env.get("TLSJ_STATE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        if (!home.toString().isEmpty() && Files.isDirectory(home) && Files.isWritable(home)) {
            return home.resolve(".local").resolve("state").resolve("tlsj").toAbsolutePath();
        }
        return workingDir.resolve(".state").toAbsolutePath();
    }
}
