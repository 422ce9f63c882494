package org.tlsj.internal.message;

import org.tlsj.internal.wire.ByteWriter;

/**
 * A TLS 1.3 handshake message (RFC 8446 section 4). {@link HandshakeCodec} adds and strips the
 * four-byte header; each record encodes its own body.
 */
public sealed interface HandshakeMessage permits ClientHello, ServerHello, HelloRetryRequest,
        EncryptedExtensions, CertificateRequest13, Certificate13, CertificateVerify, Finished,
        NewSessionTicket13, KeyUpdate, EndOfEarlyData {

    /** The handshake type in the header. */
    HandshakeType type();

    /** Writes the message body (without the type and length header). */
    void encodeBody(ByteWriter w);
}
