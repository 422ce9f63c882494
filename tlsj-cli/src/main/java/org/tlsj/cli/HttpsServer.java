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
import java.util.Map;
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
 * {@value #BODY}; {@code POST /echo} gets its JSON body back. One virtual thread per connection; one log line per connection.
 */
final class HttpsServer implements Closeable {
    /** The response body, exactly. */
    static final String BODY = "Hello TLS-secured world!";
    /** The number of the connection the current thread serves, for trace lines. */
    static final ScopedValue<Long> CONNECTION = ScopedValue.newInstance();
    /** The path that echoes a POSTed JSON body. */
    static final String ECHO_PATH = "/echo";
    /** The largest body {@code POST /echo} accepts: 1 MiB; larger gets 413. */
    static final int MAX_ECHO_BODY = 1024 * 1024;
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(1);

    private final TlsServerSocket listener;
    private final Consumer<String> log;
    private final Thread acceptor;
    private final Set<TlsSocket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicLong count = new AtomicLong();
    private volatile boolean closing;

    /** How long a client has for its whole request header block. */
    private final Duration headerBudget;

    private HttpsServer(TlsServerSocket listener, Consumer<String> log, Duration headerBudget) {
        this.listener = listener;
        this.log = log;
        this.headerBudget = headerBudget;
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
        HttpsServer server = new HttpsServer(TlsServerSocket.bind(address, config, timeout, timeout), log, timeout);
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
            String outcome = ScopedValue.where(CONNECTION, id).call(() -> exchange(socket, headerBudget));
            log.accept(who + " " + summary(socket) + " " + outcome + " " + elapsed(start));
        } catch (IOException e) {
            String stage = socket.connection().isHandshakeComplete() ? "" : "TLS handshake failed: ";
            log.accept(who + " failed: " + stage + Failures.describe(e) + " (" + elapsed(start) + ")");
        } finally {
            open.remove(socket);
            workers.remove(Thread.currentThread());
        }
    }

    /** Handshake, read one request head (and a POST body), answer; returns the request line and status for the log. */
    private static String exchange(TlsSocket socket, Duration headerBudget) throws IOException {
        socket.handshake();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
        // The whole header block within the timeout, not only each read (slow-loris clients).
        List<String> head = Http.readHead(in, Http.MAX_REQUEST_HEAD, System.nanoTime() + headerBudget.toNanos(),
                headerBudget);
        if (head.isEmpty()) {
            return "closed without a request";
        }
        String requestLine = head.getFirst();
        String[] parts = requestLine.split(" ");
        byte[] answer;
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            answer = response(400);
        } else if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            answer = response(505);
        } else if (parts[0].equals("POST") && echoPath(parts[1])) {
            answer = echo(Http.headers(head), in);
        } else if (!parts[0].equals("GET")) {
            answer = response(405);
        } else {
            answer = response(200);
        }
        socket.getOutputStream().write(answer);
        return "\"" + Http.printable(requestLine) + "\" " + statusOf(answer);
    }

    private static boolean echoPath(String target) {
        return target.equals(ECHO_PATH) || target.startsWith(ECHO_PATH + "?");
    }

    /** {@code POST /echo}: the body back as JSON; needs a Content-Length of at most {@link #MAX_ECHO_BODY}. */
    private static byte[] echo(Map<String, String> headers, InputStream in) throws IOException {
        String length = headers.get("content-length");
        if (length == null) {
            return response(411);
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return response(400);
        }
        if (n < 0) {
            return response(400);
        }
        if (n > MAX_ECHO_BODY) {
            return response(413);
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new java.io.EOFException("the request body ended after " + body.length + " of " + n + " bytes");
        }
        return response(200, "application/json", body);
    }

    private static int statusOf(byte[] response) {
        return Integer.parseInt(new String(response, 9, 3, StandardCharsets.US_ASCII));
    }

    /** The full response for a status: headers and body in one buffer, so it leaves in one record. */
    static byte[] response(int status) {
        String reason = reason(status);
        String body = status == 200 ? BODY : reason + "\n";
        return response(status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with the given body, {@code Connection: close}. */
    static byte[] response(int status, String contentType, byte[] body) {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (status == 405 ? "Allow: GET\r\n" : "")
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            default -> "HTTP Version Not Supported";
        };
    }

    private static String summary(TlsSocket socket) {
        SessionInfo s = socket.session();
        return "sni=" + s.serverName().orElse("-") + " " + SessionText.negotiated(s) + (s.resumed() ? " resumed" : "")
                + s.peerIdentity().map(id -> " client=\"" + id + "\"").orElse("")
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
