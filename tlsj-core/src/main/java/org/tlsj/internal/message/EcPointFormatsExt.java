package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * ec_point_formats (RFC 8422 section 5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}.
 * Parsed in a ClientHello and a TLS 1.2 ServerHello; in TLS 1.3 messages it stays an {@link UnknownExt}.
 * Unknown format values are kept; RFC 8422 requires the list to contain uncompressed.
 *
 * @param formats the format code points, for example {@link #UNCOMPRESSED}
 */
public record EcPointFormatsExt(List<Integer> formats) implements Extension {
    /** uncompressed (0), the only format RFC 8422 still defines. */
    public static final int UNCOMPRESSED = 0;
    /** The usual form: uncompressed only. */
    public static final EcPointFormatsExt UNCOMPRESSED_ONLY = new EcPointFormatsExt(List.of(UNCOMPRESSED));

    /** Copies the list and checks each format is one byte. */
    public EcPointFormatsExt {
        formats = List.copyOf(Objects.requireNonNull(formats, "formats"));
        Decoding.checkLength(formats.size(), 0, 255, "ec_point_format_list");
        formats.forEach(f -> Decoding.checkUnsigned(f, 8, "EC point format"));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }

    static EcPointFormatsExt decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u8Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "ec_point_format_list");
        List<Integer> formats = new ArrayList<>();
        while (!list.atEnd()) {
            formats.add(list.u8());
        }
        return new EcPointFormatsExt(formats);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Prefixed(list -> formats.forEach(list::u8));
    }

    @Override
    public String toString() {
        return "ec_point_formats=" + Show.list(formats.stream()
                .map(f -> f == UNCOMPRESSED ? "uncompressed" : String.valueOf(f)).toList());
    }
}
