package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * One key share: {@code struct { NamedGroup group; opaque key_exchange<1..2^16-1>; }} (RFC 8446
 * section 4.2.8). Its {@code toString()} shows the group and the share length only.
 *
 * @param group the group
 * @param keyExchange the public share, encoded as the group defines
 */
public record KeyShareEntry(NamedGroup group, Bytes keyExchange) {
    /** Checks the fields are present and fit the wire. */
    public KeyShareEntry {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(keyExchange, "keyExchange");
        Decoding.checkLength(keyExchange.length(), 0, 0xffff, "key_exchange");
    }

    static KeyShareEntry decode(ByteReader r) throws TlsFatalAlertException {
        NamedGroup group = new NamedGroup(r.u16());
        Bytes share = r.u16Bytes();
        if (share.isEmpty()) {
            throw Decoding.badLength("key share for " + group + " is empty");
        }
        return new KeyShareEntry(group, share);
    }

    void encode(ByteWriter w) {
        w.u16(group.code()).u16Bytes(keyExchange);
    }

    @Override
    public String toString() {
        return group + "(" + keyExchange.length() + " bytes)";
    }
}
