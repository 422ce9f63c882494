package org.tlsj.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;

/**
 * An in-memory client and server: moves bytes between them, in chunks of any size (one byte at a time
 * included), with optional tampering of each flight. No sockets, no threads, no sleeps.
 */
public final class TestPair {
    private final ClientConnection client;
    private final ServerConnection server;
    private final int chunk;
    private UnaryOperator<byte[]> toServer = UnaryOperator.identity();
    private UnaryOperator<byte[]> toClient = UnaryOperator.identity();
    private TlsException clientFailure;
    private TlsException serverFailure;
    private int flights;

    private TestPair(ClientConnection client, ServerConnection server, int chunk) {
        this.client = client;
        this.server = server;
        this.chunk = chunk;
    }

    /** A pair that moves bytes in whole flights. */
    public static TestPair of(ClientConfig clientConfig, ServerConfig serverConfig, String serverName) {
        return withChunkSize(clientConfig, serverConfig, serverName, Integer.MAX_VALUE);
    }

    /** A pair that feeds each side {@code chunk} bytes at a time. */
    public static TestPair withChunkSize(ClientConfig clientConfig, ServerConfig serverConfig, String serverName,
                                         int chunk) {
        ServerConnection server = ServerConnection.accept(serverConfig);
        ClientConnection client = ClientConnection.start(clientConfig, serverName);
        return new TestPair(client, server, chunk);
    }

    /** Changes each client-to-server flight (before the server sees it). */
    public TestPair tamperToServer(UnaryOperator<byte[]> f) {
        toServer = f;
        return this;
    }

    /** Changes each server-to-client flight (before the client sees it). */
    public TestPair tamperToClient(UnaryOperator<byte[]> f) {
        toClient = f;
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

    /** The client's failure, if any. */
    public Optional<TlsException> clientFailure() {
        return Optional.ofNullable(clientFailure);
    }

    /** The server's failure, if any. */
    public Optional<TlsException> serverFailure() {
        return Optional.ofNullable(serverFailure);
    }

    /** Flights moved so far. */
    public int flights() {
        return flights;
    }

    /**
     * Moves bytes both ways until neither side has anything to send.
     *
     * @return this pair
     */
    public TestPair run() {
        for (int guard = 0; guard < 1000; guard++) {
            boolean moved = move(client, server, true) | move(server, client, false);
            if (!moved) {
                return this;
            }
        }
        throw new IllegalStateException("the pair did not settle after 1000 rounds");
    }

    /** Runs and requires both sides to complete the handshake without error. */
    public TestPair handshake() {
        run();
        if (clientFailure != null || serverFailure != null || !client.isHandshakeComplete()
                || !server.isHandshakeComplete()) {
            throw new AssertionError("handshake did not complete: client=" + client.status() + " " + clientFailure
                    + ", server=" + server.status() + " " + serverFailure, clientFailure != null ? clientFailure : serverFailure);
        }
        return this;
    }

    private boolean move(TlsConnection from, TlsConnection to, boolean toServerSide) {
        byte[] flight = drain(from);
        if (flight.length == 0) {
            return false;
        }
        flights++;
        flight = (toServerSide ? toServer : toClient).apply(flight);
        ByteBuffer in = ByteBuffer.wrap(flight);
        try {
            while (in.hasRemaining()) {
                int n = Math.min(chunk, in.remaining());
                ByteBuffer part = in.slice(in.position(), n);
                while (part.hasRemaining()) {
                    int before = part.remaining();
                    to.feed(part);
                    if (part.remaining() == before) {
                        drainPlaintext(to); // the application reads, so feeding can go on
                    }
                }
                in.position(in.position() + n);
            }
        } catch (TlsException e) {
            if (toServerSide) {
                serverFailure = e;
            } else {
                clientFailure = e;
            }
        }
        return true;
    }

    private final ByteArrayOutputStream clientReceived = new ByteArrayOutputStream();
    private final ByteArrayOutputStream serverReceived = new ByteArrayOutputStream();

    private void drainPlaintext(TlsConnection c) throws TlsException {
        if (c.failure().isPresent()) {
            return; // the failure is reported through clientFailure()/serverFailure()
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 15);
        while (c.read(buf) > 0) {
            (c == client ? clientReceived : serverReceived).write(buf.array(), 0, buf.position());
            buf.clear();
        }
    }

    /** Writes from the client, runs, and returns what the server application received so far. */
    public String clientSends(String text) throws TlsException {
        client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        run();
        drainPlaintext(server);
        return serverReceived.toString(StandardCharsets.UTF_8);
    }

    /** Writes from the server, runs, and returns what the client application received so far. */
    public String serverSends(String text) throws TlsException {
        server.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        run();
        drainPlaintext(client);
        return clientReceived.toString(StandardCharsets.UTF_8);
    }

    /** Everything a connection has to send right now. */
    public static byte[] drain(TlsConnection c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (c.hasPendingOutput()) {
            buf.clear();
            c.drainOutput(buf);
            out.write(buf.array(), 0, buf.position());
        }
        return out.toByteArray();
    }
}
