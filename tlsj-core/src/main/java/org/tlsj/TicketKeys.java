package org.tlsj;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.ByteWriter;

/**
 * The keys that protect session tickets, rotating with time and derived from one master secret: the key of
 * time window {@code n} is HKDF(master, "tlsj ticket key" || n). Tickets are sealed with the current
 * window's key and opened with the current or the previous one. Servers that share the master secret (a
 * key file) resume each other's sessions with no other shared state, and rotate in step without talking.
 */
public final class TicketKeys {
    private final Secret master;
    private final Duration rotation;

    private TicketKeys(Secret master, Duration rotation) {
        if (master.length() < 32) {
            throw new IllegalArgumentException("a ticket master secret needs at least 32 bytes");
        }
        if (rotation.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("ticket key rotation must be at least a minute");
        }
        this.master = master;
        this.rotation = Objects.requireNonNull(rotation);
    }

    /** Fresh random keys for one process. */
    public static TicketKeys random(RandomSource random, Duration rotation) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return new TicketKeys(Secret.wrap(b), rotation);
    }

    /** Keys from a shared master secret (for example read from a key file). */
    public static TicketKeys fromSecret(Secret master, Duration rotation) {
        return new TicketKeys(master, rotation);
    }

    /** How long one key encrypts new tickets. */
    public Duration rotation() {
        return rotation;
    }

    /** The window index at {@code now}. */
    public long window(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), rotation.getSeconds());
    }

    /** The 32-byte AES key of a window. */
    public Secret key(CryptoProvider crypto, long window) {
        ByteWriter info = new ByteWriter(32);
        byte[] label = "tlsj ticket key".getBytes(StandardCharsets.US_ASCII);
        info.bytes(label, 0, label.length).u32(window >>> 32).u32(window & 0xffffffffL);
        var hkdf = crypto.hkdf(HashAlgorithm.SHA256);
        return hkdf.expand(hkdf.extract(Secret.zeros(32), master), info.toBytes(), 32);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "TicketKeys[rotation " + rotation + "]";
    }
}
