package org.tlsj.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.tlsj.internal.wire.Bytes;

/**
 * HKDF (RFC 5869) with HMAC (RFC 2104) computed here over clones of a JDK {@link MessageDigest}. Stateless
 * and thread-safe: each operation clones a prototype digest. Not {@code javax.crypto.KDF}: the JDK's HKDF
 * looks up a provider for a new {@code Mac} on every derivation, which showed in handshake profiles
 * (issue #7). Not {@code javax.crypto.Mac} either: a TLS 1.3 handshake expands about 20 labels a side, each
 * with a fresh key, and a Mac costs a clone, a {@code SecretKeySpec} and its own padded-key copies per key,
 * while the hashing itself is the same four compressions.
 */
final class JcaHkdf implements Hkdf {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final HashAlgorithm algorithm;
    private final MessageDigest prototype;
    private final int blockSize;

    JcaHkdf(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.prototype = Jca.digest(algorithm.jcaName());
        // SHA-256 compresses 64-byte blocks, SHA-384 (a truncated SHA-512) 128-byte blocks.
        this.blockSize = algorithm == HashAlgorithm.SHA384 ? 128 : 64;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** PRK = HMAC-Hash(salt, IKM); an absent salt is HashLen zeros (RFC 5869 section 2.2). */
    @Override
    public Secret extract(Secret salt, Secret ikm) {
        byte[] saltBytes = salt.expose();
        byte[] ikmBytes = ikm.expose();
        try {
            // HMAC pads its key with zeros to the block size, so an empty salt and HashLen zeros are the same key.
            MessageDigest[] keyed = keyed(saltBytes);
            MessageDigest inner = keyed[0];
            inner.update(ikmBytes);
            byte[] out = new byte[algorithm.length()];
            finish(inner, keyed[1], out);
            return Secret.wrap(out);
        } finally {
            Arrays.fill(saltBytes, (byte) 0);
            Arrays.fill(ikmBytes, (byte) 0);
        }
    }

    /** OKM = first L bytes of T(1) | T(2) | ..., T(i) = HMAC-Hash(PRK, T(i-1) | info | i) (section 2.3). */
    @Override
    public Secret expand(Secret prk, Bytes info, int length) {
        int hashLen = algorithm.length();
        if (length <= 0 || length > 255 * hashLen) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " is out of range for "
                    + algorithm.hmacName());
        }
        byte[] prkBytes = prk.expose();
        byte[] infoBytes = info.toArray();
        byte[] out = new byte[length];
        byte[] t = new byte[hashLen];
        try {
            MessageDigest[] keyed = keyed(prkBytes);
            int blocks = (length + hashLen - 1) / hashLen;
            for (int i = 1, at = 0; i <= blocks; i++) {
                // The last block uses the keyed digests themselves; earlier ones clone them.
                MessageDigest inner = i == blocks ? keyed[0] : copy(keyed[0]);
                MessageDigest outer = i == blocks ? keyed[1] : copy(keyed[1]);
                if (i > 1) {
                    inner.update(t);
                }
                inner.update(infoBytes);
                inner.update((byte) i);
                finish(inner, outer, t);
                int n = Math.min(hashLen, length - at);
                System.arraycopy(t, 0, out, at, n);
                at += n;
            }
            return Secret.wrap(out);
        } finally {
            Arrays.fill(prkBytes, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
    }

    /** The inner and outer digests after absorbing the key XORed with ipad and opad (RFC 2104 section 2). */
    private MessageDigest[] keyed(byte[] key) {
        byte[] pad = new byte[blockSize];
        MessageDigest inner = copy(prototype);
        if (key.length > blockSize) {
            // RFC 2104: a key longer than the block is hashed first (the prototype is never updated).
            byte[] hashed = inner.digest(key);
            System.arraycopy(hashed, 0, pad, 0, hashed.length);
            Arrays.fill(hashed, (byte) 0);
        } else {
            System.arraycopy(key, 0, pad, 0, key.length);
        }
        MessageDigest outer = copy(prototype);
        for (int i = 0; i < blockSize; i++) {
            pad[i] ^= IPAD;
        }
        inner.update(pad);
        for (int i = 0; i < blockSize; i++) {
            pad[i] ^= IPAD ^ OPAD;
        }
        outer.update(pad);
        Arrays.fill(pad, (byte) 0);
        return new MessageDigest[] {inner, outer};
    }

    /** Writes HMAC = H(outer key pad | H(inner key pad | message)) into {@code out} (HashLen bytes). */
    private void finish(MessageDigest inner, MessageDigest outer, byte[] out) {
        try {
            inner.digest(out, 0, out.length);
            outer.update(out);
            outer.digest(out, 0, out.length);
        } catch (DigestException e) {
            throw new IllegalStateException(algorithm.jcaName() + " refused a " + out.length + "-byte output", e);
        }
    }

    private MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(algorithm.jcaName() + " digest of provider "
                    + digest.getProvider().getName() + " cannot be cloned", e);
        }
    }
}
