package org.tlsj.internal.message;

/**
 * The message an extension block belongs to: it decides which extensions are allowed (RFC 8446
 * section 4.2) and how some of them are parsed (key_share, supported_versions, pre_shared_key,
 * early_data, server_name have per-message shapes).
 */
public enum MessageContext {
    CLIENT_HELLO("ClientHello"),
    SERVER_HELLO("ServerHello"),
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
