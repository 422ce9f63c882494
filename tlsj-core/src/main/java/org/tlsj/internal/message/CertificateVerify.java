package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * CertificateVerify (RFC 8446 section 4.4.3):
 * {@code SignatureScheme algorithm; opaque signature<0..2^16-1>}.
 *
 * @param scheme the signature scheme
 * @param signature the signature over the transcript hash
 */
public record CertificateVerify(SignatureScheme scheme, Bytes signature) implements HandshakeMessage {
    /** Checks the fields are present and fit the wire. */
    public CertificateVerify {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(signature, "signature");
        Decoding.checkLength(signature.length(), 0, 0xffff, "signature");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    static CertificateVerify decode(ByteReader r) throws TlsFatalAlertException {
        SignatureScheme scheme = new SignatureScheme(r.u16());
        Bytes signature = r.u16Bytes();
        r.expectEnd();
        return new CertificateVerify(scheme, signature);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(scheme.code()).u16Bytes(signature);
    }

    @Override
    public String toString() {
        return "CertificateVerify[scheme=" + scheme + ", signature=" + Show.hex(signature) + "]";
    }
}
