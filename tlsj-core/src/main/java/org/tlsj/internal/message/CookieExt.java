package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * cookie: {@code opaque cookie<1..2^16-1>} (RFC 8446 section 4.2.2), sent in a HelloRetryRequest and
 * echoed in the second ClientHello.
 *
 * @param cookie the opaque cookie
 */
public record CookieExt(Bytes cookie) implements Extension {
    /** Checks the cookie is present and fits the wire. */
    public CookieExt {
        Objects.requireNonNull(cookie, "cookie");
        Decoding.checkLength(cookie.length(), 0, 0xffff - 2, "cookie");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    static CookieExt decode(ByteReader r) throws TlsFatalAlertException {
        Bytes cookie = r.u16Bytes();
        r.expectEnd();
        if (cookie.isEmpty()) {
            throw Decoding.badLength("cookie is empty");
        }
        return new CookieExt(cookie);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16Bytes(cookie);
    }

    @Override
    public String toString() {
        return "cookie=" + Show.hex(cookie);
    }
}
