package org.tlsj;

import org.tlsj.internal.engine.Engine;

/** The client side of a TLS connection. Start one with {@link #start(ClientConfig, String)}. */
public final class ClientConnection extends EngineConnection {
    private ClientConnection(Engine engine) {
        super(engine);
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
}
