package org.tlsj.crypto;

import org.tlsj.Bytes;

/** An incremental hash that can be forked (for the handshake transcript). */
public interface TranscriptHash {
    /** The algorithm. */
    HashAlgorithm algorithm();

    /** Adds bytes. */
    void update(byte[] data, int offset, int length);

    /** Adds bytes. */
    default void update(Bytes data) {
        byte[] a = data.toArray();
        update(a, 0, a.length);
    }

    /** The hash of everything added so far; the state is not changed. */
    Bytes current();

    /** An independent copy of the current state. */
    TranscriptHash fork();
}
