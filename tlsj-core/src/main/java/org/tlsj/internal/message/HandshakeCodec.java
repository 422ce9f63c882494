package org.tlsj.internal.message;

import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * Encodes and decodes whole handshake messages:
 * {@code struct { HandshakeType msg_type; uint24 length; body }} (RFC 8446 section 4, RFC 5246 section
 * 7.4). The same type code means different messages in TLS 1.3 and TLS 1.2 (Certificate,
 * CertificateRequest, NewSessionTicket), so there is one decoder per version: {@link #decode} for TLS
 * 1.3 and {@link #decode12} for TLS 1.2. ClientHello and ServerHello decode the same in both.
 */
public final class HandshakeCodec {
    /** TLS 1.2 verify_data_length for every cipher suite we implement (RFC 5246 section 7.4.9). */
    public static final int TLS12_VERIFY_DATA_LENGTH = 12;

    private HandshakeCodec() {
    }

    /**
     * Decodes one full TLS 1.3 message, header included.
     *
     * @throws TlsFatalAlertException decode_error if the length field does not match or the body is
     *     malformed; unexpected_message for a type that is unknown or not a TLS 1.3 message
     *     (ServerKeyExchange, message_hash, ...); illegal_parameter for illegal values
     */
    public static HandshakeMessage decode(Bytes message) throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(message);
        int code = r.u8();
        ByteReader body = r.u24Nested();
        r.expectEnd();
        HandshakeType type = HandshakeType.fromCode(code).orElseThrow(() -> unknown(code, "1.3"));
        return switch (type) {
            case CLIENT_HELLO -> ClientHello.decode(body);
            case SERVER_HELLO -> ServerHello.decode(body);
            case NEW_SESSION_TICKET -> NewSessionTicket13.decode(body);
            case END_OF_EARLY_DATA -> EndOfEarlyData.decode(body);
            case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.decode(body);
            case CERTIFICATE -> Certificate13.decode(body);
            case CERTIFICATE_REQUEST -> CertificateRequest13.decode(body);
            case CERTIFICATE_VERIFY -> CertificateVerify.decode(body);
            case FINISHED -> Finished.decode(body);
            case KEY_UPDATE -> KeyUpdate.decode(body);
            case HELLO_REQUEST, SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE, CLIENT_KEY_EXCHANGE, MESSAGE_HASH ->
                    throw unknown(code, "1.3");
        };
    }

    /**
     * Decodes one full TLS 1.2 message, header included. A ServerHello decodes exactly as in
     * {@link #decode} (whether it selects TLS 1.3 is in its supported_versions: {@link ServerHello#isTls13()});
     * without supported_versions its extensions are read in the {@link MessageContext#SERVER_HELLO_12}
     * context. Certificate, CertificateRequest and NewSessionTicket decode as their TLS 1.2 records;
     * ServerKeyExchange as the ECDHE form (the only one we implement); ClientKeyExchange keeps its raw
     * body; a Finished keeps whatever it holds: the flow compares it with the expected
     * {@value #TLS12_VERIFY_DATA_LENGTH} bytes, so a wrong length is a wrong verify_data (decrypt_error), as in
     * TLS 1.3 and as BoringSSL, Go and rustls treat it.
     *
     * @throws TlsFatalAlertException decode_error if the length field does not match or the body is
     *     malformed; unexpected_message for a type that is unknown or not a TLS 1.2 message
     *     (EncryptedExtensions, KeyUpdate, EndOfEarlyData, ...); illegal_parameter for illegal values
     *     (a ServerKeyExchange with an explicit curve, ...)
     */
    public static HandshakeMessage decode12(Bytes message) throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(message);
        int code = r.u8();
        ByteReader body = r.u24Nested();
        r.expectEnd();
        HandshakeType type = HandshakeType.fromCode(code).orElseThrow(() -> unknown(code, "1.2"));
        return switch (type) {
            case HELLO_REQUEST -> HelloRequest.decode(body);
            case CLIENT_HELLO -> ClientHello.decode(body);
            case SERVER_HELLO -> ServerHello.decode(body);
            case NEW_SESSION_TICKET -> NewSessionTicket12.decode(body);
            case CERTIFICATE -> Certificate12.decode(body);
            case SERVER_KEY_EXCHANGE -> ServerKeyExchangeEcdhe.decode(body);
            case CERTIFICATE_REQUEST -> CertificateRequest12.decode(body);
            case SERVER_HELLO_DONE -> ServerHelloDone.decode(body);
            case CERTIFICATE_VERIFY -> CertificateVerify.decode(body);
            case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.decode(body);
            case FINISHED -> Finished.decode(body);
            case END_OF_EARLY_DATA, ENCRYPTED_EXTENSIONS, KEY_UPDATE, MESSAGE_HASH -> throw unknown(code, "1.2");
        };
    }

    private static TlsFatalAlertException unknown(int code, String version) {
        String name = HandshakeType.fromCode(code)
                .map(t -> t + " (" + code + ") is not a TLS " + version + " message")
                .orElse("type " + code + " is unknown");
        return Fatal.of(Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE, name);
    }

    /** Encodes a message of either version with its four-byte header. */
    public static Bytes encode(HandshakeMessage m) {
        ByteWriter w = new ByteWriter(256);
        w.u8(m.type().code());
        w.u24Prefixed(m::encodeBody);
        return w.toBytes();
    }
}
