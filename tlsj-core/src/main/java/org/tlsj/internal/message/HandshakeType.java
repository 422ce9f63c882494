package org.tlsj.internal.message;

import java.util.Optional;

/** Handshake message types (RFC 8446 section 4, plus the TLS 1.2 ones of RFC 5246 section 7.4). */
public enum HandshakeType {
    /** TLS 1.2 only (RFC 5246 section 7.4.1.1): a request to renegotiate, which tlsj refuses. */
    HELLO_REQUEST(0),
    CLIENT_HELLO(1),
    SERVER_HELLO(2),
    NEW_SESSION_TICKET(4),
    END_OF_EARLY_DATA(5),
    ENCRYPTED_EXTENSIONS(8),
    CERTIFICATE(11),
    SERVER_KEY_EXCHANGE(12),
    CERTIFICATE_REQUEST(13),
    SERVER_HELLO_DONE(14),
    CERTIFICATE_VERIFY(15),
    CLIENT_KEY_EXCHANGE(16),
    FINISHED(20),
    KEY_UPDATE(24),
    /** The synthetic message that replaces ClientHello1 in the transcript after a HelloRetryRequest. */
    MESSAGE_HASH(254);

    /** values() copies its array on every call, and every handshake message is decoded through it. */
    private static final HandshakeType[] VALUES = values();

    private final int code;

    HandshakeType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The type with this wire value, if any. */
    public static Optional<HandshakeType> fromCode(int code) {
        for (HandshakeType t : VALUES) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The RFC name, for example {@code client_hello}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
