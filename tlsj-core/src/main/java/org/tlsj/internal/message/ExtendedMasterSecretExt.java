package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * extended_master_secret (RFC 7627 section 5.1): an empty body, in a ClientHello and a TLS 1.2
 * ServerHello. In TLS 1.3 messages it stays an {@link UnknownExt}.
 */
public record ExtendedMasterSecretExt() implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
    }

    static ExtendedMasterSecretExt decode(ByteReader r) throws TlsFatalAlertException {
        r.expectEnd();
        return new ExtendedMasterSecretExt();
    }

    @Override
    public void encodeBody(ByteWriter w) {
        // The body is empty.
    }

    @Override
    public String toString() {
        return "extended_master_secret";
    }
}
