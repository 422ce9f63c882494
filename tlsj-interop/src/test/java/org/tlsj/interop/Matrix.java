package org.tlsj.interop;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;

/**
 * The interop matrix and each peer's name for its values. Tests run every suite with one group, every group
 * with one suite, and every key type with one suite and group, rather than the full product.
 */
final class Matrix {
    private Matrix() {
    }

    /** The TLS 1.3 suites, with GnuTLS's cipher names. */
    enum Suite {
        AES_128_GCM(CipherSuite.TLS_AES_128_GCM_SHA256, "AES-128-GCM"),
        AES_256_GCM(CipherSuite.TLS_AES_256_GCM_SHA384, "AES-256-GCM"),
        CHACHA20_POLY1305(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "CHACHA20-POLY1305");

        final CipherSuite suite;
        final String gnutls;

        Suite(CipherSuite suite, String gnutls) {
            this.suite = suite;
            this.gnutls = gnutls;
        }

        /** The IANA name, which OpenSSL, curl and JSSE also use. */
        String iana() {
            return suite.displayName();
        }
    }

    /** The groups OpenSSL 3.0 and GnuTLS 3.7 share with us (neither has X25519MLKEM768). */
    enum Group {
        X25519(NamedGroup.X25519, "X25519", "X25519", "X25519", "x25519"),
        P256(NamedGroup.SECP256R1, "P-256", "prime256v1", "SECP256R1", "secp256r1"),
        P384(NamedGroup.SECP384R1, "P-384", "secp384r1", "SECP384R1", "secp384r1");

        final NamedGroup group;
        /** The name for OpenSSL's -groups. */
        final String openssl;
        /** How s_client names it in "Server Temp Key". */
        final String opensslTempKey;
        /** GnuTLS's name, as in GROUP-X and ECDHE-X. */
        final String gnutls;
        /** JSSE's name for SSLParameters.setNamedGroups. */
        final String jsse;

        Group(NamedGroup group, String openssl, String opensslTempKey, String gnutls, String jsse) {
            this.group = group;
            this.openssl = openssl;
            this.opensslTempKey = opensslTempKey;
            this.gnutls = gnutls;
            this.jsse = jsse;
        }
    }

    /** A server key type and what a handshake with it shows. */
    enum ServerKey {
        EC_P256(KeyType.EC_P256, SignatureScheme.ECDSA_SECP256R1_SHA256, "ECDSA", "ECDSA-SECP256R1-SHA256"),
        EC_P384(KeyType.EC_P384, SignatureScheme.ECDSA_SECP384R1_SHA384, "ECDSA", "ECDSA-SECP384R1-SHA384"),
        RSA_2048(KeyType.RSA_2048, SignatureScheme.RSA_PSS_RSAE_SHA256, "RSA-PSS", "RSA-PSS-RSAE-SHA256"),
        RSA_PSS_2048(KeyType.RSA_PSS_2048, SignatureScheme.RSA_PSS_PSS_SHA256, "RSA-PSS", "RSA-PSS-SHA256"),
        ED25519(KeyType.ED25519, SignatureScheme.ED25519, "ed25519", "EdDSA-Ed25519");

        final KeyType keyType;
        /** The scheme the server signs CertificateVerify with, given our preference order. */
        final SignatureScheme scheme;
        /** How s_client names it in "Peer signature type". */
        final String opensslSignatureType;
        /** How GnuTLS names it in its session description. */
        final String gnutls;

        ServerKey(KeyType keyType, SignatureScheme scheme, String opensslSignatureType, String gnutls) {
            this.keyType = keyType;
            this.scheme = scheme;
            this.opensslSignatureType = opensslSignatureType;
            this.gnutls = gnutls;
        }
    }

    /** One handshake to run: a suite, a group and a server key. */
    record Case(Suite suite, Group group, ServerKey key) {
        @Override
        public String toString() {
            return suite.iana() + " " + group.group.displayName() + " " + key.keyType.cliName();
        }
    }

    /** Every suite with x25519 and EC P-256; every other group with AES-128; every other key type with AES-128. */
    static Stream<Arguments> cases() {
        Stream<Case> suites = Arrays.stream(Suite.values()).map(s -> new Case(s, Group.X25519, ServerKey.EC_P256));
        Stream<Case> groups = Arrays.stream(Group.values()).filter(g -> g != Group.X25519)
                .map(g -> new Case(Suite.AES_128_GCM, g, ServerKey.EC_P256));
        Stream<Case> keys = Arrays.stream(ServerKey.values()).filter(k -> k != ServerKey.EC_P256)
                .map(k -> new Case(Suite.AES_128_GCM, Group.X25519, k));
        return Stream.of(suites, groups, keys).flatMap(s -> s).map(Arguments::of);
    }

    /**
     * The TLS 1.2 suites: OpenSSL's name (also curl's), GnuTLS's key exchange and cipher, and the server key
     * each needs (the static RSA ones only with {@code rsaKeyExchange(true)}).
     */
    enum Suite12 {
        ECDHE_ECDSA_AES_128_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256",
                "ECDHE-ECDSA", "AES-128-GCM", ServerKey.EC_P256),
        ECDHE_ECDSA_AES_256_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384",
                "ECDHE-ECDSA", "AES-256-GCM", ServerKey.EC_P256),
        ECDHE_ECDSA_CHACHA20_POLY1305(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-ECDSA", "CHACHA20-POLY1305", ServerKey.EC_P256),
        ECDHE_RSA_AES_128_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256",
                "ECDHE-RSA", "AES-128-GCM", ServerKey.RSA_2048),
        ECDHE_RSA_AES_256_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384",
                "ECDHE-RSA", "AES-256-GCM", ServerKey.RSA_2048),
        ECDHE_RSA_CHACHA20_POLY1305(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-RSA", "CHACHA20-POLY1305", ServerKey.RSA_2048),
        RSA_AES_128_GCM(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", "RSA", "AES-128-GCM",
                ServerKey.RSA_2048),
        RSA_AES_256_GCM(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", "RSA", "AES-256-GCM",
                ServerKey.RSA_2048);

        final CipherSuite suite;
        /** OpenSSL's name, for -cipher, curl's --ciphers and s_client's "Ciphersuite:". */
        final String openssl;
        /** GnuTLS's key exchange name, as in +ECDHE-RSA and in its session description. */
        final String gnutlsKx;
        /** GnuTLS's cipher name. */
        final String gnutlsCipher;
        /** The server key the suite needs. */
        final ServerKey key;

        Suite12(CipherSuite suite, String openssl, String gnutlsKx, String gnutlsCipher, ServerKey key) {
            this.suite = suite;
            this.openssl = openssl;
            this.gnutlsKx = gnutlsKx;
            this.gnutlsCipher = gnutlsCipher;
            this.key = key;
        }

        /** The IANA name, which JSSE also uses. */
        String iana() {
            return suite.displayName();
        }

        /** Static RSA key exchange: no group, no signature, and opt-in on our side. */
        boolean staticRsa() {
            return suite.keyExchange() == CipherSuite.KeyExchange.RSA;
        }
    }

    /** One TLS 1.2 handshake to run: a suite and, unless the key exchange is static RSA, a group. */
    record Case12(Suite12 suite, Group group) {
        /** The group SessionInfo reports: NONE for static RSA. */
        NamedGroup expectedGroup() {
            return suite.staticRsa() ? NamedGroup.NONE : group.group;
        }

        /** The scheme the server signs ServerKeyExchange with: NONE for static RSA (nothing is signed). */
        SignatureScheme expectedScheme() {
            return suite.staticRsa() ? SignatureScheme.NONE : suite.key.scheme;
        }

        @Override
        public String toString() {
            return suite.iana() + (suite.staticRsa() ? "" : " " + group.group.displayName());
        }
    }

    /**
     * Every TLS 1.2 suite once, and P-384 with ECDHE-RSA-AES128. The ECDHE-ECDSA suites run over P-256: in TLS 1.2
     * the client's supported groups also bind the curve of the server's ECDSA certificate (RFC 8422 section 5.1.1),
     * and OpenSSL's client aborts with "wrong curve" when a P-256 certificate comes over a group list without
     * P-256. The other suites run over x25519 (static RSA has no group at all).
     */
    static Stream<Arguments> cases12() {
        Stream<Case12> suites = Arrays.stream(Suite12.values()).map(s -> new Case12(s,
                s.suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA ? Group.P256 : Group.X25519));
        return Stream.concat(suites, Stream.of(new Case12(Suite12.ECDHE_RSA_AES_128_GCM, Group.P384)))
                .map(Arguments::of);
    }

    /** {@link #cases12()} without static RSA, which JDK 25's JSSE disables ("TLS_RSA_*" in jdk.tls.disabledAlgorithms). */
    static Stream<Arguments> cases12WithForwardSecrecy() {
        return cases12().filter(a -> !((Case12) a.get()[0]).suite().staticRsa());
    }

    /** How a session is resumed, and the peers' options that force that way. */
    enum Resumption {
        /** TLS 1.3: a NewSessionTicket, then a pre_shared_key. */
        TLS13_TICKET(ProtocolVersion.TLS13, List.of("-tls1_3"), GnuTls.TLS13_ONLY, List.of()),
        /** TLS 1.2: an RFC 5077 session ticket. */
        TLS12_TICKET(ProtocolVersion.TLS12, List.of("-tls1_2"), GnuTls.TLS12_ONLY, List.of()),
        /** TLS 1.2: the server's session id, tickets off on the peer's side. */
        TLS12_SESSION_ID(ProtocolVersion.TLS12, List.of("-tls1_2", "-no_ticket"), GnuTls.TLS12_ONLY,
                List.of("--noticket"));

        final ProtocolVersion version;
        /** Options for s_client or s_server (both spell them the same). */
        final List<String> openssl;
        /** GnuTLS's priority string. */
        final String gnutlsPriority;
        /** Further options for gnutls-cli. */
        final List<String> gnutls;

        Resumption(ProtocolVersion version, List<String> openssl, String gnutlsPriority, List<String> gnutls) {
            this.version = version;
            this.openssl = openssl;
            this.gnutlsPriority = gnutlsPriority;
            this.gnutls = gnutls;
        }

        /** {@link #openssl} followed by more options, as an array for the helpers' varargs. */
        String[] openssl(String... more) {
            return Stream.concat(openssl.stream(), Arrays.stream(more)).toArray(String[]::new);
        }
    }

    /** Both versions, for tests that run the same in each. */
    static Stream<ProtocolVersion> versions() {
        return Stream.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
    }

    /** Every suite, for peers where only the suite varies. */
    static Stream<Suite> suites() {
        return Arrays.stream(Suite.values());
    }
}
