package org.tlsj.internal.message;

import org.tlsj.internal.wire.ByteWriter;

/**
 * A TLS 1.3 handshake message (RFC 8446 section 4) or a TLS 1.2 one (RFC 5246 section 7.4: the records
 * ending in {@code 12}, {@link ServerKeyExchangeEcdhe}, {@link ServerHelloDone}, {@link ClientKeyExchange},
 * {@link HelloRequest}; ClientHello, ServerHello, CertificateVerify and Finished have one wire form for
 * both). {@link HandshakeCodec} adds and strips the four-byte header; each record encodes its own body.
 */
public sealed interface HandshakeMessage extends PeerMessage permits ClientHello, ServerHello, HelloRetryRequest,
        EncryptedExtensions, CertificateRequest13, Certificate13, CertificateVerify, Finished,
        NewSessionTicket13, KeyUpdate, EndOfEarlyData, HelloRequest, ServerKeyExchangeEcdhe, ServerHelloDone,
        ClientKeyExchange, CertificateRequest12, Certificate12, NewSessionTicket12 {

    /** The handshake type in the header. */
    HandshakeType type();

    /** Writes the message body (without the type and length header). */
    void encodeBody(ByteWriter w);
}
