package org.tlsj.internal.message;

import java.util.List;
import java.util.Objects;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * supported_versions in a ClientHello: {@code ProtocolVersion versions<2..254>} (RFC 8446 section 4.2.1).
 *
 * @param versions the offered versions in preference order (GREASE values round-trip)
 */
public record SupportedVersionsClientExt(List<ProtocolVersion> versions) implements Extension {
    /** Copies the list and checks it fits the wire. */
    public SupportedVersionsClientExt {
        versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
        Decoding.checkLength(versions.size() * 2, 0, 254, "supported_versions list");
    }

    /** The extension offering {@code versions}. */
    public static SupportedVersionsClientExt of(ProtocolVersion... versions) {
        return new SupportedVersionsClientExt(List.of(versions));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    static SupportedVersionsClientExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u8Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "supported_versions list");
        return new SupportedVersionsClientExt(
                Decoding.u16Codes(list, "supported_versions list").stream().map(ProtocolVersion::new).toList());
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Prefixed(list -> versions.forEach(v -> list.u16(v.code())));
    }

    @Override
    public String toString() {
        return "supported_versions=" + Show.list(versions);
    }
}
