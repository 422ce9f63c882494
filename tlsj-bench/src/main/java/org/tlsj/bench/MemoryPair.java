package org.tlsj.bench;

import java.nio.ByteBuffer;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;

/**
 * A tlsj client and server joined in memory, like the test kit's TestPair but with buffers allocated once,
 * so a benchmark measures the connections and not the harness. No sockets, no threads.
 */
public final class MemoryPair {
    private final ByteBuffer net = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer plain = ByteBuffer.allocate(32 * 1024);
    private ClientConnection client;
    private ServerConnection server;

    /** Starts a new client and server and runs the handshake to completion on both sides. */
    public MemoryPair handshake(ClientConfig clientConfig, ServerConfig serverConfig) throws TlsException {
        server = ServerConnection.accept(serverConfig);
        client = ClientConnection.start(clientConfig, Fixtures.HOST);
        for (int guard = 0; guard < 100; guard++) {
            boolean moved = move(client, server) | move(server, client);
            if (!moved) {
                break;
            }
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new IllegalStateException("handshake did not complete: client " + client.status() + " "
                    + client.failure().map(Throwable::getMessage).orElse("") + ", server " + server.status() + " "
                    + server.failure().map(Throwable::getMessage).orElse(""));
        }
        return this;
    }

    /** The client. */
    public ClientConnection client() {
        return client;
    }

    /** The server. */
    public ServerConnection server() {
        return server;
    }

    /**
     * Writes {@code data} from the client and reads it all at the server.
     *
     * @return the plaintext bytes the server read
     */
    public int clientToServer(ByteBuffer data) throws TlsException {
        int read = 0;
        while (data.hasRemaining()) {
            client.write(data);
            read += pump(client, server);
        }
        return read + pump(client, server);
    }

    private int pump(TlsConnection from, TlsConnection to) throws TlsException {
        int read = 0;
        while (from.hasPendingOutput()) {
            net.clear();
            from.drainOutput(net);
            net.flip();
            while (net.hasRemaining()) {
                to.feed(net);
                plain.clear();
                read += Math.max(0, to.read(plain));
            }
        }
        plain.clear();
        while (to.hasPendingPlaintext()) {
            read += Math.max(0, to.read(plain));
            plain.clear();
        }
        return read;
    }

    private boolean move(TlsConnection from, TlsConnection to) throws TlsException {
        if (!from.hasPendingOutput()) {
            return false;
        }
        pump(from, to);
        return true;
    }
}
