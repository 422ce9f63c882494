package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.3 NewSessionTicket (RFC 8446 section 4.6.1): {@code uint32 ticket_lifetime;
 * uint32 ticket_age_add; opaque ticket_nonce<0..255>; opaque ticket<1..2^16-1>;
 * Extension extensions<0..2^16-2>}.
 *
 * @param lifetime ticket lifetime in seconds (the flow caps it at 7 days)
 * @param ageAdd the value added to the ticket age, modulo 2^32
 * @param nonce the per-ticket nonce for deriving the PSK
 * @param ticket the opaque ticket (non-empty)
 * @param extensions the extension block (early_data with max_early_data_size)
 */
public record NewSessionTicket13(long lifetime, long ageAdd, Bytes nonce, Bytes ticket, Extensions extensions)
        implements HandshakeMessage {
    /** Checks the fields are present and fit the wire. */
    public NewSessionTicket13 {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkUnsigned(lifetime, 32, "ticket_lifetime");
        Decoding.checkUnsigned(ageAdd, 32, "ticket_age_add");
        Decoding.checkLength(nonce.length(), 0, 255, "ticket_nonce");
        Decoding.checkLength(ticket.length(), 0, 0xffff, "ticket");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    static NewSessionTicket13 decode(ByteReader r) throws TlsFatalAlertException {
        long lifetime = r.u32();
        long ageAdd = r.u32();
        Bytes nonce = r.u8Bytes();
        Bytes ticket = r.u16Bytes();
        if (ticket.isEmpty()) {
            throw Decoding.badLength("ticket is empty");
        }
        Extensions extensions = Extensions.decode(r, MessageContext.NEW_SESSION_TICKET);
        r.expectEnd();
        return new NewSessionTicket13(lifetime, ageAdd, nonce, ticket, extensions);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u32(lifetime).u32(ageAdd).u8Bytes(nonce).u16Bytes(ticket);
        extensions.encode(w);
    }

    /** Shows the ticket's length only; the age_add obfuscates ticket ages and is left out. */
    @Override
    public String toString() {
        return "NewSessionTicket[lifetime=" + lifetime + ", nonce=" + Show.hex(nonce)
                + ", ticket=(" + ticket.length() + " bytes), extensions=" + extensions + "]";
    }
}
