package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.3 CertificateRequest (RFC 8446 section 4.3.2):
 * {@code opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>}. The flow
 * checks that signature_algorithms is present.
 *
 * @param context the request context, echoed in the client's Certificate (empty during the handshake)
 * @param extensions the extension block
 */
public record CertificateRequest13(Bytes context, Extensions extensions) implements HandshakeMessage {
    /** Checks the fields are present and fit the wire. */
    public CertificateRequest13 {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkLength(context.length(), 0, 255, "certificate_request_context");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    static CertificateRequest13 decode(ByteReader r) throws TlsFatalAlertException {
        Bytes context = r.u8Bytes();
        Extensions extensions = Extensions.decode(r, MessageContext.CERTIFICATE_REQUEST);
        r.expectEnd();
        return new CertificateRequest13(context, extensions);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Bytes(context);
        extensions.encode(w);
    }

    @Override
    public String toString() {
        return "CertificateRequest[context=" + Show.hex(context) + ", extensions=" + extensions + "]";
    }
}
