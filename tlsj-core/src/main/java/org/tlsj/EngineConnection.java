package org.tlsj;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.tlsj.internal.engine.Engine;

/** What both sides' connections share: every operation goes to the connection's engine. */
abstract sealed class EngineConnection implements TlsConnection permits ClientConnection, ServerConnection {
    private final Engine engine;

    EngineConnection(Engine engine) {
        this.engine = engine;
    }

    @Override public void feed(ByteBuffer src) throws TlsException { engine.feed(src); }
    @Override public int drainOutput(ByteBuffer dst) { return engine.drainOutput(dst); }
    @Override public boolean hasPendingOutput() { return engine.hasPendingOutput(); }
    @Override public int read(ByteBuffer dst) throws TlsException { return engine.read(dst); }
    @Override public boolean hasPendingPlaintext() { return engine.hasPendingPlaintext(); }
    @Override public int write(ByteBuffer src) throws TlsException { return engine.write(src); }
    @Override public void closeOutbound() { engine.closeOutbound(); }
    @Override public void requestKeyUpdate(boolean requestPeerUpdate) throws TlsException {
        engine.requestKeyUpdate(requestPeerUpdate);
    }
    @Override public byte[] exportKeyingMaterial(String label, Optional<byte[]> context, int length) throws TlsException {
        return engine.exportKeyingMaterial(label, context, length);
    }
    @Override public ConnectionStatus status() { return engine.status(); }
    @Override public Optional<SessionInfo> session() { return engine.session(); }
    @Override public Optional<TlsException> failure() { return engine.failure(); }
}
