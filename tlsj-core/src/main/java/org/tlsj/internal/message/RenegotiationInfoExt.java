package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * renegotiation_info (RFC 5746 section 3.2): {@code opaque renegotiated_connection<0..255>}, empty in
 * an initial handshake (we never renegotiate). Parsed in a ClientHello and a TLS 1.2 ServerHello; in
 * TLS 1.3 messages it stays an {@link UnknownExt}.
 *
 * @param renegotiatedConnection the previous verify_data, empty on the first handshake
 */
public record RenegotiationInfoExt(Bytes renegotiatedConnection) implements Extension {
    /** The initial-handshake form: an empty renegotiated_connection. */
    public static final RenegotiationInfoExt INITIAL = new RenegotiationInfoExt(Bytes.EMPTY);

    /** Checks the value is present and fits the wire. */
    public RenegotiationInfoExt {
        Objects.requireNonNull(renegotiatedConnection, "renegotiatedConnection");
        Decoding.checkLength(renegotiatedConnection.length(), 0, 255, "renegotiated_connection");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    static RenegotiationInfoExt decode(ByteReader r) throws TlsFatalAlertException {
        Bytes value = r.u8Bytes();
        r.expectEnd();
        return new RenegotiationInfoExt(value);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Bytes(renegotiatedConnection);
    }

    @Override
    public String toString() {
        return "renegotiation_info=" + Show.hex(renegotiatedConnection);
    }
}
