package org.tlsj.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC (RFC 2104) over clones of a JDK {@link MessageDigest}, keyed once: holds the digests that have
 * absorbed key XOR ipad and key XOR opad, and clones them per MAC. Cheaper than a {@code javax.crypto.Mac}
 * for the many one-shot keys of a TLS 1.3 handshake (no clone of a Mac, no {@code SecretKeySpec}, no
 * padded-key copies per key; issue 7). Thread-safe once built: the keyed digests are only cloned.
 */
final class DigestHmac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    /** Fresh digests, never updated, only cloned: cloning is cheaper than a provider lookup per key. */
    private static final MessageDigest SHA256 = Jca.digest(HashAlgorithm.SHA256.jcaName());
    private static final MessageDigest SHA384 = Jca.digest(HashAlgorithm.SHA384.jcaName());

    private final HashAlgorithm algorithm;
    private final MessageDigest inner;
    private final MessageDigest outer;

    /** Keys a pair of fresh digests of {@code algorithm}; {@code key} stays the caller's to clear. */
    DigestHmac(HashAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        MessageDigest prototype = algorithm == HashAlgorithm.SHA384 ? SHA384 : SHA256;
        // SHA-256 compresses 64-byte blocks, SHA-384 (a truncated SHA-512) 128-byte blocks.
        int blockSize = algorithm == HashAlgorithm.SHA384 ? 128 : 64;
        byte[] pad = new byte[blockSize];
        MessageDigest in = copy(algorithm, prototype);
        if (key.length > blockSize) {
            // RFC 2104: a key longer than the block is hashed first.
            byte[] hashed = in.digest(key);
            System.arraycopy(hashed, 0, pad, 0, hashed.length);
            Arrays.fill(hashed, (byte) 0);
        } else {
            // Shorter keys are padded with zeros, so an empty key and HashLen zeros are the same key.
            System.arraycopy(key, 0, pad, 0, key.length);
        }
        MessageDigest out = copy(algorithm, prototype);
        for (int i = 0; i < blockSize; i++) {
            pad[i] ^= IPAD;
        }
        in.update(pad);
        for (int i = 0; i < blockSize; i++) {
            pad[i] ^= IPAD ^ OPAD;
        }
        out.update(pad);
        Arrays.fill(pad, (byte) 0);
        this.inner = in;
        this.outer = out;
    }

    /** A fresh inner digest to feed the message to, then to pass to {@link #finish}. */
    MessageDigest start() {
        return copy(algorithm, inner);
    }

    /** Writes HMAC = H(key^opad | H(key^ipad | message)) into {@code out} (HashLen bytes). */
    void finish(MessageDigest started, byte[] out) {
        MessageDigest o = copy(algorithm, outer);
        try {
            started.digest(out, 0, out.length);
            o.update(out);
            o.digest(out, 0, out.length);
        } catch (DigestException e) {
            throw new IllegalStateException(algorithm.jcaName() + " refused a " + out.length + "-byte output", e);
        }
    }

    static MessageDigest copy(HashAlgorithm algorithm, MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(algorithm.jcaName() + " digest of provider "
                    + digest.getProvider().getName() + " cannot be cloned", e);
        }
    }
}
