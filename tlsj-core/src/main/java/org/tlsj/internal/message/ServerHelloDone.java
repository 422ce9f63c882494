package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/** TLS 1.2 ServerHelloDone (RFC 5246 section 7.4.5): an empty body that ends the server's first flight. */
public record ServerHelloDone() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    static ServerHelloDone decode(ByteReader r) throws TlsFatalAlertException {
        r.expectEnd();
        return new ServerHelloDone();
    }

    @Override
    public void encodeBody(ByteWriter w) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "ServerHelloDone";
    }
}
