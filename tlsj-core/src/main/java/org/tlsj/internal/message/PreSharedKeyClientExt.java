package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * pre_shared_key in a ClientHello (RFC 8446 section 4.2.11):
 * {@code PskIdentity identities<7..2^16-1>; PskBinderEntry binders<33..2^16-1>} with
 * {@code opaque PskBinderEntry<32..255>}. It must be the last extension of the ClientHello. Decoding
 * refuses a binder count that differs from the identity count (illegal_parameter).
 *
 * @param identities the offered PSKs
 * @param binders one HMAC per identity, in the same order
 */
public record PreSharedKeyClientExt(List<PskIdentity> identities, List<Bytes> binders) implements Extension {
    /** Copies the lists and checks each binder fits its one-byte length. */
    public PreSharedKeyClientExt {
        identities = List.copyOf(Objects.requireNonNull(identities, "identities"));
        binders = List.copyOf(Objects.requireNonNull(binders, "binders"));
        binders.forEach(b -> Decoding.checkLength(b.length(), 0, 255, "PSK binder"));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    /**
     * The encoded size of the binders list including its two-byte length: the number of bytes to cut
     * from the end of the ClientHello to get the partial ClientHello the binders are computed over.
     */
    public int bindersLength() {
        return 2 + binders.stream().mapToInt(b -> 1 + b.length()).sum();
    }

    /** A copy with other binders (the client fills in placeholders, then the real values). */
    public PreSharedKeyClientExt withBinders(List<Bytes> newBinders) {
        return new PreSharedKeyClientExt(identities, newBinders);
    }

    static PreSharedKeyClientExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader ids = r.u16Nested();
        ByteReader bs = r.u16Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(ids, "PSK identities");
        Decoding.requireNotEmpty(bs, "PSK binders");
        List<PskIdentity> identities = new ArrayList<>();
        while (!ids.atEnd()) {
            Bytes identity = ids.u16Bytes();
            if (identity.isEmpty()) {
                throw Decoding.badLength("PSK identity is empty");
            }
            identities.add(new PskIdentity(identity, ids.u32()));
        }
        List<Bytes> binders = new ArrayList<>();
        while (!bs.atEnd()) {
            Bytes binder = bs.u8Bytes();
            if (binder.length() < 32) {
                throw Decoding.badLength("PSK binder of " + binder.length() + " bytes is shorter than 32");
            }
            binders.add(binder);
        }
        if (identities.size() != binders.size()) {
            throw Decoding.illegal(identities.size() + " PSK identities but " + binders.size() + " binders");
        }
        return new PreSharedKeyClientExt(identities, binders);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16Prefixed(list -> identities.forEach(i -> list.u16Bytes(i.identity()).u32(i.obfuscatedTicketAge())));
        w.u16Prefixed(list -> binders.forEach(list::u8Bytes));
    }

    @Override
    public String toString() {
        return "pre_shared_key=" + Show.list(identities) + " binders=" + binders.size();
    }
}
