package org.tlsj;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.pki.ServerCertificateVerifier;
import org.tlsj.trace.KeyLog;
import org.tlsj.trace.TraceListener;

/**
 * Immutable client settings, shared by many connections. Build with {@link #builder()}; defaults are
 * secure: TLS 1.3, AEAD suites, X25519MLKEM768 and x25519 key shares, PKIX validation against the JDK's
 * trust store with hostname checking.
 */
public final class ClientConfig {
    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<NamedGroup> keyShareGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<SignatureScheme> clientSignatureSchemes;
    private final List<SignatureScheme> certificateSignatureSchemes;
    private final List<String> applicationProtocols;
    private final List<CertifiedKey> certificates;
    private final ServerCertificateVerifier verifier;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final boolean middleboxCompat;
    private final int recordSizeLimit;
    private final int maxHandshakeMessageSize;
    private final long keyUpdateRecordLimit;
    private final ClientSessionCache sessionCache;
    private final boolean requireExtendedMasterSecret;
    private final KeyLog keyLog;
    private final TraceListener trace;

    /** Validates and copies; callers go through the {@link Builder}. */
    private ClientConfig(List<ProtocolVersion> versions, List<CipherSuite> cipherSuites, List<NamedGroup> groups,
                         List<NamedGroup> keyShareGroups, List<SignatureScheme> signatureSchemes,
                         List<SignatureScheme> clientSignatureSchemes,
                         List<SignatureScheme> certificateSignatureSchemes, List<String> applicationProtocols,
                         List<CertifiedKey> certificates, ServerCertificateVerifier verifier, CryptoProvider crypto,
                         Clock clock, boolean middleboxCompat, int recordSizeLimit, int maxHandshakeMessageSize,
                         long keyUpdateRecordLimit, ClientSessionCache sessionCache,
                         boolean requireExtendedMasterSecret, KeyLog keyLog, TraceListener trace) {
        this.versions = List.copyOf(versions);
        this.cipherSuites = List.copyOf(cipherSuites);
        this.groups = List.copyOf(groups);
        this.keyShareGroups = List.copyOf(keyShareGroups);
        this.signatureSchemes = List.copyOf(signatureSchemes);
        this.clientSignatureSchemes = List.copyOf(clientSignatureSchemes);
        this.certificateSignatureSchemes = List.copyOf(certificateSignatureSchemes);
        this.applicationProtocols = List.copyOf(applicationProtocols);
        this.certificates = List.copyOf(certificates);
        Objects.requireNonNull(verifier);
        Objects.requireNonNull(crypto);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(sessionCache);
        Objects.requireNonNull(keyLog);
        Objects.requireNonNull(trace);
        ConfigChecks.versions(versions);
        ConfigChecks.suites(cipherSuites);
        ConfigChecks.groups(groups, crypto);
        if (!groups.containsAll(keyShareGroups)) {
            throw new IllegalArgumentException("key share groups " + keyShareGroups
                    + " must be among the offered groups " + groups);
        }
        ConfigChecks.schemes("client signature schemes", clientSignatureSchemes, crypto);
        ConfigChecks.common(signatureSchemes, applicationProtocols, recordSizeLimit, maxHandshakeMessageSize,
                keyUpdateRecordLimit);
        this.verifier = verifier;
        this.crypto = crypto;
        this.clock = clock;
        this.middleboxCompat = middleboxCompat;
        this.recordSizeLimit = recordSizeLimit;
        this.maxHandshakeMessageSize = maxHandshakeMessageSize;
        this.keyUpdateRecordLimit = keyUpdateRecordLimit;
        this.sessionCache = sessionCache;
        this.requireExtendedMasterSecret = requireExtendedMasterSecret;
        this.keyLog = keyLog;
        this.trace = trace;
    }

    /** Protocol versions offered, highest first. */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /** Suites offered, in preference order. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Groups offered in supported_groups, in preference order. */
    public List<NamedGroup> groups() {
        return groups;
    }

    /** Groups for which a key share is sent in the first ClientHello. */
    public List<NamedGroup> keyShareGroups() {
        return keyShareGroups;
    }

    /**
     * Schemes accepted in CertificateVerify and ServerKeyExchange (TLS 1.2 adds PKCS#1 v1.5 with SHA-256/384/512); a
     * {@link SignatureScheme#isLegacy() legacy} scheme listed here (rsa_pkcs1_sha1, say) is offered and accepted in
     * TLS 1.2 only, never in a TLS 1.3 CertificateVerify.
     */
    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /**
     * The only schemes we sign our CertificateVerify with when the server asks for a client certificate, in our
     * preference order (the first the server accepts and our key fits is used; default {@link
     * SignatureScheme#SIGNING_DEFAULTS} then {@link SignatureScheme#TLS12_PKCS1}); TLS 1.3 never signs with a {@link
     * SignatureScheme#isLegacy() legacy} scheme listed here.
     */
    public List<SignatureScheme> clientSignatureSchemes() {
        return clientSignatureSchemes;
    }

    /** Schemes accepted in certificate signatures. */
    public List<SignatureScheme> certificateSignatureSchemes() {
        return certificateSignatureSchemes;
    }

    /** ALPN protocols offered, in preference order; empty for none. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** Client certificates offered when the server asks (mutual TLS); empty for none. */
    public List<CertifiedKey> certificates() {
        return certificates;
    }

    /** Checks the server's certificate chain and name. */
    public ServerCertificateVerifier verifier() {
        return verifier;
    }

    /** The crypto provider (randomness included). */
    public CryptoProvider crypto() {
        return crypto;
    }

    /** Time for certificate validity. */
    public Clock clock() {
        return clock;
    }

    /** Send a session id and change_cipher_spec (RFC 8446 appendix D.4). */
    public boolean middleboxCompat() {
        return middleboxCompat;
    }

    /** The record_size_limit we advertise (RFC 8449), 64..16385. */
    public int recordSizeLimit() {
        return recordSizeLimit;
    }

    /** The largest handshake message accepted. */
    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    /**
     * Records sent under one key before an automatic KeyUpdate; 0 for the RFC 8446 section 5.5 limit of the
     * negotiated AEAD.
     */
    public long keyUpdateRecordLimit() {
        return keyUpdateRecordLimit;
    }

    /** Sessions to resume, keyed by server name; tickets the server sends go there. */
    public ClientSessionCache sessionCache() {
        return sessionCache;
    }

    /** TLS 1.2 only with the extended master secret (RFC 7627). */
    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    /** Receives secrets for SSLKEYLOGFILE; {@link KeyLog#NONE} by default. */
    public KeyLog keyLog() {
        return keyLog;
    }

    /** Receives handshake events. */
    public TraceListener trace() {
        return trace;
    }

    /** What is negotiated: versions, suites, groups and ALPN protocols (never keys, tickets or caches). */
    @Override
    public String toString() {
        return "ClientConfig[versions=" + versions + ", cipherSuites=" + cipherSuites + ", groups=" + groups
                + ", applicationProtocols=" + applicationProtocols + "]";
    }

    /** A builder with secure defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.versions = versions;
        b.cipherSuites = cipherSuites;
        b.groups = groups;
        b.keyShareGroups = keyShareGroups;
        b.signatureSchemes = signatureSchemes;
        b.clientSignatureSchemes = clientSignatureSchemes;
        b.certificateSignatureSchemes = certificateSignatureSchemes;
        b.applicationProtocols = applicationProtocols;
        b.certificates = certificates;
        b.verifier = verifier;
        b.crypto = crypto;
        b.clock = clock;
        b.middleboxCompat = middleboxCompat;
        b.recordSizeLimit = recordSizeLimit;
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.keyUpdateRecordLimit = keyUpdateRecordLimit;
        b.sessionCache = sessionCache;
        b.requireExtendedMasterSecret = requireExtendedMasterSecret;
        b.keyLog = keyLog;
        b.trace = trace;
        return b;
    }

    /** Builds a {@link ClientConfig}; {@link #build()} validates. */
    public static final class Builder {
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        private List<CipherSuite> cipherSuites = CipherSuite.DEFAULTS;
        private List<NamedGroup> groups = NamedGroup.CLIENT_DEFAULT;
        private List<NamedGroup> keyShareGroups = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
        private List<SignatureScheme> signatureSchemes = SignatureScheme.HANDSHAKE_DEFAULTS;
        private List<SignatureScheme> clientSignatureSchemes =
                ConfigChecks.withTls12Pkcs1(SignatureScheme.SIGNING_DEFAULTS);
        private List<SignatureScheme> certificateSignatureSchemes = SignatureScheme.CERTIFICATE_DEFAULTS;
        private List<String> applicationProtocols = List.of();
        private List<CertifiedKey> certificates = List.of();
        private ServerCertificateVerifier verifier;
        private CryptoProvider crypto;
        private Clock clock = Clock.systemUTC();
        private boolean middleboxCompat = true;
        private int recordSizeLimit = ConfigChecks.MAX_RECORD_SIZE_LIMIT;
        private int maxHandshakeMessageSize = ConfigChecks.DEFAULT_MAX_HANDSHAKE_MESSAGE;
        private long keyUpdateRecordLimit;
        private ClientSessionCache sessionCache;
        private boolean requireExtendedMasterSecret = true;
        private KeyLog keyLog = KeyLog.NONE;
        private TraceListener trace = TraceListener.NONE;

        private Builder() {
        }

        /** Protocol versions offered. */
        public Builder versions(List<ProtocolVersion> v) { versions = v; return this; }
        /** Cipher suites offered, in preference order. */
        public Builder cipherSuites(List<CipherSuite> v) { cipherSuites = v; return this; }
        /**
         * Groups offered; key shares are kept to those among them (the first group if none remains).
         */
        public Builder groups(List<NamedGroup> v) {
            groups = v;
            List<NamedGroup> kept = keyShareGroups.stream().filter(v::contains).toList();
            keyShareGroups = kept.isEmpty() && !v.isEmpty() ? List.of(v.getFirst()) : kept;
            return this;
        }
        /** Groups that get a key share in the first ClientHello. */
        public Builder keyShareGroups(List<NamedGroup> v) { keyShareGroups = v; return this; }
        /** Signature schemes accepted in CertificateVerify. */
        public Builder signatureSchemes(List<SignatureScheme> v) { signatureSchemes = v; return this; }
        /**
         * The only signature schemes our client certificate signs CertificateVerify with, in our preference order
         * (default {@link SignatureScheme#SIGNING_DEFAULTS} then {@link SignatureScheme#TLS12_PKCS1}). If the
         * server accepts none that our key fits, we send no certificate (RFC 8446 section 4.4.2.3).
         */
        public Builder clientSignatureSchemes(List<SignatureScheme> v) { clientSignatureSchemes = v; return this; }
        /** Signature schemes accepted in certificates. */
        public Builder certificateSignatureSchemes(List<SignatureScheme> v) { certificateSignatureSchemes = v; return this; }
        /** ALPN protocols offered. */
        public Builder applicationProtocols(List<String> v) { applicationProtocols = v; return this; }
        /** Client certificates for mutual TLS (the first that fits the server's request is sent). */
        public Builder certificates(List<CertifiedKey> v) { certificates = v; return this; }
        /** The server certificate verifier. */
        public Builder verifier(ServerCertificateVerifier v) { verifier = v; return this; }
        /** The crypto provider. */
        public Builder crypto(CryptoProvider v) { crypto = v; return this; }
        /** The clock for certificate validity. */
        public Builder clock(Clock v) { clock = v; return this; }
        /** Middlebox compatibility mode (on by default). */
        public Builder middleboxCompat(boolean v) { middleboxCompat = v; return this; }
        /** The advertised record size limit. */
        public Builder recordSizeLimit(int v) { recordSizeLimit = v; return this; }
        /** The largest accepted handshake message. */
        public Builder maxHandshakeMessageSize(int v) { maxHandshakeMessageSize = v; return this; }
        /** Records per key before an automatic KeyUpdate (0: the AEAD's RFC limit). */
        public Builder keyUpdateRecordLimit(long v) { keyUpdateRecordLimit = v; return this; }
        /** Where resumable sessions are kept ({@link ClientSessionCache#NONE} turns resumption off). */
        public Builder sessionCache(ClientSessionCache v) { sessionCache = v; return this; }
        /** Whether TLS 1.2 requires the extended master secret (on by default; RFC 7627). */
        public Builder requireExtendedMasterSecret(boolean v) { requireExtendedMasterSecret = v; return this; }
        /**
         * Enables or disables TLS 1.2 static RSA key exchange (no forward secrecy; off by default): adds or
         * removes TLS_RSA_WITH_AES_128/256_GCM in the suite list.
         */
        public Builder rsaKeyExchange(boolean v) {
            java.util.List<CipherSuite> s = new java.util.ArrayList<>(cipherSuites);
            s.removeAll(CipherSuite.TLS12_RSA_KX);
            if (v) {
                s.addAll(CipherSuite.TLS12_RSA_KX);
            }
            cipherSuites = java.util.List.copyOf(s);
            return this;
        }
        /** The key log (opt-in). */
        public Builder keyLog(KeyLog v) { keyLog = v; return this; }
        /** The trace listener. */
        public Builder trace(TraceListener v) { trace = v; return this; }

        /** Validates and builds. */
        public ClientConfig build() {
            CryptoProvider c = crypto != null ? crypto : JcaCryptoProvider.create();
            ServerCertificateVerifier v = verifier != null ? verifier : PkixVerifier.withDefaultTrust();
            return new ClientConfig(versions, cipherSuites, groups, keyShareGroups, signatureSchemes,
                    clientSignatureSchemes, certificateSignatureSchemes, applicationProtocols, certificates, v, c, clock,
                    middleboxCompat, recordSizeLimit, maxHandshakeMessageSize, keyUpdateRecordLimit,
                    sessionCache != null ? sessionCache : ClientSessionCache.inMemory(64),
                    requireExtendedMasterSecret, keyLog, trace);
        }
    }
}
