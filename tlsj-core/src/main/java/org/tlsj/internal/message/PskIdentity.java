package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.Bytes;

/**
 * One offered PSK: {@code struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; }}
 * (RFC 8446 section 4.2.11).
 *
 * @param identity the ticket or external PSK label
 * @param obfuscatedTicketAge the ticket age plus ticket_age_add, modulo 2^32 (0 for external PSKs)
 */
public record PskIdentity(Bytes identity, long obfuscatedTicketAge) {
    /** Checks the fields are present and fit the wire. */
    public PskIdentity {
        Objects.requireNonNull(identity, "identity");
        Decoding.checkLength(identity.length(), 0, 0xffff, "PSK identity");
        Decoding.checkUnsigned(obfuscatedTicketAge, 32, "obfuscated_ticket_age");
    }

    @Override
    public String toString() {
        return Show.hex(identity) + "/age=" + obfuscatedTicketAge;
    }
}
