package org.tlsj;

import java.util.List;
import java.util.Optional;

/** A key exchange group code point (open registry: unknown and GREASE values round-trip). */
public record NamedGroup(int code) {
    /** NIST P-256, RFC 8422. */
    public static final NamedGroup SECP256R1 = new NamedGroup(0x0017);
    /** NIST P-384, RFC 8422. */
    public static final NamedGroup SECP384R1 = new NamedGroup(0x0018);
    /**
     * NIST P-521, RFC 8422: implemented by the crypto providers, but neither offered nor accepted unless a config
     * lists it, as in BoringSSL and rustls: in the JDK it costs about three times P-256, and peers that offer it
     * (Go, OpenSSL, SunJSSE) offer P-256 and P-384 before it.
     */
    public static final NamedGroup SECP521R1 = new NamedGroup(0x0019);
    /** Curve25519 ECDH, RFC 7748 / RFC 8446. */
    public static final NamedGroup X25519 = new NamedGroup(0x001D);
    /** Curve448 (recognized, not implemented). */
    public static final NamedGroup X448 = new NamedGroup(0x001E);
    /** Finite field group (recognized, not implemented). */
    public static final NamedGroup FFDHE2048 = new NamedGroup(0x0100);
    /** Hybrid ML-KEM-768 + X25519 (draft-ietf-tls-ecdhe-mlkem), as Chromium and OpenSSL 3.5 send it. */
    public static final NamedGroup X25519MLKEM768 = new NamedGroup(0x11EC);

    /** No group: a TLS 1.2 session with static RSA key exchange, or a resumed TLS 1.2 session. */
    public static final NamedGroup NONE = new NamedGroup(0);

    /**
     * The default groups, in preference order: what configs offer and accept unless told otherwise, and what
     * every {@link org.tlsj.crypto.CryptoProvider} must implement. {@link #SECP521R1} is implemented but opt-in.
     */
    public static final List<NamedGroup> SUPPORTED = List.of(X25519MLKEM768, X25519, SECP256R1, SECP384R1);

    /** The registry name, for example {@code x25519}; hex for unknown values. */
    public String displayName() {
        return switch (code) {
            case 0x0000 -> "none";
            case 0x0017 -> "secp256r1";
            case 0x0018 -> "secp384r1";
            case 0x0019 -> "secp521r1";
            case 0x001D -> "x25519";
            case 0x001E -> "x448";
            case 0x0100 -> "ffdhe2048";
            case 0x0101 -> "ffdhe3072";
            case 0x11EC -> "X25519MLKEM768";
            default -> isGrease() ? String.format("GREASE(0x%04x)", code) : String.format("0x%04x", code);
        };
    }

    /** Whether tlsj implements this group: the default groups ({@link #SUPPORTED}) and the opt-in secp521r1. */
    public boolean isSupported() {
        return SUPPORTED.contains(this) || equals(SECP521R1);
    }

    /** Whether this is a GREASE value (RFC 8701). */
    public boolean isGrease() {
        return (code & 0x0f0f) == 0x0a0a && (code >> 8) == (code & 0xff);
    }

    /** Parses a name: x25519, secp256r1 (or P-256), secp384r1 (or P-384), secp521r1 (or P-521), X25519MLKEM768. */
    public static Optional<NamedGroup> byName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(switch (n) {
            case "x25519" -> X25519;
            case "secp256r1", "p-256", "p256", "prime256v1" -> SECP256R1;
            case "secp384r1", "p-384", "p384" -> SECP384R1;
            case "secp521r1", "p-521", "p521" -> SECP521R1;
            case "x25519mlkem768" -> X25519MLKEM768;
            default -> null;
        });
    }

    @Override
    public String toString() {
        return displayName();
    }
}
