package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * supported_versions in a ServerHello or HelloRetryRequest: {@code ProtocolVersion selected_version}
 * (RFC 8446 section 4.2.1).
 *
 * @param selected the version the server chose
 */
public record SupportedVersionsServerExt(ProtocolVersion selected) implements Extension {
    /** Checks the field is present. */
    public SupportedVersionsServerExt {
        Objects.requireNonNull(selected, "selected");
        Decoding.checkUnsigned(selected.code(), 16, "selected_version");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    static SupportedVersionsServerExt decode(ByteReader r) throws TlsFatalAlertException {
        SupportedVersionsServerExt ext = new SupportedVersionsServerExt(new ProtocolVersion(r.u16()));
        r.expectEnd();
        return ext;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(selected.code());
    }

    @Override
    public String toString() {
        return "supported_versions=" + selected;
    }
}
