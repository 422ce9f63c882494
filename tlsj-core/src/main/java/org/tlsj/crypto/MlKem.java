package org.tlsj.crypto;

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
 * The ML-KEM parameter sets tlsj uses (FIPS 203) and their key formats over the JDK's "ML-KEM". TLS carries
 * the raw encapsulation key, while the JDK encodes ML-KEM public keys as X.509 SubjectPublicKeyInfo. For one
 * parameter set that encoding is a fixed 22-byte DER prefix (SEQUENCE, AlgorithmIdentifier with the set's OID
 * 2.16.840.1.101.3.4.4.x and no parameters, BIT STRING header) followed by the raw key, so converting is
 * stripping or prepending that prefix.
 */
enum MlKem {
    /** ML-KEM-768: encapsulation key 1184 bytes, ciphertext 1088 bytes. */
    ML_KEM_768("ML-KEM-768", NamedParameterSpec.ML_KEM_768, 1184, 1088,
            "308204b2300b0609608648016503040402038204a100"),
    /** ML-KEM-1024: encapsulation key 1568 bytes, ciphertext 1568 bytes. */
    ML_KEM_1024("ML-KEM-1024", NamedParameterSpec.ML_KEM_1024, 1568, 1568,
            "30820632300b06096086480165030404030382062100");

    /** Shared secret length, the same for every parameter set. */
    static final int SECRET_LENGTH = 32;

    private final String displayName;
    private final NamedParameterSpec spec;
    private final int publicKeyLength;
    private final int ciphertextLength;
    private final byte[] spkiPrefix;

    MlKem(String displayName, NamedParameterSpec spec, int publicKeyLength, int ciphertextLength, String spkiPrefix) {
        this.displayName = displayName;
        this.spec = spec;
        this.publicKeyLength = publicKeyLength;
        this.ciphertextLength = ciphertextLength;
        this.spkiPrefix = HexFormat.of().parseHex(spkiPrefix);
    }

    /** Raw encapsulation key length. */
    int publicKeyLength() {
        return publicKeyLength;
    }

    /** Ciphertext length. */
    int ciphertextLength() {
        return ciphertextLength;
    }

    /** A fresh key pair; the JDK draws its seeds from {@code random}. */
    KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
            generator.initialize(spec, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(displayName + " key generation failed", e);
        }
    }

    /** The raw encapsulation key: the JDK's SubjectPublicKeyInfo without its fixed prefix. */
    byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != spkiPrefix.length + publicKeyLength
                || !Arrays.equals(spki, 0, spkiPrefix.length, spkiPrefix, 0, spkiPrefix.length)) {
            throw new IllegalStateException("unexpected " + displayName + " public key encoding from "
                    + key.getClass().getName() + " (" + spki.length + " bytes)");
        }
        return Arrays.copyOfRange(spki, spkiPrefix.length, spki.length);
    }

    /**
     * A JCA public key from the raw encapsulation key at {@code offset} (prefix prepended to form the
     * SubjectPublicKeyInfo).
     *
     * @throws GeneralSecurityException if the JDK refuses the key (its FIPS 203 modulus check may also run
     *     only at encapsulation)
     */
    PublicKey publicKey(byte[] raw, int offset) throws GeneralSecurityException {
        byte[] spki = new byte[spkiPrefix.length + publicKeyLength];
        System.arraycopy(spkiPrefix, 0, spki, 0, spkiPrefix.length);
        System.arraycopy(raw, offset, spki, spkiPrefix.length, publicKeyLength);
        return KeyFactory.getInstance("ML-KEM").generatePublic(new X509EncodedKeySpec(spki));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
