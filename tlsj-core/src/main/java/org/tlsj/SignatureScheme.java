package org.tlsj;

import java.util.List;
import java.util.Optional;

/** A signature scheme code point (RFC 8446 section 4.2.3; open registry). */
public record SignatureScheme(int code) {
    /** PKCS#1 v1.5 with SHA-256: certificate signatures (and TLS 1.2) only. */
    public static final SignatureScheme RSA_PKCS1_SHA256 = new SignatureScheme(0x0401);
    /** PKCS#1 v1.5 with SHA-384: certificate signatures (and TLS 1.2) only. */
    public static final SignatureScheme RSA_PKCS1_SHA384 = new SignatureScheme(0x0501);
    /** PKCS#1 v1.5 with SHA-512: certificate signatures (and TLS 1.2) only. */
    public static final SignatureScheme RSA_PKCS1_SHA512 = new SignatureScheme(0x0601);
    /** ECDSA P-256 with SHA-256. */
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = new SignatureScheme(0x0403);
    /** ECDSA P-384 with SHA-384. */
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = new SignatureScheme(0x0503);
    /** ECDSA P-521 with SHA-512 (recognized in certificates). */
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = new SignatureScheme(0x0603);
    /** RSASSA-PSS with an rsaEncryption key, SHA-256. */
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = new SignatureScheme(0x0804);
    /** RSASSA-PSS with an rsaEncryption key, SHA-384. */
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = new SignatureScheme(0x0805);
    /** RSASSA-PSS with an rsaEncryption key, SHA-512. */
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = new SignatureScheme(0x0806);
    /** Ed25519 (RFC 8032). */
    public static final SignatureScheme ED25519 = new SignatureScheme(0x0807);
    /** Ed448 (recognized, not implemented). */
    public static final SignatureScheme ED448 = new SignatureScheme(0x0808);
    /** RSASSA-PSS with an RSASSA-PSS key, SHA-256. */
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = new SignatureScheme(0x0809);
    /** RSASSA-PSS with an RSASSA-PSS key, SHA-384. */
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = new SignatureScheme(0x080A);
    /** RSASSA-PSS with an RSASSA-PSS key, SHA-512. */
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = new SignatureScheme(0x080B);
    /** Legacy PKCS#1 v1.5 with SHA-1 (certificates only). */
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    /** Legacy ECDSA with SHA-1 (certificates only). */
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);

    /** No signature: TLS 1.2 static RSA key exchange authenticates by decryption. */
    public static final SignatureScheme NONE = new SignatureScheme(0);

    /** Schemes we sign and verify with in handshake messages (TLS 1.3 CertificateVerify), in preference order. */
    public static final List<SignatureScheme> HANDSHAKE_DEFAULTS = List.of(
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ED25519,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256);

    /** Schemes we accept in certificate signatures (signature_algorithms_cert). */
    public static final List<SignatureScheme> CERTIFICATE_DEFAULTS = List.of(
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512, ED25519,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256,
            RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512);

    /** The registry name, or hex for unknown values. */
    public String displayName() {
        return switch (code) {
            case 0x0000 -> "none";
            case 0x0401 -> "rsa_pkcs1_sha256";
            case 0x0501 -> "rsa_pkcs1_sha384";
            case 0x0601 -> "rsa_pkcs1_sha512";
            case 0x0403 -> "ecdsa_secp256r1_sha256";
            case 0x0503 -> "ecdsa_secp384r1_sha384";
            case 0x0603 -> "ecdsa_secp521r1_sha512";
            case 0x0804 -> "rsa_pss_rsae_sha256";
            case 0x0805 -> "rsa_pss_rsae_sha384";
            case 0x0806 -> "rsa_pss_rsae_sha512";
            case 0x0807 -> "ed25519";
            case 0x0808 -> "ed448";
            case 0x0809 -> "rsa_pss_pss_sha256";
            case 0x080A -> "rsa_pss_pss_sha384";
            case 0x080B -> "rsa_pss_pss_sha512";
            case 0x0201 -> "rsa_pkcs1_sha1";
            case 0x0203 -> "ecdsa_sha1";
            default -> String.format("0x%04x", code);
        };
    }

    /** Parses a registry name. */
    public static Optional<SignatureScheme> byName(String name) {
        return CERTIFICATE_DEFAULTS.stream()
                .filter(s -> s.displayName().equalsIgnoreCase(name.trim())).findFirst();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
