package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.2 NewSessionTicket (RFC 5077 section 3.3): {@code uint32 ticket_lifetime_hint;
 * opaque ticket<0..2^16-1>}. An empty ticket is legal: the server changed its mind after acknowledging
 * session_ticket.
 *
 * @param lifetimeHint seconds the ticket may be kept, 0 for unspecified
 * @param ticket the opaque ticket
 */
public record NewSessionTicket12(long lifetimeHint, Bytes ticket) implements HandshakeMessage {
    /** Checks the fields are present and fit the wire. */
    public NewSessionTicket12 {
        Objects.requireNonNull(ticket, "ticket");
        Decoding.checkUnsigned(lifetimeHint, 32, "ticket_lifetime_hint");
        Decoding.checkLength(ticket.length(), 0, 0xffff, "ticket");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    static NewSessionTicket12 decode(ByteReader r) throws TlsFatalAlertException {
        long lifetimeHint = r.u32();
        Bytes ticket = r.u16Bytes();
        r.expectEnd();
        return new NewSessionTicket12(lifetimeHint, ticket);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u32(lifetimeHint).u16Bytes(ticket);
    }

    /** Shows the ticket's length only. */
    @Override
    public String toString() {
        return "NewSessionTicket[lifetimeHint=" + lifetimeHint + ", ticket=(" + ticket.length() + " bytes)]";
    }
}
