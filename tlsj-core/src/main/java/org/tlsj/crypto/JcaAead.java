package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM or ChaCha20-Poly1305 over one reused JCA {@link Cipher}. Each call re-initializes the cipher with
 * the record's nonce; our only allocation per call is the parameter spec the JCA API requires. Both JDK
 * ciphers support in-place operation on arrays ({@code in == out}, same offsets). Not thread-safe: one
 * object per direction of one connection.
 *
 * <p>The JDK itself allocates about 0.9 KB per AES-GCM record: each init with a new nonce builds a new
 * GCM engine (GHASH and counter state, an AAD buffer, a copy of the tag) inside SunJCE's GaloisCounterMode,
 * and the JCA offers no way to reuse it. The ByteBuffer forms of {@code updateAAD}/{@code doFinal} allocate
 * more (about 1.0 KB: a copy of the AAD, and of the data when the buffers overlap) and were not faster, so
 * the array forms stay (issue 7, measured with ThreadMXBean allocated bytes over 20000 16 KiB seals).
 */
final class JcaAead implements Aead {
    private static final int TAG_BITS = 128;
    /** The provider of each transformation, looked up once: Cipher.getInstance without one scans them all. */
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final AeadAlgorithm algorithm;
    private final SecretKeySpec key;
    private final String transformation;
    private Cipher cipher;

    JcaAead(AeadAlgorithm algorithm, Secret secret) {
        if (secret.length() != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength()
                    + "-byte key, got " + secret.length() + " bytes");
        }
        this.algorithm = algorithm;
        byte[] keyBytes = secret.expose();
        boolean gcm = algorithm != AeadAlgorithm.CHACHA20_POLY1305;
        this.key = new SecretKeySpec(keyBytes, gcm ? "AES" : "ChaCha20");
        Arrays.fill(keyBytes, (byte) 0);
        this.transformation = gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
        this.cipher = newCipher();
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff) {
        checkNonce(nonce);
        try {
            initForSeal(nonce);
            cipher.updateAAD(aad, 0, aadLen);
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small for " + (len + algorithm.tagLength())
                    + " bytes of sealed record", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " encryption failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff) {
        checkNonce(nonce);
        if (len < algorithm.tagLength()) {
            return -1;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, spec(nonce));
            cipher.updateAAD(aad, 0, aadLen);
            return cipher.doFinal(in, inOff, len, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small for " + (len - algorithm.tagLength())
                    + " bytes of opened record", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " decryption failed", e);
        }
    }

    /**
     * Initializes for encryption. The JDK's GCM and ChaCha20-Poly1305 refuse an encryption init with the
     * same key and nonce as the object's previous init (GCM: InvalidAlgorithmParameterException,
     * ChaCha20: InvalidKeyException). That check remembers only one previous nonce per Cipher object, so it
     * is no real guard: nonce uniqueness is the record layer's contract (RFC 8446 section 5.3, the
     * sequence number), and a repeated seal happens only when a caller seals the same record twice, as a
     * known-answer test does. We keep the one Cipher in the steady state and re-create it only when the
     * JDK refuses, then retry once.
     */
    private void initForSeal(byte[] nonce) throws GeneralSecurityException {
        AlgorithmParameterSpec spec = spec(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, spec);
        } catch (InvalidAlgorithmParameterException | InvalidKeyException refusedReuse) {
            cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, spec);
        }
    }

    private AlgorithmParameterSpec spec(byte[] nonce) {
        return algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(TAG_BITS, nonce);
    }

    private void checkNonce(byte[] nonce) {
        if (nonce.length != algorithm.ivLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.ivLength()
                    + "-byte nonce, got " + nonce.length);
        }
    }

    private Cipher newCipher() {
        try {
            Provider p = PROVIDERS.get(transformation);
            if (p != null) {
                return Cipher.getInstance(transformation, p);
            }
            Cipher c = Cipher.getInstance(transformation);
            PROVIDERS.putIfAbsent(transformation, c.getProvider());
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available in this JDK", e);
        }
    }
}
