package org.tlsj.cli;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;

/**
 * The greeting server behind {@code tlsj server} and {@code tlsj demo}: every HTTP/1.x GET gets
 * {@value #BODY}. One virtual thread per connection; one log line per connection.
 */
final class HttpsServer implements Closeable {
    /** The response body, exactly. */
    static final String BODY = "Hello TLS-secured world!";
    /** The number of the connection the current thread serves, for trace lines. */
    static final ScopedValue<Long> CONNECTION = ScopedValue.newInstance();
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(1);

    private final TlsServerSocket listener;
    private final Consumer<String> log;
    private final Thread acceptor;
    private final Set<TlsSocket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicLong count = new AtomicLong();
    private volatile boolean closing;

    private HttpsServer(TlsServerSocket listener, Consumer<String> log) {
        this.listener = listener;
        this.log = log;
        this.acceptor = Thread.ofVirtual().name("tlsj-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts accepting.
     *
     * @param address where to listen; port 0 picks one
     * @param config the TLS settings
     * @param timeout bounds each handshake and each wait for request bytes
     * @param log receives one line per connection (called from connection threads)
     * @return the running server
     */
    static HttpsServer start(InetSocketAddress address, ServerConfig config, Duration timeout, Consumer<String> log)
            throws IOException {
        HttpsServer server = new HttpsServer(TlsServerSocket.bind(address, config, timeout, timeout), log);
        server.acceptor.start();
        return server;
    }

    /** The port listened on. */
    int port() {
        return listener.localPort();
    }

    /** Blocks until the server is closed. */
    void awaitClose() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closing) {
            TlsSocket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.accept("accept failed: " + Failures.describe(e));
                }
                continue;
            }
            long id = count.incrementAndGet();
            open.add(socket);
            Thread worker = Thread.ofVirtual().name("tlsj-conn-" + id).unstarted(() -> serve(socket, id));
            workers.add(worker);
            worker.start();
        }
    }

    private void serve(TlsSocket socket, long id) {
        long start = System.nanoTime();
        String who = "#" + id + " " + socket.peer();
        try (socket) {
            String outcome = ScopedValue.where(CONNECTION, id).call(() -> exchange(socket));
            log.accept(who + " " + summary(socket) + " " + outcome + " " + elapsed(start));
        } catch (IOException e) {
            String stage = socket.connection().isHandshakeComplete() ? "" : "TLS handshake failed: ";
            log.accept(who + " failed: " + stage + Failures.describe(e) + " (" + elapsed(start) + ")");
        } finally {
            open.remove(socket);
            workers.remove(Thread.currentThread());
        }
    }

    /** Handshake, read one request head, answer; returns the request line and status for the log. */
    private static String exchange(TlsSocket socket) throws IOException {
        socket.handshake();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
        List<String> head = Http.readHead(in, Http.MAX_REQUEST_HEAD);
        if (head.isEmpty()) {
            return "closed without a request";
        }
        String requestLine = head.getFirst();
        String[] parts = requestLine.split(" ");
        int status;
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            status = 400;
        } else if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            status = 505;
        } else if (!parts[0].equals("GET")) {
            status = 405;
        } else {
            status = 200;
        }
        socket.getOutputStream().write(response(status));
        return "\"" + Http.printable(requestLine) + "\" " + status;
    }

    /** The full response for a status: headers and body in one buffer, so it leaves in one record. */
    static byte[] response(int status) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            default -> "HTTP Version Not Supported";
        };
        String body = status == 200 ? BODY : reason + "\n";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n"
                + (status == 405 ? "Allow: GET\r\n" : "")
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }

    private static String summary(TlsSocket socket) {
        SessionInfo s = socket.session();
        return "sni=" + s.serverName().orElse("-") + " " + s.summary()
                + " in=" + socket.bytesReceived() + "B out=" + socket.bytesSent() + "B";
    }

    private static String elapsed(long startNanos) {
        return String.format(Locale.ROOT, "%.1fms", (System.nanoTime() - startNanos) / 1e6);
    }

    /** Stops accepting, lets running connections finish for up to a second, then closes what is left. */
    @Override
    public void close() throws IOException {
        closing = true;
        listener.close();
        try {
            acceptor.join();
            long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
            for (Thread t : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TlsSocket s : open) {
            s.close();
        }
    }
}
