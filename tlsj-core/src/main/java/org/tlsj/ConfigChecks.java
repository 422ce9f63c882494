package org.tlsj;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.tlsj.crypto.CryptoProvider;

/** Validation shared by the client and server configs; failures are {@link IllegalArgumentException}s. */
final class ConfigChecks {
    /** RFC 8449: 2^14 plus one byte for the TLS 1.3 inner content type. */
    static final int MAX_RECORD_SIZE_LIMIT = 16385;
    /** Large enough for long certificate chains, small enough to bound memory. */
    static final int DEFAULT_MAX_HANDSHAKE_MESSAGE = 64 * 1024;

    private ConfigChecks() {
    }

    static void versions(List<ProtocolVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no protocol version enabled");
        }
        for (ProtocolVersion v : versions) {
            if (!v.equals(ProtocolVersion.TLS13) && !v.equals(ProtocolVersion.TLS12)) {
                throw new IllegalArgumentException("protocol version " + v + " is not supported (TLS 1.3 and 1.2 are)");
            }
        }
    }

    static void suites(List<CipherSuite> suites) {
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("no cipher suite enabled");
        }
        for (CipherSuite s : suites) {
            if (!s.isSupported()) {
                throw new IllegalArgumentException("cipher suite " + s + " is not supported");
            }
        }
        if (new HashSet<>(suites).size() != suites.size()) {
            throw new IllegalArgumentException("cipher suites listed twice: " + suites);
        }
    }

    static void groups(List<NamedGroup> groups, CryptoProvider crypto) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no key exchange group enabled");
        }
        for (NamedGroup g : groups) {
            if (!crypto.groups().contains(g)) {
                throw new IllegalArgumentException("group " + g + " is not supported by the crypto provider");
            }
        }
        if (new HashSet<>(groups).size() != groups.size()) {
            throw new IllegalArgumentException("groups listed twice: " + groups);
        }
    }

    /** The list followed by PKCS#1 v1.5 with SHA-256/384/512 (the default client-certificate lists). */
    static List<SignatureScheme> withTls12Pkcs1(List<SignatureScheme> schemes) {
        return java.util.stream.Stream.concat(schemes.stream(), SignatureScheme.TLS12_PKCS1.stream()).toList();
    }

    /** A scheme list that is not empty and names at least one scheme the crypto provider implements. */
    static void schemes(String what, List<SignatureScheme> schemes, CryptoProvider crypto) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " enabled");
        }
        if (schemes.stream().noneMatch(crypto.signatureSchemes()::contains)) {
            throw new IllegalArgumentException("none of the " + what + " " + schemes
                    + " is implemented by the crypto provider");
        }
    }

    static void common(List<SignatureScheme> schemes, List<String> alpn, int recordSizeLimit,
                       int maxHandshakeMessageSize, long keyUpdateRecordLimit) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("no signature scheme enabled");
        }
        for (String p : alpn) {
            int n = p.getBytes(StandardCharsets.UTF_8).length;
            if (n == 0 || n > 255) {
                throw new IllegalArgumentException("ALPN protocol name must be 1..255 bytes: '" + p + "'");
            }
        }
        if (recordSizeLimit < 64 || recordSizeLimit > MAX_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record size limit must be 64..16385, not " + recordSizeLimit);
        }
        if (maxHandshakeMessageSize < 1024 || maxHandshakeMessageSize > (1 << 24) - 1) {
            throw new IllegalArgumentException("max handshake message size must be 1 KiB..16 MiB");
        }
        if (keyUpdateRecordLimit < 0) {
            throw new IllegalArgumentException("key update record limit must not be negative");
        }
    }
}
