package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tlsj.Bytes;

/**
 * HKDF (RFC 5869) over the JDK's HMAC ("HmacSHA256", "HmacSHA384"). Stateless and thread-safe: each
 * operation clones a prototype {@code Mac}. Not {@code javax.crypto.KDF}: the JDK's HKDF looks up a provider
 * for a new {@code Mac} on every derivation, which showed in handshake profiles (issue #7), while the
 * construction itself is two HMAC loops.
 */
final class JcaHkdf implements Hkdf {
    private final HashAlgorithm algorithm;
    private final Mac prototype;

    JcaHkdf(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        try {
            this.prototype = Mac.getInstance(algorithm.hmacName());
            // Fixes the provider now (delayed selection would pick one at init) so clones skip the lookup.
            prototype.getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.hmacName() + " is not available in this JDK", e);
        }
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
            // HMAC pads its key with zeros to the block size, so an empty salt and HashLen zeros are the same
            // key; SecretKeySpec rejects an empty key, hence the zeros.
            Mac mac = keyed(saltBytes.length == 0 ? new byte[algorithm.length()] : saltBytes);
            return Secret.wrap(mac.doFinal(ikmBytes));
        } finally {
            Arrays.fill(saltBytes, (byte) 0);
            Arrays.fill(ikmBytes, (byte) 0);
        }
    }

    /** OKM = first L bytes of T(1) | T(2) | ..., T(i) = HMAC-Hash(PRK, T(i-1) | info | i) (section 2.3). */
    @Override
    public Secret expand(Secret prk, Bytes info, int length) {
        if (length <= 0 || length > 255 * algorithm.length()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " is out of range for "
                    + algorithm.hmacName());
        }
        byte[] prkBytes = prk.expose();
        byte[] infoBytes = info.toArray();
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        try {
            // RFC 8446 only expands keys it extracted (HashLen bytes), so the PRK is never empty here.
            Mac mac = keyed(prkBytes);
            for (int i = 1, at = 0; at < length; i++) {
                mac.update(t);
                mac.update(infoBytes);
                mac.update((byte) i);
                Arrays.fill(t, (byte) 0);
                t = mac.doFinal();
                int n = Math.min(t.length, length - at);
                System.arraycopy(t, 0, out, at, n);
                at += n;
            }
            return Secret.wrap(out);
        } finally {
            Arrays.fill(prkBytes, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
    }

    private Mac keyed(byte[] key) {
        try {
            Mac mac;
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                mac = Mac.getInstance(algorithm.hmacName(), prototype.getProvider());
            }
            mac.init(new SecretKeySpec(key, algorithm.hmacName()));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(algorithm.hmacName() + " refused an HKDF key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.hmacName() + " is not available in this JDK", e);
        }
    }
}
