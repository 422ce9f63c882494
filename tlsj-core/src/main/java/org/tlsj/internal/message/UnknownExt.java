package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * An extension we do not parse (GREASE, TLS 1.2-only ones, future ones), kept byte for byte. The
 * flows decide what to do with it: ignore it in a ClientHello, refuse it with unsupported_extension
 * in a server message.
 *
 * @param type the extension type
 * @param data the raw extension_data
 */
public record UnknownExt(ExtensionType type, Bytes data) implements Extension {
    /** Checks the fields are present and fit the wire. */
    public UnknownExt {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Decoding.checkLength(data.length(), 0, 0xffff, "extension_data");
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.bytes(data);
    }

    @Override
    public String toString() {
        return type + "=" + Show.hex(data);
    }
}
