package org.tlsj.internal.message;

import java.util.List;
import java.util.stream.Collectors;
import org.tlsj.Bytes;

/** Formatting helpers for the readable {@code toString()} of messages and extensions. */
final class Show {
    private Show() {
    }

    /** Opaque bytes, shortened: up to 8 bytes in full, else the first 4 and the length. */
    static String hex(Bytes b) {
        if (b.isEmpty()) {
            return "(empty)";
        }
        if (b.length() <= 8) {
            return b.hex();
        }
        return b.slice(0, 4).hex() + "..(" + b.length() + " bytes)";
    }

    /** A list as {@code [a, b, c]}. */
    static String list(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
