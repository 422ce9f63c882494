package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.2 ServerKeyExchange for ECDHE (RFC 8422 section 5.4): {@code ServerECDHParams params;
 * digitally-signed struct { ... } signed_params} where ServerECDHParams is {@code ECCurveType curve_type
 * (named_curve = 3); NamedCurve namedcurve; opaque point<1..2^8-1>} and the signature, in TLS 1.2, is
 * {@code SignatureAndHashAlgorithm algorithm; opaque signature<0..2^16-1>} (RFC 5246 section 4.7).
 * Explicit curves (curve types 1 and 2) are refused with illegal_parameter, as RFC 8422 deprecates them.
 *
 * @param group the named group of the ephemeral key
 * @param publicKey the server's ephemeral public key (an uncompressed point, or an X25519 u-coordinate)
 * @param scheme the signature scheme
 * @param signature the signature over client_random + server_random + {@link #params()}
 */
public record ServerKeyExchangeEcdhe(NamedGroup group, Bytes publicKey, SignatureScheme scheme, Bytes signature)
        implements HandshakeMessage {
    /** ECCurveType named_curve (RFC 8422 section 5.4). */
    public static final int NAMED_CURVE = 3;

    /** Checks the fields are present and fit the wire. */
    public ServerKeyExchangeEcdhe {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(signature, "signature");
        Decoding.checkLength(publicKey.length(), 0, 255, "point");
        Decoding.checkLength(signature.length(), 0, 0xffff, "signature");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    /** The encoded ServerECDHParams (curve type, group, point): what the signature covers after the randoms. */
    public Bytes params() {
        ByteWriter w = new ByteWriter(4 + publicKey.length());
        writeParams(w);
        return w.toBytes();
    }

    private void writeParams(ByteWriter w) {
        w.u8(NAMED_CURVE).u16(group.code()).u8Bytes(publicKey);
    }

    static ServerKeyExchangeEcdhe decode(ByteReader r) throws TlsFatalAlertException {
        int curveType = r.u8();
        if (curveType != NAMED_CURVE) {
            throw Decoding.illegal("ServerKeyExchange curve type " + curveType + " is not named_curve (3)");
        }
        NamedGroup group = new NamedGroup(r.u16());
        Bytes point = r.u8Bytes();
        if (point.isEmpty()) {
            throw Decoding.badLength("ServerKeyExchange point is empty");
        }
        SignatureScheme scheme = new SignatureScheme(r.u16());
        Bytes signature = r.u16Bytes();
        r.expectEnd();
        return new ServerKeyExchangeEcdhe(group, point, scheme, signature);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        writeParams(w);
        w.u16(scheme.code()).u16Bytes(signature);
    }

    @Override
    public String toString() {
        return "ServerKeyExchange[group=" + group + ", publicKey=" + Show.hex(publicKey) + ", scheme=" + scheme
                + ", signature=" + Show.hex(signature) + "]";
    }
}
