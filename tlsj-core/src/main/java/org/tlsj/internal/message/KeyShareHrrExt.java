package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * key_share in a HelloRetryRequest: {@code NamedGroup selected_group} (RFC 8446 section 4.2.8).
 *
 * @param selectedGroup the group the server wants a share for
 */
public record KeyShareHrrExt(NamedGroup selectedGroup) implements Extension {
    /** Checks the field is present. */
    public KeyShareHrrExt {
        Objects.requireNonNull(selectedGroup, "selectedGroup");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    static KeyShareHrrExt decode(ByteReader r) throws TlsFatalAlertException {
        KeyShareHrrExt ext = new KeyShareHrrExt(new NamedGroup(r.u16()));
        r.expectEnd();
        return ext;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(selectedGroup.code());
    }

    @Override
    public String toString() {
        return "key_share=" + selectedGroup;
    }
}
