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
    /** ECDSA P-521 with SHA-512 (signed with by default; verified only when configured, as BoringSSL does). */
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
    /** ML-DSA-44 (FIPS 204, pure, empty context; draft-ietf-tls-mldsa): TLS 1.3 only. */
    public static final SignatureScheme MLDSA44 = new SignatureScheme(0x0904);
    /** ML-DSA-65 (FIPS 204, pure, empty context; draft-ietf-tls-mldsa): TLS 1.3 only. */
    public static final SignatureScheme MLDSA65 = new SignatureScheme(0x0905);
    /** ML-DSA-87 (FIPS 204, pure, empty context; draft-ietf-tls-mldsa): TLS 1.3 only. */
    public static final SignatureScheme MLDSA87 = new SignatureScheme(0x0906);
    /** Legacy PKCS#1 v1.5 with SHA-1: TLS 1.2 handshakes only when configured, never by default. */
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    /** Legacy ECDSA with SHA-1: TLS 1.2 handshakes only when configured, never by default. */
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);

    /** No signature: TLS 1.2 static RSA key exchange authenticates by decryption. */
    public static final SignatureScheme NONE = new SignatureScheme(0);

    /**
     * Schemes we accept in handshake signatures by default (a client's {@code signatureSchemes}, a server's
     * CertificateRequest), in preference order. TLS 1.2 adds PKCS#1 v1.5 with SHA-256/384/512 and drops the
     * ML-DSA schemes, which follow the classical ones (OpenSSL 3.5's order among them: 65, 87, 44).
     */
    public static final List<SignatureScheme> HANDSHAKE_DEFAULTS = List.of(
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ED25519,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256,
            MLDSA65, MLDSA87, MLDSA44);

    /**
     * Schemes we sign handshake messages with by default (a server's {@code signatureSchemes}, a client's
     * certificate): the handshake defaults plus ecdsa_secp521r1_sha512, the only scheme a P-521 key has. Which
     * one is used is still the peer's choice; TLS 1.2 adds PKCS#1 v1.5 with SHA-256/384/512.
     */
    public static final List<SignatureScheme> SIGNING_DEFAULTS = List.of(
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512, ED25519,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256,
            MLDSA65, MLDSA87, MLDSA44);

    /**
     * PKCS#1 v1.5 with SHA-256/384/512: TLS 1.2's RSA handshake signatures. TLS 1.3 refuses them in
     * CertificateVerify but lists them for certificate signatures (RFC 8446 section 4.2.3). The default
     * client-certificate lists ({@code ServerConfig} and {@code ClientConfig} {@code clientSignatureSchemes}) end
     * with them.
     */
    public static final List<SignatureScheme> TLS12_PKCS1 = List.of(RSA_PKCS1_SHA256, RSA_PKCS1_SHA384,
            RSA_PKCS1_SHA512);

    /** Schemes we accept in certificate signatures (signature_algorithms_cert). */
    public static final List<SignatureScheme> CERTIFICATE_DEFAULTS = List.of(
            ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512, ED25519,
            RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA256,
            RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512, MLDSA65, MLDSA87, MLDSA44);

    /**
     * Whether only TLS 1.3 has this scheme: the ML-DSA ones (draft-ietf-tls-mldsa section 2: not for TLS 1.2).
     * It is neither offered nor accepted in a TLS 1.2 handshake signature.
     */
    public boolean isTls13Only() {
        return code >= 0x0904 && code <= 0x0906;
    }

    /**
     * Whether TLS 1.3 forbids this scheme in handshake signatures (RFC 8446 section 4.4.3: RSA signs with
     * RSASSA-PSS, never PKCS#1 v1.5; no SHA-1; section 4.2.3: SHA-224 and DSA are gone): the TLS 1.2
     * (hash, signature) pairs with RSA or DSA, or with SHA-1, SHA-224 or MD5. Such a scheme may still be
     * offered, for TLS 1.2 and for certificates.
     */
    public boolean isLegacy() {
        int hash = code >> 8;
        int signature = code & 0xff;
        return hash >= 1 && hash <= 6 && signature >= 1 && signature <= 3 && (signature != 3 || hash <= 3);
    }

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
            case 0x0904 -> "mldsa44";
            case 0x0905 -> "mldsa65";
            case 0x0906 -> "mldsa87";
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
