package org.tlsj.internal.handshake;

import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.Bytes;

/** What every TLS 1.2 flow answers the same way: its version, its message formats, no KeyUpdate. */
public interface Tls12Machine extends HandshakeMachine {
    @Override
    default ProtocolVersion version() {
        return ProtocolVersion.TLS12;
    }

    @Override
    default HandshakeMessage decode(Bytes raw) throws TlsFatalAlertException {
        return HandshakeCodec.decode12(raw);
    }

    @Override
    default void sendKeyUpdate(boolean requestPeerUpdate) {
        throw new IllegalStateException("TLS 1.2 has no KeyUpdate");
    }
}
