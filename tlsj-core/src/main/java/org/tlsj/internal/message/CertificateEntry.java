package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * One certificate of a TLS 1.3 Certificate message (RFC 8446 section 4.4.2):
 * {@code opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>}.
 *
 * @param certData the DER-encoded X.509 certificate
 * @param extensions per-certificate extensions (status_request, signed_certificate_timestamp)
 */
public record CertificateEntry(Bytes certData, Extensions extensions) {
    /** Checks the fields are present and fit the wire. */
    public CertificateEntry {
        Objects.requireNonNull(certData, "certData");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkLength(certData.length(), 0, 0xffffff, "cert_data");
    }

    /** An entry without extensions. */
    public static CertificateEntry of(Bytes certData) {
        return new CertificateEntry(certData, Extensions.EMPTY);
    }

    static CertificateEntry decode(ByteReader r) throws TlsFatalAlertException {
        Bytes data = r.u24Bytes();
        if (data.isEmpty()) {
            throw Decoding.badLength("cert_data is empty");
        }
        return new CertificateEntry(data, Extensions.decode(r, MessageContext.CERTIFICATE));
    }

    void encode(ByteWriter w) {
        w.u24Bytes(certData);
        extensions.encode(w);
    }

    @Override
    public String toString() {
        return "cert(" + certData.length() + " bytes)" + (extensions.isEmpty() ? "" : extensions.toString());
    }
}
