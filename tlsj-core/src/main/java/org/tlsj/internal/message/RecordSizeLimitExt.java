package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * record_size_limit: {@code uint16 RecordSizeLimit} (RFC 8449 section 4). A value below 64 is
 * refused with illegal_parameter when decoding.
 *
 * @param limit the largest record plaintext (TLS 1.3: including the content type byte) the sender accepts
 */
public record RecordSizeLimitExt(int limit) implements Extension {
    /** The smallest legal value (RFC 8449 section 4). */
    public static final int MIN = 64;

    /** Checks the value fits the wire. */
    public RecordSizeLimitExt {
        Decoding.checkUnsigned(limit, 16, "record_size_limit");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }

    static RecordSizeLimitExt decode(ByteReader r) throws TlsFatalAlertException {
        int limit = r.u16();
        r.expectEnd();
        if (limit < MIN) {
            throw Decoding.illegal("record_size_limit " + limit + " is below " + MIN);
        }
        return new RecordSizeLimitExt(limit);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(limit);
    }

    @Override
    public String toString() {
        return "record_size_limit=" + limit;
    }
}
