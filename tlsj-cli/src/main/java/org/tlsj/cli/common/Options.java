package org.tlsj.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.tlsj.io.KeyLogFile;

/** Shared handling of options that several commands take. */
public final class Options {
    private Options() {
    }

    /** Builds a TLS config, turning a rejected combination of settings into a user error. */
    public static <T> T build(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw new CliException("these TLS settings do not work together: " + Failures.lowerFirst(e.getMessage()), e);
        }
    }

    /** Opens the --keylog file. */
    public static KeyLogFile keyLog(Path file) {
        try {
            return KeyLogFile.open(file);
        } catch (IOException e) {
            throw new CliException("cannot open key log file " + file + ": " + Failures.describe(e), e);
        }
    }
}
