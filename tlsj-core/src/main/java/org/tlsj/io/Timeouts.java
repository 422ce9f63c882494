package org.tlsj.io;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Timeout checks and wording shared by the socket classes. */
final class Timeouts {
    private Timeouts() {
    }

    /** Requires a non-negative timeout; zero means none. */
    static Duration require(Duration d) {
        Objects.requireNonNull(d, "timeout");
        if (d.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + d);
        }
        return d;
    }

    /** The value for {@link java.net.Socket#setSoTimeout}: 0 for none, else at least 1 ms. */
    static int millis(Duration d) {
        return d.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** A duration for people: {@code 10s}, {@code 500ms}, {@code 1.5s}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
