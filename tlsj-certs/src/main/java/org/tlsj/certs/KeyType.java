package org.tlsj.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The key types the minter can make, each with the name the CLI uses ({@code ec-p256}). */
public enum KeyType {
    /** ECDSA on P-256 (secp256r1); signs with SHA256withECDSA. The default: small and fast. */
    EC_P256("ec-p256"),
    /** ECDSA on P-384 (secp384r1); signs with SHA384withECDSA. */
    EC_P384("ec-p384"),
    /** RSA 2048 bits (rsaEncryption key: rsa_pss_rsae_* in TLS 1.3, PKCS#1 in certificate signatures). */
    RSA_2048("rsa-2048"),
    /** RSA 3072 bits. */
    RSA_3072("rsa-3072"),
    /** RSA 2048 bits with an RSASSA-PSS key (id-RSASSA-PSS), for the rsa_pss_pss_* schemes. */
    RSA_PSS_2048("rsa-pss-2048"),
    /** Ed25519 (RFC 8032). */
    ED25519("ed25519"),
    /** ML-DSA-44 (FIPS 204); TLS 1.3 only (mldsa44). */
    ML_DSA_44("ml-dsa-44"),
    /** ML-DSA-65 (FIPS 204); TLS 1.3 only (mldsa65). */
    ML_DSA_65("ml-dsa-65"),
    /** ML-DSA-87 (FIPS 204); TLS 1.3 only (mldsa87). */
    ML_DSA_87("ml-dsa-87");

    private final String cliName;

    KeyType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, for example {@code "ec-p256"}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a CLI name ({@code "ec-p256"}, case-insensitive; {@code EC_P256} also works).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static KeyType parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (KeyType t : values()) {
            if (t.cliName.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + name + "'; choose one of "
                + Arrays.stream(values()).map(KeyType::cliName).collect(Collectors.joining(", ")));
    }

    /** Generates a fresh key pair of this type. */
    public KeyPair generate(SecureRandom random) {
        try {
            return switch (this) {
                case EC_P256, EC_P384 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(this == EC_P256 ? "secp256r1" : "secp384r1"), random);
                    yield g.generateKeyPair();
                }
                case RSA_2048, RSA_3072, RSA_PSS_2048 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance(this == RSA_PSS_2048 ? "RSASSA-PSS" : "RSA");
                    g.initialize(this == RSA_3072 ? 3072 : 2048, random);
                    yield g.generateKeyPair();
                }
                case ED25519 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                    g.initialize(NamedParameterSpec.ED25519, random);
                    yield g.generateKeyPair();
                }
                case ML_DSA_44, ML_DSA_65, ML_DSA_87 -> {
                    // The JDK's generator for one parameter set ("ML-DSA-65"): PKCS#8 of the seed and the key.
                    KeyPairGenerator g = KeyPairGenerator.getInstance(cliName.toUpperCase(Locale.ROOT));
                    g.initialize(new NamedParameterSpec(cliName.toUpperCase(Locale.ROOT)), random);
                    yield g.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + cliName + " key", e);
        }
    }

    @Override
    public String toString() {
        return cliName;
    }
}
