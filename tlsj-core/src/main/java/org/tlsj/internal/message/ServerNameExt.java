package org.tlsj.internal.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * server_name (RFC 6066 section 3). In a ClientHello it is a server_name_list with exactly one
 * host_name entry; a server acknowledges it (EncryptedExtensions, or a TLS 1.2 ServerHello) with an
 * empty body, which is the empty {@code hostName} here.
 *
 * @param hostName the host name (printable ASCII, no trailing dot expected), or empty for the server form
 */
public record ServerNameExt(Optional<String> hostName) implements Extension {
    /** The server's empty acknowledgement. */
    public static final ServerNameExt ACKNOWLEDGED = new ServerNameExt(Optional.empty());

    private static final int HOST_NAME = 0;

    /** Checks the name is non-empty printable ASCII that fits the wire. */
    public ServerNameExt {
        Objects.requireNonNull(hostName, "hostName");
        hostName.ifPresent(h -> {
            Decoding.checkLength(h.length(), 1, 0xffff - 5, "host name");
            if (!h.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new IllegalArgumentException("host name is not printable ASCII: " + h);
            }
        });
    }

    /** The ClientHello form naming {@code host}. */
    public static ServerNameExt of(String host) {
        return new ServerNameExt(Optional.of(host));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    static ServerNameExt decode(ByteReader r, MessageContext ctx) throws TlsFatalAlertException {
        if (ctx != MessageContext.CLIENT_HELLO) {
            r.expectEnd();
            return ACKNOWLEDGED;
        }
        ByteReader list = r.u16Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "server_name_list");
        String host = null;
        while (!list.atEnd()) {
            int nameType = list.u8();
            Bytes name = list.u16Bytes();
            // Like OpenSSL and Go, only host_name exists in practice; RFC 6066 allows one name per type.
            if (nameType != HOST_NAME) {
                throw Decoding.illegal("server_name has unknown name type " + nameType);
            }
            if (host != null) {
                throw Decoding.illegal("server_name lists two host names");
            }
            if (name.isEmpty()) {
                throw Decoding.badLength("server_name host name is empty");
            }
            byte[] raw = name.toArray();
            if (!isPrintableAscii(raw)) {
                throw Decoding.illegal("server_name host name is not printable ASCII");
            }
            host = new String(raw, StandardCharsets.US_ASCII);
        }
        return of(host);
    }

    private static boolean isPrintableAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0x21 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        hostName.ifPresent(h -> w.u16Prefixed(list -> list.u8(HOST_NAME)
                .u16Bytes(Bytes.wrap(h.getBytes(StandardCharsets.US_ASCII)))));
    }

    @Override
    public String toString() {
        return "server_name=" + hostName.orElse("(empty)");
    }
}
