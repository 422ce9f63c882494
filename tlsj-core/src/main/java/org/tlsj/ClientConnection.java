package org.tlsj;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.tlsj.internal.engine.Engine;

/** The client side of a TLS connection. Start one with {@link #start(ClientConfig, String)}. */
public final class ClientConnection implements TlsConnection {
    private final Engine engine;

    private ClientConnection(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts a handshake: the ClientHello is ready in {@link #drainOutput} when this returns.
     *
     * @param config the client settings
     * @param serverName the host name to send in SNI and to check the certificate against; an IP literal is
     *     checked against IP SANs and not sent in SNI; null for neither (only with a verifier that allows it)
     */
    public static ClientConnection start(ClientConfig config, String serverName) {
        return new ClientConnection(Engine.client(config, serverName));
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
