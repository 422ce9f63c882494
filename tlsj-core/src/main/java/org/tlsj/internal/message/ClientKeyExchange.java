package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.2 ClientKeyExchange (RFC 5246 section 7.4.7). Its body's format depends on the negotiated key
 * exchange, which the codec does not know: the record holds the raw body and the flow parses it with
 * {@link #ecdhePoint()} (RFC 8422 section 5.7: {@code opaque point<1..2^8-1>}) or
 * {@link #rsaEncryptedPreMaster()} (RFC 5246 section 7.4.7.1: {@code opaque encrypted<0..2^16-1>}).
 *
 * @param body the whole message body
 */
public record ClientKeyExchange(Bytes body) implements HandshakeMessage {
    /** Checks the body is present and fits the three-byte message length. */
    public ClientKeyExchange {
        Objects.requireNonNull(body, "body");
        Decoding.checkLength(body.length(), 0, 0xffffff, "ClientKeyExchange body");
    }

    /** The ECDHE form: the client's ephemeral public key, u8-prefixed (1..255 bytes). */
    public static ClientKeyExchange ecdhe(Bytes point) {
        Decoding.checkLength(point.length(), 1, 255, "ECDHE point");
        return new ClientKeyExchange(new ByteWriter(1 + point.length()).u8Bytes(point).toBytes());
    }

    /** The static RSA form: the encrypted premaster secret, u16-prefixed. */
    public static ClientKeyExchange rsa(Bytes encryptedPreMaster) {
        Decoding.checkLength(encryptedPreMaster.length(), 0, 0xffff, "EncryptedPreMasterSecret");
        return new ClientKeyExchange(new ByteWriter(2 + encryptedPreMaster.length())
                .u16Bytes(encryptedPreMaster).toBytes());
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    /**
     * The body parsed as ClientECDiffieHellmanPublic.
     *
     * @throws TlsFatalAlertException decode_error if the point is empty or the length does not match
     */
    public Bytes ecdhePoint() throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(body);
        Bytes point = r.u8Bytes();
        r.expectEnd();
        if (point.isEmpty()) {
            throw Decoding.badLength("ClientKeyExchange point is empty");
        }
        return point;
    }

    /**
     * The body parsed as EncryptedPreMasterSecret (the two-byte length TLS 1.0 and later use). An empty
     * ciphertext is returned as is: the flow's RFC 5246 section 7.4.7.1 countermeasures treat any
     * undecryptable value alike.
     *
     * @throws TlsFatalAlertException decode_error if the length does not match the body
     */
    public Bytes rsaEncryptedPreMaster() throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(body);
        Bytes encrypted = r.u16Bytes();
        r.expectEnd();
        return encrypted;
    }

    static ClientKeyExchange decode(ByteReader r) {
        return new ClientKeyExchange(r.rest());
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.bytes(body);
    }

    @Override
    public String toString() {
        return "ClientKeyExchange[body=" + Show.hex(body) + "]";
    }
}
