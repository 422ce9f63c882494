package org.tlsj.internal.message;

/**
 * The message an extension block belongs to: it decides which extensions are allowed (RFC 8446
 * section 4.2; for a TLS 1.2 ServerHello see {@link #SERVER_HELLO_12}) and how some of them are parsed
 * (key_share, supported_versions, pre_shared_key, early_data, server_name have per-message shapes).
 */
public enum MessageContext {
    CLIENT_HELLO("ClientHello"),
    /** A TLS 1.3 ServerHello: one carrying supported_versions. RFC 8446's table applies. */
    SERVER_HELLO("ServerHello"),
    /**
     * A TLS 1.2 ServerHello (RFC 5246 section 7.4.1.3): one without supported_versions. RFC 8446's table
     * does not apply; server_name and ALPN acknowledgements, record_size_limit, extended_master_secret,
     * renegotiation_info, ec_point_formats and session_ticket are parsed, anything else stays an
     * {@link UnknownExt} for the TLS 1.2 flow to refuse as unsolicited. {@link Extensions#decode} picks
     * this context itself when a ServerHello has no supported_versions.
     */
    SERVER_HELLO_12("ServerHello"),
    HELLO_RETRY_REQUEST("HelloRetryRequest"),
    ENCRYPTED_EXTENSIONS("EncryptedExtensions"),
    CERTIFICATE("Certificate"),
    CERTIFICATE_REQUEST("CertificateRequest"),
    NEW_SESSION_TICKET("NewSessionTicket");

    private final String messageName;

    MessageContext(String messageName) {
        this.messageName = messageName;
    }

    /** The message name as people write it, for example {@code EncryptedExtensions}. */
    public String messageName() {
        return messageName;
    }
}
