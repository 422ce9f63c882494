package org.tlsj;

import org.tlsj.internal.engine.Engine;

/** The server side of a TLS connection. Create one per accepted transport with {@link #accept(ServerConfig)}. */
public final class ServerConnection extends EngineConnection {
    private ServerConnection(Engine engine) {
        super(engine);
    }

    /**
     * Creates a server connection that waits for a ClientHello.
     *
     * @param config the server settings
     */
    public static ServerConnection accept(ServerConfig config) {
        return new ServerConnection(Engine.server(config));
    }
}
