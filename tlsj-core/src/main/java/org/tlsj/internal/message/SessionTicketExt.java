package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * session_ticket (RFC 5077 section 3.2): the body is the opaque ticket itself, with no inner length;
 * empty when a client asks for a ticket and in the server's acknowledgement. Parsed in a ClientHello and
 * a TLS 1.2 ServerHello; in TLS 1.3 messages it stays an {@link UnknownExt}.
 *
 * @param ticket the ticket, possibly empty
 */
public record SessionTicketExt(Bytes ticket) implements Extension {
    /** The empty form: a request for a ticket, or the server's acknowledgement. */
    public static final SessionTicketExt EMPTY = new SessionTicketExt(Bytes.EMPTY);

    /** Checks the ticket is present and fits the wire. */
    public SessionTicketExt {
        Objects.requireNonNull(ticket, "ticket");
        Decoding.checkLength(ticket.length(), 0, 0xffff, "session ticket");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    static SessionTicketExt decode(ByteReader r) {
        return new SessionTicketExt(r.rest());
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.bytes(ticket);
    }

    /** Shows the ticket's length only. */
    @Override
    public String toString() {
        return "session_ticket=(" + ticket.length() + " bytes)";
    }
}
