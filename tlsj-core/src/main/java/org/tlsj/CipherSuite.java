package org.tlsj;

import java.util.List;
import java.util.Optional;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.HashAlgorithm;

/** A cipher suite code point (open registry: unknown and GREASE values round-trip). */
public record CipherSuite(int code) {
    /** TLS 1.3, RFC 8446. */
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    /** TLS 1.3, RFC 8446. */
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    /** TLS 1.3, RFC 8446. */
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);
    /** TLS 1.2, RFC 5289. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02B);
    /** TLS 1.2, RFC 5289. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC02C);
    /** TLS 1.2, RFC 5289. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02F);
    /** TLS 1.2, RFC 5289. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC030);
    /** TLS 1.2, RFC 7905. */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA8);
    /** TLS 1.2, RFC 7905. */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA9);
    /** TLS 1.2 static RSA key exchange, RFC 5288 (no forward secrecy; off by default). */
    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009C);
    /** TLS 1.2 static RSA key exchange, RFC 5288 (no forward secrecy; off by default). */
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009D);
    /** RFC 5746 signalling value. */
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00FF);
    /** RFC 7507 signalling value. */
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    private record Info(CipherSuite suite, String name, ProtocolVersion version, AeadAlgorithm aead,
                        HashAlgorithm hash) {}

    private static final List<Info> KNOWN = List.of(
            new Info(TLS_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256", ProtocolVersion.TLS13,
                    AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            new Info(TLS_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384", ProtocolVersion.TLS13,
                    AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            new Info(TLS_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256", ProtocolVersion.TLS13,
                    AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            new Info(TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            new Info(TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            new Info(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            new Info(TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
            new Info(TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                    ProtocolVersion.TLS12, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            new Info(TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                    ProtocolVersion.TLS12, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
            new Info(TLS_RSA_WITH_AES_128_GCM_SHA256, "TLS_RSA_WITH_AES_128_GCM_SHA256",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
            new Info(TLS_RSA_WITH_AES_256_GCM_SHA384, "TLS_RSA_WITH_AES_256_GCM_SHA384",
                    ProtocolVersion.TLS12, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384));

    /** The TLS 1.2 ECDHE suites in our default preference order (forward secrecy, AEAD only). */
    public static final List<CipherSuite> TLS12_DEFAULTS = List.of(
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    /** TLS 1.2 static RSA key exchange suites: no forward secrecy, so only on explicit request. */
    public static final List<CipherSuite> TLS12_RSA_KX = List.of(TLS_RSA_WITH_AES_128_GCM_SHA256,
            TLS_RSA_WITH_AES_256_GCM_SHA384);

    /** The key exchange of a TLS 1.2 suite. */
    public enum KeyExchange {
        /** Ephemeral ECDH, signed with an ECDSA key. */
        ECDHE_ECDSA,
        /** Ephemeral ECDH, signed with an RSA key. */
        ECDHE_RSA,
        /** The client encrypts the pre-master secret to the server's RSA key. */
        RSA,
        /** TLS 1.3: (EC)DHE in key_share, authentication separate. */
        TLS13
    }

    /** How this suite exchanges keys. */
    public KeyExchange keyExchange() {
        if (version().orElse(ProtocolVersion.TLS13).equals(ProtocolVersion.TLS13)) {
            return KeyExchange.TLS13;
        }
        if (TLS12_RSA_KX.contains(this)) {
            return KeyExchange.RSA;
        }
        return displayName().contains("ECDSA") ? KeyExchange.ECDHE_ECDSA : KeyExchange.ECDHE_RSA;
    }

    /** TLS 1.3 then TLS 1.2 ECDHE suites: the defaults when both versions are enabled. */
    public static final List<CipherSuite> DEFAULTS = List.of(
            TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256,
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    /** The TLS 1.3 suites in our default preference order. */
    public static final List<CipherSuite> TLS13_DEFAULTS =
            List.of(TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256);

    private Optional<Info> info() {
        for (Info i : KNOWN) { // a loop, not a stream: called several times per handshake
            if (i.suite.equals(this)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether tlsj implements this suite. */
    public boolean isSupported() {
        return info().isPresent();
    }

    /** The protocol version this suite belongs to (TLS 1.2 or 1.3). */
    public Optional<ProtocolVersion> version() {
        return info().map(Info::version);
    }

    /** The record protection algorithm. */
    public AeadAlgorithm aead() {
        return info().orElseThrow(() -> new IllegalStateException("unsupported suite " + this)).aead();
    }

    /** The handshake hash. */
    public HashAlgorithm hash() {
        return info().orElseThrow(() -> new IllegalStateException("unsupported suite " + this)).hash();
    }

    /** The IANA name, or the hex code for unknown values. */
    public String displayName() {
        return info().map(Info::name).orElse(String.format("0x%04X", code));
    }

    /** Looks a suite up by IANA name (case-insensitive). */
    public static Optional<CipherSuite> byName(String name) {
        return KNOWN.stream().filter(i -> i.name.equalsIgnoreCase(name.trim())).map(Info::suite).findFirst();
    }

    /** Every suite tlsj implements. */
    public static List<CipherSuite> supported() {
        return KNOWN.stream().map(Info::suite).toList();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
