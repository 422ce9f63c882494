package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.2 Certificate (RFC 5246 section 7.4.2): {@code ASN.1Cert certificate_list<0..2^24-1>} with
 * {@code opaque ASN.1Cert<1..2^24-1>}. An empty list is legal on the wire (a client without a
 * certificate, section 7.4.6); the flows decide.
 *
 * @param certificates the DER certificates, end-entity first
 */
public record Certificate12(List<Bytes> certificates) implements HandshakeMessage {
    /** Copies the list and checks each certificate fits the wire. */
    public Certificate12 {
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        certificates.forEach(c -> Decoding.checkLength(c.length(), 0, 0xffffff, "ASN.1Cert"));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    static Certificate12 decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u24Nested();
        r.expectEnd();
        List<Bytes> certificates = new ArrayList<>();
        while (!list.atEnd()) {
            Bytes der = list.u24Bytes();
            if (der.isEmpty()) {
                throw Decoding.badLength("a certificate in certificate_list is empty");
            }
            certificates.add(der);
        }
        return new Certificate12(certificates);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u24Prefixed(list -> certificates.forEach(list::u24Bytes));
    }

    @Override
    public String toString() {
        return "Certificate[" + Show.list(certificates.stream().map(c -> "(" + c.length() + " bytes)").toList()) + "]";
    }
}
