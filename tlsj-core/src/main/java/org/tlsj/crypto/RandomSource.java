package org.tlsj.crypto;

/** The only randomness the engine sees: randoms, session ids, ephemeral keys, signatures' nonces. */
@FunctionalInterface
public interface RandomSource {
    /** Fills {@code out} with random bytes. */
    void nextBytes(byte[] out);
}
