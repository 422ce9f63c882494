package org.tlsj.internal.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * application_layer_protocol_negotiation (RFC 7301 section 3.1):
 * {@code ProtocolName protocol_name_list<2..2^16-1>} with {@code opaque ProtocolName<1..2^8-1>}.
 * Names are opaque bytes; they are held as ISO-8859-1 strings so every byte round-trips. In a
 * server's answer the list holds exactly one name.
 *
 * @param protocols the protocol names, for example {@code h2}, {@code http/1.1}
 */
public record AlpnExt(List<String> protocols) implements Extension {
    /** Copies the list and checks each name is 1..255 single-byte characters. */
    public AlpnExt {
        protocols = List.copyOf(Objects.requireNonNull(protocols, "protocols"));
        for (String p : protocols) {
            Decoding.checkLength(p.length(), 1, 255, "ALPN protocol name");
            if (p.chars().anyMatch(c -> c > 0xff)) {
                throw new IllegalArgumentException("ALPN protocol name has a non-byte character: " + p);
            }
        }
    }

    /** The extension listing {@code protocols}. */
    public static AlpnExt of(String... protocols) {
        return new AlpnExt(List.of(protocols));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.ALPN;
    }

    static AlpnExt decode(ByteReader r, MessageContext ctx) throws TlsFatalAlertException {
        ByteReader list = r.u16Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "protocol_name_list");
        List<String> names = new ArrayList<>();
        while (!list.atEnd()) {
            Bytes name = list.u8Bytes();
            if (name.isEmpty()) {
                throw Decoding.badLength("ALPN protocol name is empty");
            }
            names.add(new String(name.toArray(), StandardCharsets.ISO_8859_1));
        }
        if (ctx != MessageContext.CLIENT_HELLO && names.size() != 1) {
            throw Decoding.illegal("server ALPN answer must name exactly one protocol, not " + names.size());
        }
        return new AlpnExt(names);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16Prefixed(list -> protocols.forEach(
                p -> list.u8Bytes(Bytes.wrap(p.getBytes(StandardCharsets.ISO_8859_1)))));
    }

    @Override
    public String toString() {
        return "alpn=" + Show.list(protocols);
    }
}
