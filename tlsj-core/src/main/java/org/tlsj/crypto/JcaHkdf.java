package org.tlsj.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.tlsj.internal.wire.Bytes;

/**
 * HKDF (RFC 5869) with HMAC computed by {@link DigestHmac} over clones of a JDK {@link MessageDigest}.
 * Stateless and thread-safe. Not {@code javax.crypto.KDF}: the
 * JDK's HKDF looks up a provider for a new {@code Mac} on every derivation, which showed in handshake
 * profiles (issue #7). Not {@code javax.crypto.Mac} either: a TLS 1.3 handshake expands about 20 labels a
 * side, each with a fresh key, and a Mac costs a clone, a {@code SecretKeySpec} and padded-key copies per
 * key, while the hashing itself is the same four compressions.
 */
final class JcaHkdf implements Hkdf {
    private final HashAlgorithm algorithm;

    JcaHkdf(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
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
            DigestHmac hmac = new DigestHmac(algorithm, saltBytes);
            MessageDigest inner = hmac.start();
            inner.update(ikmBytes);
            byte[] out = new byte[algorithm.length()];
            hmac.finish(inner, out);
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
            DigestHmac hmac = new DigestHmac(algorithm, prkBytes);
            for (int i = 1, at = 0; at < length; i++) {
                MessageDigest inner = hmac.start();
                if (i > 1) {
                    inner.update(t);
                }
                inner.update(infoBytes);
                inner.update((byte) i);
                hmac.finish(inner, t);
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
}
