package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/** EndOfEarlyData (RFC 8446 section 4.5): an empty body. */
public record EndOfEarlyData() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    static EndOfEarlyData decode(ByteReader r) throws TlsFatalAlertException {
        r.expectEnd();
        return new EndOfEarlyData();
    }

    @Override
    public void encodeBody(ByteWriter w) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "EndOfEarlyData";
    }
}
