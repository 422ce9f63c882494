package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.3 Certificate (RFC 8446 section 4.4.2):
 * {@code opaque certificate_request_context<0..2^8-1>; CertificateEntry certificate_list<0..2^24-1>}.
 * An empty list is legal on the wire (a client without a certificate); the flows decide.
 *
 * @param context the request context (empty for a server's Certificate)
 * @param entries the chain, end-entity first
 */
public record Certificate13(Bytes context, List<CertificateEntry> entries) implements HandshakeMessage {
    /** Copies the list and checks the context fits the wire. */
    public Certificate13 {
        Objects.requireNonNull(context, "context");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        Decoding.checkLength(context.length(), 0, 255, "certificate_request_context");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    static Certificate13 decode(ByteReader r) throws TlsFatalAlertException {
        Bytes context = r.u8Bytes();
        ByteReader list = r.u24Nested();
        r.expectEnd();
        List<CertificateEntry> entries = new ArrayList<>();
        while (!list.atEnd()) {
            entries.add(CertificateEntry.decode(list));
        }
        return new Certificate13(context, entries);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Bytes(context);
        w.u24Prefixed(list -> entries.forEach(e -> e.encode(list)));
    }

    @Override
    public String toString() {
        return "Certificate[context=" + Show.hex(context) + ", entries=" + Show.list(entries) + "]";
    }
}
