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
    /** Hybrid ML-KEM-768 + X25519 (RFC 10024, draft-ietf-tls-ecdhe-mlkem), as Chromium and OpenSSL 3.5 send it. */
    public static final NamedGroup X25519MLKEM768 = new NamedGroup(0x11EC);
    /** Hybrid P-256 ECDH + ML-KEM-768 (RFC 10024), on by default in Go 1.26 and s2n. */
    public static final NamedGroup SECP256R1MLKEM768 = new NamedGroup(0x11EB);
    /** Hybrid P-384 ECDH + ML-KEM-1024 (RFC 10024), on by default in Go 1.26 and s2n. */
    public static final NamedGroup SECP384R1MLKEM1024 = new NamedGroup(0x11ED);
    /** ML-KEM-768 alone (draft-ietf-tls-mlkem): implemented, but only used when a config lists it. */
    public static final NamedGroup MLKEM768 = new NamedGroup(0x0201);
    /** ML-KEM-1024 alone (draft-ietf-tls-mlkem), as CNSA 2.0 asks: only used when a config lists it. */
    public static final NamedGroup MLKEM1024 = new NamedGroup(0x0202);

    /** No group: a TLS 1.2 session with static RSA key exchange, or a resumed TLS 1.2 session. */
    public static final NamedGroup NONE = new NamedGroup(0);

    /**
     * The default groups, in the server's preference order: what configs offer and accept unless told otherwise,
     * and what every {@link org.tlsj.crypto.CryptoProvider} must implement. The hybrids come first, in the order
     * of Go 1.26's {@code curvePreferenceOrder} (crypto/tls/defaults.go: X25519MLKEM768, SecP256r1MLKEM768,
     * SecP384r1MLKEM1024, then X25519, P-256, P-384), then the classical groups. OpenSSL 3.5 agrees on
     * X25519MLKEM768 first ({@code TLS_DEFAULT_GROUP_LIST} in ssl/t1_lib.c: "?*X25519MLKEM768 / ?*X25519:?secp256r1
     * / ?X448:?secp384r1:?secp521r1 / ...") but has no NIST-curve hybrid by default. {@link #SECP521R1},
     * {@link #MLKEM768} and {@link #MLKEM1024} are implemented but opt-in. A client offers
     * {@link #CLIENT_DEFAULT} instead.
     */
    public static final List<NamedGroup> SUPPORTED = List.of(X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024,
            X25519, SECP256R1, SECP384R1);

    /**
     * The groups a client offers by default, in its preference order: the same set as {@link #SUPPORTED}, with
     * the two groups it sends key shares for (X25519MLKEM768 and x25519) first, so that a server honouring
     * the client's order picks a group it has a share for rather than asking for another one.
     */
    public static final List<NamedGroup> CLIENT_DEFAULT = List.of(X25519MLKEM768, X25519, SECP256R1MLKEM768,
            SECP384R1MLKEM1024, SECP256R1, SECP384R1);

    /** What tlsj implements: the defaults and the opt-in groups. */
    private static final List<NamedGroup> IMPLEMENTED = List.of(X25519MLKEM768, SECP256R1MLKEM768,
            SECP384R1MLKEM1024, X25519, SECP256R1, SECP384R1, SECP521R1, MLKEM768, MLKEM1024);

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
            case 0x0200 -> "MLKEM512";
            case 0x0201 -> "MLKEM768";
            case 0x0202 -> "MLKEM1024";
            case 0x11EB -> "SecP256r1MLKEM768";
            case 0x11EC -> "X25519MLKEM768";
            case 0x11ED -> "SecP384r1MLKEM1024";
            default -> isGrease() ? String.format("GREASE(0x%04x)", code) : String.format("0x%04x", code);
        };
    }

    /**
     * Whether tlsj implements this group: the default groups ({@link #SUPPORTED}) and the opt-in secp521r1,
     * MLKEM768 and MLKEM1024.
     */
    public boolean isSupported() {
        return IMPLEMENTED.contains(this);
    }

    /**
     * Whether this group is a key encapsulation (the ML-KEM hybrids and pure ML-KEM): TLS 1.3 only, since TLS
     * 1.2's ECDHE key exchange cannot carry a KEM (the server's share depends on the client's).
     */
    public boolean isKem() {
        return switch (code) {
            case 0x0200, 0x0201, 0x0202, 0x11EB, 0x11EC, 0x11ED -> true;
            default -> false;
        };
    }

    /** Whether this is a GREASE value (RFC 8701). */
    public boolean isGrease() {
        return (code & 0x0f0f) == 0x0a0a && (code >> 8) == (code & 0xff);
    }

    /**
     * Parses a name, case-insensitively: x25519, secp256r1 (or P-256), secp384r1 (or P-384), secp521r1 (or P-521),
     * X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024, MLKEM768, MLKEM1024.
     */
    public static Optional<NamedGroup> byName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(switch (n) {
            case "x25519" -> X25519;
            case "secp256r1", "p-256", "p256", "prime256v1" -> SECP256R1;
            case "secp384r1", "p-384", "p384" -> SECP384R1;
            case "secp521r1", "p-521", "p521" -> SECP521R1;
            case "x25519mlkem768" -> X25519MLKEM768;
            case "secp256r1mlkem768" -> SECP256R1MLKEM768;
            case "secp384r1mlkem1024" -> SECP384R1MLKEM1024;
            case "mlkem768" -> MLKEM768;
            case "mlkem1024" -> MLKEM1024;
            default -> null;
        });
    }

    @Override
    public String toString() {
        return displayName();
    }
}
