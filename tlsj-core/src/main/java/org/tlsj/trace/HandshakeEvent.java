package org.tlsj.trace;

import java.util.List;
import java.util.Objects;

/**
 * One step of a handshake as it really happened, for people to read: a message sent or received, keys
 * installed, a check made, an alert. Never carries secret values.
 *
 * @param kind what sort of step
 * @param from who did it (for a message: who sent it)
 * @param title short name, for example {@code ClientHello} or {@code Verify certificate}
 * @param details the values that matter, in order
 * @param nanos a monotonic timestamp supplied by the adapter's clock (0 inside the sans-IO engine)
 */
public record HandshakeEvent(Kind kind, Role from, String title, List<Detail> details, long nanos) {
    /** What sort of step an event is. */
    public enum Kind {
        /** A handshake message sent or received. */
        MESSAGE,
        /** Key material derived or installed (names and lengths only). */
        KEYS,
        /** A check made on the peer's data (certificate, signature, Finished). */
        CHECK,
        /** An alert sent or received. */
        ALERT,
        /** Anything else worth telling (middlebox compatibility, record size limit). */
        INFO
    }

    /**
     * One named value.
     *
     * @param name what it is, for example {@code cipher_suite}
     * @param value its value as text
     */
    public record Detail(String name, String value) {
        /** Requires both parts. */
        public Detail {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    /** Copies the details. */
    public HandshakeEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(from);
        Objects.requireNonNull(title);
        details = List.copyOf(details);
    }

    /** The value of a detail, or the empty string. */
    public String detail(String name) {
        return details.stream().filter(d -> d.name().equals(name)).map(Detail::value).findFirst().orElse("");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(from.title()).append(' ').append(kind.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(title);
        for (Detail d : details) {
            sb.append("\n    ").append(d.name()).append(": ").append(d.value());
        }
        return sb.toString();
    }
}
