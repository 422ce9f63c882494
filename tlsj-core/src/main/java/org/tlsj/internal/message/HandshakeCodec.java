package org.tlsj.internal.message;

import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.internal.wire.Bytes;

/**
 * Encodes and decodes whole TLS 1.3 handshake messages:
 * {@code struct { HandshakeType msg_type; uint24 length; body }} (RFC 8446 section 4).
 */
public final class HandshakeCodec {
    private HandshakeCodec() {
    }

    /**
     * Decodes one full message, header included.
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
        HandshakeType type = HandshakeType.fromCode(code).orElseThrow(() -> unknown(code));
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
            case SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE, CLIENT_KEY_EXCHANGE, MESSAGE_HASH -> throw unknown(code);
        };
    }

    private static TlsFatalAlertException unknown(int code) {
        String name = HandshakeType.fromCode(code).map(t -> t + " (" + code + ") is not a TLS 1.3 message")
                .orElse("type " + code + " is unknown");
        return Fatal.of(Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE, name);
    }

    /** Encodes a message with its four-byte header. */
    public static Bytes encode(HandshakeMessage m) {
        ByteWriter w = new ByteWriter(256);
        w.u8(m.type().code());
        w.u24Prefixed(m::encodeBody);
        return w.toBytes();
    }
}
