package org.tlsj.internal.keyschedule;

import java.util.ArrayList;
import java.util.List;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.TranscriptHash;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * The handshake transcript: the hash of every handshake message as sent or received (never a
 * re-encoding). Immutable: {@link #add} returns a new transcript with a forked hash, so states stay values.
 * Until the hash algorithm is known (before the cipher suite is chosen) it buffers the messages.
 */
public final class Transcript {
    private final List<Bytes> buffered;
    private final TranscriptHash hash;
    /**
     * The hash of these messages once asked for: a transcript is immutable, and the flows ask the same one
     * for its hash several times (both handshake traffic secrets, the application and exporter secrets), each
     * a digest clone and finish (issue 7). A race only computes the same value twice.
     */
    private Bytes current;

    private Transcript(List<Bytes> buffered, TranscriptHash hash) {
        this.buffered = buffered;
        this.hash = hash;
    }

    /** An empty transcript that buffers until {@link #withHash} is called. */
    public static Transcript buffering() {
        return new Transcript(List.of(), null);
    }

    /** Adds one whole handshake message (header included). */
    public Transcript add(Bytes message) {
        if (hash == null) {
            List<Bytes> more = new ArrayList<>(buffered);
            more.add(message);
            return new Transcript(List.copyOf(more), null);
        }
        TranscriptHash next = hash.fork();
        next.update(message);
        return new Transcript(List.of(), next);
    }

    /** Fixes the hash algorithm, hashing what was buffered. */
    public Transcript withHash(CryptoProvider crypto, HashAlgorithm algorithm) {
        if (hash != null) {
            throw new IllegalStateException("transcript hash already chosen");
        }
        TranscriptHash h = crypto.newHash(algorithm);
        buffered.forEach(h::update);
        return new Transcript(List.of(), h);
    }

    /**
     * RFC 8446 section 4.4.1: after a HelloRetryRequest, ClientHello1 is replaced by the synthetic
     * message_hash message: handshake type 254, length Hash.length, Hash(ClientHello1).
     */
    public Transcript replaceWithMessageHash(CryptoProvider crypto, HashAlgorithm algorithm) {
        Bytes clientHello1Hash = withHash(crypto, algorithm).current();
        ByteWriter w = new ByteWriter(4 + clientHello1Hash.length());
        w.u8(254).u24(clientHello1Hash.length()).bytes(clientHello1Hash);
        return new Transcript(List.of(), crypto.newHash(algorithm)).add(w.toBytes());
    }

    /** Whether the hash algorithm was chosen. */
    public boolean isHashed() {
        return hash != null;
    }

    /** Transcript-Hash of everything so far. */
    public Bytes current() {
        if (hash == null) {
            throw new IllegalStateException("transcript hash not chosen yet");
        }
        Bytes c = current;
        if (c == null) {
            c = hash.current();
            current = c;
        }
        return c;
    }

    /** The hash algorithm, once chosen. */
    public HashAlgorithm algorithm() {
        if (hash == null) {
            throw new IllegalStateException("transcript hash not chosen yet");
        }
        return hash.algorithm();
    }

    @Override
    public String toString() {
        return hash == null ? "Transcript[buffering " + buffered.size() + " messages]"
                : "Transcript[" + hash.algorithm() + "]";
    }
}
