package org.tlsj.cli.gateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Access log timestamps as {@link Instant#toString()} writes them truncated to milliseconds
 * ({@code 2026-06-01T12:00:00.123Z}, or {@code ...:00Z} on a whole second), without running the date-time
 * formatter for every connection: the text up to the seconds is kept for the second it belongs to.
 */
final class Timestamps {
    /** The whole seconds of the last timestamp and their text without the zone, {@code 2026-06-01T12:00:00}. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private Timestamps() {
    }

    /** Appends {@code t} truncated to milliseconds, exactly as {@code t.truncatedTo(MILLIS).toString()}. */
    static void append(StringBuilder b, Instant t) {
        Second s = last;
        if (s.epochSecond() != t.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(t.getEpochSecond()).toString();
            s = new Second(t.getEpochSecond(), whole.substring(0, whole.length() - 1)); // without the Z
            last = s;
        }
        b.append(s.text());
        int millis = t.truncatedTo(ChronoUnit.MILLIS).getNano() / 1_000_000;
        if (millis != 0) {
            b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        b.append('Z');
    }
}
