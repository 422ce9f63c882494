package org.tlsj;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
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
 *
 * <p>Each window's AES-256-GCM object is made once (per crypto provider) and shared by every ticket of the
 * window: deriving the key and making a Cipher for each ticket was most of a ticket's cost. The last two
 * windows are kept, as those are the ones that seal and open.
 */
public final class TicketKeys {
    private final Secret master;
    private final Duration rotation;
    /** The most recently used window's AEAD, and the one used before it (immutable pairs, swapped whole). */
    private volatile WindowAead latest;
    private volatile WindowAead before;

    /** A window's AEAD, made with one crypto provider. */
    private record WindowAead(long window, CryptoProvider crypto, Aead aead) {
    }

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

    /**
     * The AES-256-GCM AEAD under the key of a window, made once and shared by every connection: it is safe to
     * use from several threads (each seal and open holds its lock).
     */
    public Aead aead(CryptoProvider crypto, long window) {
        WindowAead a = latest;
        if (a != null && a.window() == window && a.crypto() == crypto) {
            return a.aead();
        }
        WindowAead b = before;
        if (b != null && b.window() == window && b.crypto() == crypto) {
            return b.aead();
        }
        synchronized (this) {
            a = latest;
            if (a != null && a.window() == window && a.crypto() == crypto) {
                return a.aead();
            }
            Secret key = key(crypto, window);
            WindowAead made = new WindowAead(window, crypto, new Locked(crypto.aead(AeadAlgorithm.AES_256_GCM, key)));
            key.destroy();
            before = a;
            latest = made;
            return made.aead();
        }
    }

    /** An AEAD shared between threads: one seal or open at a time. */
    private static final class Locked implements Aead {
        private final Aead aead;

        Locked(Aead aead) {
            this.aead = aead;
        }

        @Override
        public AeadAlgorithm algorithm() {
            return aead.algorithm();
        }

        @Override
        public synchronized int seal(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out,
                                     int outOff) {
            return aead.seal(nonce, aad, aadLen, in, inOff, len, out, outOff);
        }

        @Override
        public synchronized int open(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out,
                                     int outOff) {
            return aead.open(nonce, aad, aadLen, in, inOff, len, out, outOff);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "TicketKeys[rotation " + rotation + "]";
    }
}
