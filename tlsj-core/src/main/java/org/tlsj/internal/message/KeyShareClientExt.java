package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * key_share in a ClientHello: {@code KeyShareEntry client_shares<0..2^16-1>} (RFC 8446 section 4.2.8).
 * The list may be empty (the client asks for a HelloRetryRequest); two shares for one group are
 * refused with illegal_parameter when decoding.
 *
 * @param entries the shares, in the order of the client's preference
 */
public record KeyShareClientExt(List<KeyShareEntry> entries) implements Extension {
    /** Copies the list. */
    public KeyShareClientExt {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The extension carrying {@code entries}. */
    public static KeyShareClientExt of(KeyShareEntry... entries) {
        return new KeyShareClientExt(List.of(entries));
    }

    /** The share for {@code group}, if the client sent one. */
    public Optional<KeyShareEntry> shareFor(NamedGroup group) {
        return entries.stream().filter(e -> e.group().equals(group)).findFirst();
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    static KeyShareClientExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u16Nested();
        r.expectEnd();
        List<KeyShareEntry> entries = new ArrayList<>();
        Set<NamedGroup> seen = new HashSet<>();
        while (!list.atEnd()) {
            KeyShareEntry e = KeyShareEntry.decode(list);
            if (!seen.add(e.group())) {
                throw Decoding.illegal("key_share has two shares for " + e.group());
            }
            entries.add(e);
        }
        return new KeyShareClientExt(entries);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16Prefixed(list -> entries.forEach(e -> e.encode(list)));
    }

    @Override
    public String toString() {
        return "key_share=" + Show.list(entries);
    }
}
