package org.tlsj.io;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;

/**
 * A listening socket that hands out server-side {@link TlsSocket}s. {@link #accept()} does not handshake, so
 * a slow client cannot stall the accept loop: call {@link TlsSocket#handshake()} in the connection's own
 * (virtual) thread.
 */
public final class TlsServerSocket implements Closeable {
    private static final int BACKLOG = 128;

    private final ServerSocket server;
    private final ServerConfig config;
    private final Duration handshakeTimeout;
    private final Duration readTimeout;

    private TlsServerSocket(ServerSocket server, ServerConfig config, Duration handshakeTimeout,
                            Duration readTimeout) {
        this.server = server;
        this.config = config;
        this.handshakeTimeout = handshakeTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Binds a listening socket.
     *
     * @param address where to listen; port 0 picks a free port (see {@link #localPort()})
     * @param config the server settings, shared by every connection
     * @param handshakeTimeout bounds each connection's whole handshake
     * @param readTimeout bounds each socket read after the handshake; {@link Duration#ZERO} for none
     * @return the bound socket
     * @throws IOException if the address cannot be bound
     */
    public static TlsServerSocket bind(InetSocketAddress address, ServerConfig config, Duration handshakeTimeout,
                                       Duration readTimeout) throws IOException {
        Objects.requireNonNull(config);
        Timeouts.require(handshakeTimeout);
        Timeouts.require(readTimeout);
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(address, BACKLOG);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return new TlsServerSocket(s, config, handshakeTimeout, readTimeout);
    }

    /**
     * Waits for the next TCP connection.
     *
     * @return a server-side TLS socket whose handshake has not run yet
     * @throws IOException if accepting fails, for example because this socket was closed
     */
    public TlsSocket accept() throws IOException {
        Socket s = server.accept();
        try {
            s.setTcpNoDelay(true);
            return TlsSocket.server(s, ServerConnection.accept(config), handshakeTimeout, readTimeout);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The port listened on (the real one when bound to port 0). */
    public int localPort() {
        return server.getLocalPort();
    }

    /** The address listened on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return server.isClosed();
    }

    /** Stops listening; a thread blocked in {@link #accept()} gets an exception. Open connections stay open. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
