package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * pre_shared_key in a ServerHello: {@code uint16 selected_identity} (RFC 8446 section 4.2.11).
 *
 * @param selectedIdentity the zero-based index into the client's identities
 */
public record PreSharedKeyServerExt(int selectedIdentity) implements Extension {
    /** Checks the value fits the wire. */
    public PreSharedKeyServerExt {
        Decoding.checkUnsigned(selectedIdentity, 16, "selected_identity");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    static PreSharedKeyServerExt decode(ByteReader r) throws TlsFatalAlertException {
        int selected = r.u16();
        r.expectEnd();
        return new PreSharedKeyServerExt(selected);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(selectedIdentity);
    }

    @Override
    public String toString() {
        return "pre_shared_key=selected " + selectedIdentity;
    }
}
