package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;

/**
 * Our server for client peers: a {@link TlsServerSocket} on 127.0.0.1 (port 0) with a minimal HTTP responder.
 * Each connection reads a request head, answers {@code 200} with {@link #BODY} and the negotiated parameters,
 * and closes with close_notify. What happened on each connection is queued for the test to inspect.
 */
final class TlsjHttpServer implements AutoCloseable {
    /** The start of every response body. */
    static final String BODY = "hello from tlsj";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_HEAD = 16 * 1024;

    /**
     * One connection's outcome.
     *
     * @param session what the handshake negotiated, if it completed
     * @param failure what went wrong, if anything
     * @param request the request head received
     */
    record Outcome(Optional<SessionInfo> session, Optional<IOException> failure, String request) {
        /** The session, or an assertion failure showing what went wrong instead. */
        SessionInfo established() {
            assertThat(failure).as("our server's failure").isEmpty();
            assertThat(session).as("our server's session").isPresent();
            return session.orElseThrow();
        }
    }

    private final TlsServerSocket server;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    private TlsjHttpServer(TlsServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("tlsj-http-accept").unstarted(this::acceptLoop);
    }

    /** Binds 127.0.0.1 on a free port and starts accepting. */
    static TlsjHttpServer start(ServerConfig config) throws IOException {
        TlsjHttpServer s = new TlsjHttpServer(TlsServerSocket.bind(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, TIMEOUT, TIMEOUT));
        s.acceptor.start();
        return s;
    }

    /** The port listened on. */
    int port() {
        return server.localPort();
    }

    /** The next connection's outcome, waiting for it to finish (bounded). */
    Outcome next() {
        try {
            Outcome o = outcomes.poll(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            assertThat(o).as("a connection to our server finished").isNotNull();
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                TlsSocket socket = server.accept();
                Thread.ofVirtual().name("tlsj-http-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(TlsSocket socket) {
        Optional<SessionInfo> session = Optional.empty();
        String request = "";
        try (socket) {
            socket.handshake();
            session = Optional.of(socket.session());
            request = readHead(socket.getInputStream());
            String body = BODY + ": " + socket.session().summary() + "\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            outcomes.add(new Outcome(session, Optional.empty(), request));
        } catch (IOException e) {
            outcomes.add(new Outcome(session, Optional.of(e), request));
        }
    }

    /** Reads up to the blank line that ends an HTTP request head (or the end of the stream). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
