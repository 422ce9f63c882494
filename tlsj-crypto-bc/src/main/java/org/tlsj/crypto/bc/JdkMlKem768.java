package org.tlsj.crypto.bc;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * ML-KEM-768 (FIPS 203) stays the JDK's "ML-KEM". TLS carries the raw 1184-byte encapsulation key; the JDK
 * speaks X.509 SubjectPublicKeyInfo, which for this parameter set is a fixed 22-byte DER prefix (SEQUENCE,
 * AlgorithmIdentifier with OID 2.16.840.1.101.3.4.4.2, BIT STRING header) followed by the raw key.
 */
final class JdkMlKem768 {
    /** Raw encapsulation key length. */
    static final int PUBLIC_KEY_LENGTH = 1184;
    /** Ciphertext length. */
    static final int CIPHERTEXT_LENGTH = 1088;
    /** Shared secret length. */
    static final int SECRET_LENGTH = 32;

    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("308204b2300b0609608648016503040402038204a100");

    private JdkMlKem768() {
    }

    /** A fresh key pair; the JDK draws its seeds from {@code random}. */
    static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
            generator.initialize(NamedParameterSpec.ML_KEM_768, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-KEM-768 key generation failed", e);
        }
    }

    /** The raw encapsulation key: the JDK's SubjectPublicKeyInfo without its fixed prefix. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + PUBLIC_KEY_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalStateException("unexpected ML-KEM-768 public key encoding (" + spki.length + " bytes)");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /** A JCA public key from the raw encapsulation key at {@code offset}. */
    static PublicKey publicKey(byte[] raw, int offset) throws GeneralSecurityException {
        byte[] spki = new byte[SPKI_PREFIX.length + PUBLIC_KEY_LENGTH];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, offset, spki, SPKI_PREFIX.length, PUBLIC_KEY_LENGTH);
        return KeyFactory.getInstance("ML-KEM").generatePublic(new X509EncodedKeySpec(spki));
    }
}
