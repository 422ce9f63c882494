package org.tlsj.internal.engine;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.TlsException;

/** Placeholder for the connection engine (issue 2); the real one replaces this file. */
public final class Engine {
    private Engine() {
    }

    public static Engine client(ClientConfig config, String serverName) {
        throw new IllegalStateException("engine lands with issue 2");
    }

    public static Engine server(ServerConfig config) {
        throw new IllegalStateException("engine lands with issue 2");
    }

    public void feed(ByteBuffer src) throws TlsException { }
    public int drainOutput(ByteBuffer dst) { return 0; }
    public boolean hasPendingOutput() { return false; }
    public int read(ByteBuffer dst) throws TlsException { return 0; }
    public boolean hasPendingPlaintext() { return false; }
    public int write(ByteBuffer src) throws TlsException { return 0; }
    public void closeOutbound() { }
    public void requestKeyUpdate(boolean requestPeerUpdate) throws TlsException { }
    public ConnectionStatus status() { return ConnectionStatus.HANDSHAKING; }
    public Optional<SessionInfo> session() { return Optional.empty(); }
    public Optional<TlsException> failure() { return Optional.empty(); }
}
