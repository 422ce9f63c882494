package org.tlsj;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.ClientCertificateVerifier;
import org.tlsj.trace.KeyLog;
import org.tlsj.trace.TraceListener;

/**
 * Immutable server settings, shared by many connections. Build with {@link #builder(CertifiedKey...)}.
 */
public final class ServerConfig {
    private final List<CertifiedKey> certificates;
    private final List<ProtocolVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<SignatureScheme> clientSignatureSchemes;
    private final List<String> applicationProtocols;
    private final ClientAuth clientAuth;
    private final Optional<ClientCertificateVerifier> clientVerifier;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final boolean helloRetryCookie;
    private final int recordSizeLimit;
    private final int maxHandshakeMessageSize;
    private final long keyUpdateRecordLimit;
    private final TicketKeys ticketKeys;
    private final int ticketsPerHandshake;
    private final Duration ticketLifetime;
    private final ServerSessionCache sessionCache;
    private final boolean requireExtendedMasterSecret;
    private final KeyLog keyLog;
    private final TraceListener trace;
    private final Optional<ClientHelloHandler> clientHelloHandler;

    /** Validates and copies; callers go through the {@link Builder}. */
    private ServerConfig(List<CertifiedKey> certificates, List<ProtocolVersion> versions,
                         List<CipherSuite> cipherSuites, List<NamedGroup> groups,
                         List<SignatureScheme> signatureSchemes, List<SignatureScheme> clientSignatureSchemes,
                         List<String> applicationProtocols, ClientAuth clientAuth,
                         Optional<ClientCertificateVerifier> clientVerifier, CryptoProvider crypto, Clock clock,
                         boolean helloRetryCookie, int recordSizeLimit, int maxHandshakeMessageSize,
                         long keyUpdateRecordLimit, TicketKeys ticketKeys, int ticketsPerHandshake,
                         Duration ticketLifetime, ServerSessionCache sessionCache,
                         boolean requireExtendedMasterSecret, KeyLog keyLog, TraceListener trace,
                         Optional<ClientHelloHandler> clientHelloHandler) {
        this.certificates = List.copyOf(certificates);
        Objects.requireNonNull(clientHelloHandler);
        if (certificates.isEmpty() && clientHelloHandler.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one certificate and key");
        }
        this.versions = List.copyOf(versions);
        this.cipherSuites = List.copyOf(cipherSuites);
        this.groups = List.copyOf(groups);
        this.signatureSchemes = List.copyOf(signatureSchemes);
        this.clientSignatureSchemes = List.copyOf(clientSignatureSchemes);
        this.applicationProtocols = List.copyOf(applicationProtocols);
        Objects.requireNonNull(clientAuth);
        Objects.requireNonNull(clientVerifier);
        if (clientAuth != ClientAuth.NONE && clientVerifier.isEmpty()) {
            throw new IllegalArgumentException("client authentication " + clientAuth
                    + " needs a client certificate verifier (the CAs to trust)");
        }
        Objects.requireNonNull(crypto);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(ticketKeys);
        Objects.requireNonNull(sessionCache);
        if (ticketsPerHandshake < 0 || ticketsPerHandshake > 8) {
            throw new IllegalArgumentException("tickets per handshake must be 0..8, not " + ticketsPerHandshake);
        }
        if (ticketLifetime.isNegative() || ticketLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("ticket lifetime must be at most 7 days (RFC 8446 4.6.1)");
        }
        Objects.requireNonNull(keyLog);
        Objects.requireNonNull(trace);
        ConfigChecks.versions(versions);
        ConfigChecks.suites(cipherSuites);
        ConfigChecks.groups(groups, crypto);
        ConfigChecks.schemes("client signature schemes", clientSignatureSchemes, crypto);
        ConfigChecks.common(signatureSchemes, applicationProtocols, recordSizeLimit, maxHandshakeMessageSize,
                keyUpdateRecordLimit);
        this.clientAuth = clientAuth;
        this.clientVerifier = clientVerifier;
        this.crypto = crypto;
        this.clock = clock;
        this.helloRetryCookie = helloRetryCookie;
        this.recordSizeLimit = recordSizeLimit;
        this.maxHandshakeMessageSize = maxHandshakeMessageSize;
        this.keyUpdateRecordLimit = keyUpdateRecordLimit;
        this.ticketKeys = ticketKeys;
        this.ticketsPerHandshake = ticketsPerHandshake;
        this.ticketLifetime = ticketLifetime;
        this.sessionCache = sessionCache;
        this.requireExtendedMasterSecret = requireExtendedMasterSecret;
        this.keyLog = keyLog;
        this.trace = trace;
        this.clientHelloHandler = clientHelloHandler;
    }

    /** The certificates to serve; chosen by SNI (the first whose names match), else the first. */
    public List<CertifiedKey> certificates() {
        return certificates;
    }

    /** Versions accepted. */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /** Suites accepted, in server preference order. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Groups accepted, in server preference order. */
    public List<NamedGroup> groups() {
        return groups;
    }

    /**
     * Schemes we sign with, in preference order (default {@link SignatureScheme#SIGNING_DEFAULTS}); TLS 1.2 adds
     * PKCS#1 v1.5 with SHA-256/384/512; TLS 1.3 never signs with a {@link SignatureScheme#isLegacy() legacy} scheme
     * listed here.
     */
    public List<SignatureScheme> signatureSchemes() {
        return signatureSchemes;
    }

    /**
     * Schemes a client may sign its CertificateVerify with, in preference order: exactly what the CertificateRequest
     * advertises (less those the crypto provider does not implement) and what the client's signature is checked
     * against, in both versions (default {@link SignatureScheme#HANDSHAKE_DEFAULTS} then {@link
     * SignatureScheme#TLS12_PKCS1}); TLS 1.3 still refuses a {@link SignatureScheme#isLegacy() legacy} scheme listed
     * here in CertificateVerify (it may sign the client's certificates).
     */
    public List<SignatureScheme> clientSignatureSchemes() {
        return clientSignatureSchemes;
    }

    /** ALPN protocols accepted, in server preference order; empty for none. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** Whether to ask for a client certificate. */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** Checks client certificates; required unless clientAuth is NONE. */
    public Optional<ClientCertificateVerifier> clientVerifier() {
        return clientVerifier;
    }

    /** The crypto provider (randomness included). */
    public CryptoProvider crypto() {
        return crypto;
    }

    /** Time source. */
    public Clock clock() {
        return clock;
    }

    /** Send a cookie in HelloRetryRequest and require it back. */
    public boolean helloRetryCookie() {
        return helloRetryCookie;
    }

    /** The record_size_limit we advertise (RFC 8449). */
    public int recordSizeLimit() {
        return recordSizeLimit;
    }

    /** The largest handshake message accepted. */
    public int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    /** Records sent under one key before an automatic KeyUpdate; 0 for the AEAD's limit. */
    public long keyUpdateRecordLimit() {
        return keyUpdateRecordLimit;
    }

    /** The keys that seal session tickets (a shared key file lets servers resume each other's). */
    public TicketKeys ticketKeys() {
        return ticketKeys;
    }

    /** NewSessionTicket messages sent after each TLS 1.3 handshake; 0 turns resumption off. */
    public int ticketsPerHandshake() {
        return ticketsPerHandshake;
    }

    /** How long a ticket may be used (at most 7 days, RFC 8446 section 4.6.1). */
    public Duration ticketLifetime() {
        return ticketLifetime;
    }

    /** TLS 1.2 session-id cache. */
    public ServerSessionCache sessionCache() {
        return sessionCache;
    }

    /** TLS 1.2 only with the extended master secret (RFC 7627). */
    public boolean requireExtendedMasterSecret() {
        return requireExtendedMasterSecret;
    }

    /** Receives secrets for SSLKEYLOGFILE. */
    public KeyLog keyLog() {
        return keyLog;
    }

    /** Receives handshake events. */
    public TraceListener trace() {
        return trace;
    }

    /**
     * Decides per handshake once the ClientHello is read (certificate, ALPN, server name); with one, {@code
     * certificates} may be empty if the handler always supplies them.
     */
    public Optional<ClientHelloHandler> clientHelloHandler() {
        return clientHelloHandler;
    }

    /** What is negotiated: versions, suites, groups and ALPN protocols (never keys, tickets or caches). */
    @Override
    public String toString() {
        return "ServerConfig[versions=" + versions + ", cipherSuites=" + cipherSuites + ", groups=" + groups
                + ", applicationProtocols=" + applicationProtocols + ", clientAuth=" + clientAuth + "]";
    }

    /** A builder with secure defaults serving the given certificates. */
    public static Builder builder(CertifiedKey... certificates) {
        return new Builder(List.of(certificates));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder(certificates);
        b.versions = versions;
        b.cipherSuites = cipherSuites;
        b.groups = groups;
        b.signatureSchemes = signatureSchemes;
        b.clientSignatureSchemes = clientSignatureSchemes;
        b.applicationProtocols = applicationProtocols;
        b.clientAuth = clientAuth;
        b.clientVerifier = clientVerifier.orElse(null);
        b.crypto = crypto;
        b.clock = clock;
        b.helloRetryCookie = helloRetryCookie;
        b.recordSizeLimit = recordSizeLimit;
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.keyUpdateRecordLimit = keyUpdateRecordLimit;
        b.ticketKeys = ticketKeys;
        b.ticketsPerHandshake = ticketsPerHandshake;
        b.ticketLifetime = ticketLifetime;
        b.sessionCache = sessionCache;
        b.requireExtendedMasterSecret = requireExtendedMasterSecret;
        b.keyLog = keyLog;
        b.trace = trace;
        b.clientHelloHandler = clientHelloHandler.orElse(null);
        return b;
    }

    /** Builds a {@link ServerConfig}; {@link #build()} validates. */
    public static final class Builder {
        private List<CertifiedKey> certificates;
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        private List<CipherSuite> cipherSuites = CipherSuite.DEFAULTS;
        private List<NamedGroup> groups = NamedGroup.SUPPORTED;
        private List<SignatureScheme> signatureSchemes = SignatureScheme.SIGNING_DEFAULTS;
        private List<SignatureScheme> clientSignatureSchemes =
                ConfigChecks.withTls12Pkcs1(SignatureScheme.HANDSHAKE_DEFAULTS);
        private List<String> applicationProtocols = List.of();
        private ClientAuth clientAuth = ClientAuth.NONE;
        private ClientCertificateVerifier clientVerifier;
        private CryptoProvider crypto;
        private Clock clock = Clock.systemUTC();
        private boolean helloRetryCookie = true;
        private int recordSizeLimit = ConfigChecks.MAX_RECORD_SIZE_LIMIT;
        private int maxHandshakeMessageSize = ConfigChecks.DEFAULT_MAX_HANDSHAKE_MESSAGE;
        private long keyUpdateRecordLimit;
        private TicketKeys ticketKeys;
        private int ticketsPerHandshake = 2;
        private Duration ticketLifetime = Duration.ofHours(2);
        private ServerSessionCache sessionCache;
        private boolean requireExtendedMasterSecret = true;
        private KeyLog keyLog = KeyLog.NONE;
        private TraceListener trace = TraceListener.NONE;
        private ClientHelloHandler clientHelloHandler;

        private Builder(List<CertifiedKey> certificates) {
            this.certificates = certificates;
        }

        /** The certificates served (SNI picks among them). */
        public Builder certificates(List<CertifiedKey> v) { certificates = v; return this; }
        /** Versions accepted. */
        public Builder versions(List<ProtocolVersion> v) { versions = v; return this; }
        /** Cipher suites accepted, in preference order. */
        public Builder cipherSuites(List<CipherSuite> v) { cipherSuites = v; return this; }
        /** Groups accepted, in preference order. */
        public Builder groups(List<NamedGroup> v) { groups = v; return this; }
        /** Signature schemes we sign with, in preference order. */
        public Builder signatureSchemes(List<SignatureScheme> v) { signatureSchemes = v; return this; }
        /**
         * Signature schemes a client certificate's CertificateVerify may use, in preference order: exactly what
         * the CertificateRequest advertises and what the server accepts (default
         * {@link SignatureScheme#HANDSHAKE_DEFAULTS} then {@link SignatureScheme#TLS12_PKCS1}; add
         * {@link SignatureScheme#ECDSA_SECP521R1_SHA512} for P-521 client keys). A client signing with another
         * scheme fails the handshake with illegal_parameter.
         */
        public Builder clientSignatureSchemes(List<SignatureScheme> v) { clientSignatureSchemes = v; return this; }
        /** ALPN protocols accepted. */
        public Builder applicationProtocols(List<String> v) { applicationProtocols = v; return this; }
        /** Asks for client certificates (mutual TLS), checked by {@code verifier}. */
        public Builder clientAuth(ClientAuth mode, ClientCertificateVerifier verifier) {
            clientAuth = mode;
            clientVerifier = verifier;
            return this;
        }
        /** The crypto provider. */
        public Builder crypto(CryptoProvider v) { crypto = v; return this; }
        /** The clock. */
        public Builder clock(Clock v) { clock = v; return this; }
        /** Whether HelloRetryRequest carries a cookie. */
        public Builder helloRetryCookie(boolean v) { helloRetryCookie = v; return this; }
        /** The advertised record size limit. */
        public Builder recordSizeLimit(int v) { recordSizeLimit = v; return this; }
        /** The largest accepted handshake message. */
        public Builder maxHandshakeMessageSize(int v) { maxHandshakeMessageSize = v; return this; }
        /** Records per key before an automatic KeyUpdate (0: the AEAD's RFC limit). */
        public Builder keyUpdateRecordLimit(long v) { keyUpdateRecordLimit = v; return this; }
        /** The session ticket keys (default: random per config, rotating every 12 hours). */
        public Builder ticketKeys(TicketKeys v) { ticketKeys = v; return this; }
        /** Tickets sent after each TLS 1.3 handshake (0 turns resumption off). */
        public Builder ticketsPerHandshake(int v) { ticketsPerHandshake = v; return this; }
        /** The TLS 1.2 session-id cache (default: 1024 sessions in memory; NONE to resume by ticket only). */
        public Builder sessionCache(ServerSessionCache v) { sessionCache = v; return this; }
        /** How long tickets may be used. */
        public Builder ticketLifetime(Duration v) { ticketLifetime = v; return this; }
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
        /** The per-handshake decision made after the ClientHello (null for none: the configured behaviour). */
        public Builder clientHelloHandler(ClientHelloHandler v) { clientHelloHandler = v; return this; }

        /** Validates and builds. */
        public ServerConfig build() {
            CryptoProvider c = crypto != null ? crypto : JcaCryptoProvider.create();
            return new ServerConfig(certificates, versions, cipherSuites, groups, signatureSchemes,
                    clientSignatureSchemes, applicationProtocols, clientAuth, Optional.ofNullable(clientVerifier), c, clock,
                    helloRetryCookie, recordSizeLimit, maxHandshakeMessageSize, keyUpdateRecordLimit,
                    ticketKeys != null ? ticketKeys : TicketKeys.random(c.random(), Duration.ofHours(12)),
                    ticketsPerHandshake, ticketLifetime,
                    sessionCache != null ? sessionCache : ServerSessionCache.inMemory(1024), requireExtendedMasterSecret,
                    keyLog, trace, Optional.ofNullable(clientHelloHandler));
        }
    }
}
