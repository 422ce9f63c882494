package org.tlsj.internal.message;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * KeyUpdate (RFC 8446 section 4.6.3): {@code KeyUpdateRequest request_update}, 0 or 1; any other
 * value is refused with illegal_parameter.
 *
 * @param updateRequested whether the peer must answer with its own KeyUpdate
 */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    static KeyUpdate decode(ByteReader r) throws TlsFatalAlertException {
        int v = r.u8();
        r.expectEnd();
        return switch (v) {
            case 0 -> new KeyUpdate(false);
            case 1 -> new KeyUpdate(true);
            default -> throw Decoding.illegal("KeyUpdate request_update is " + v + ", not 0 or 1");
        };
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8(updateRequested ? 1 : 0);
    }

    @Override
    public String toString() {
        return "KeyUpdate[" + (updateRequested ? "update_requested" : "update_not_requested") + "]";
    }
}
