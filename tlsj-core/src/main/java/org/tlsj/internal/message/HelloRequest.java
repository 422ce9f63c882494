package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * TLS 1.2 HelloRequest (RFC 5246 section 7.4.1.1): an empty body. A server sends it to ask for
 * renegotiation; it is decoded only so the TLS 1.2 flow can refuse renegotiation with the right alert.
 */
public record HelloRequest() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    static HelloRequest decode(ByteReader r) throws TlsFatalAlertException {
        r.expectEnd();
        return new HelloRequest();
    }

    @Override
    public void encodeBody(ByteWriter w) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "HelloRequest";
    }
}
