package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * key_share in a ServerHello: {@code KeyShareEntry server_share} (RFC 8446 section 4.2.8).
 *
 * @param entry the server's share
 */
public record KeyShareServerExt(KeyShareEntry entry) implements Extension {
    /** Checks the field is present. */
    public KeyShareServerExt {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    static KeyShareServerExt decode(ByteReader r) throws TlsFatalAlertException {
        KeyShareServerExt ext = new KeyShareServerExt(KeyShareEntry.decode(r));
        r.expectEnd();
        return ext;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        entry.encode(w);
    }

    @Override
    public String toString() {
        return "key_share=" + entry;
    }
}
