package org.tlsj.cli.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.tlsj.ClientAuth;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.common.SessionText;
import org.tlsj.jsse.TlsjContexts;

/**
 * The greeting server behind {@code tlsj server} and {@code tlsj demo}: the JDK's
 * {@code com.sun.net.httpserver.HttpsServer} on a TLSJ {@code SSLContext} made from the server config. Every
 * HTTP/1.x GET gets {@value #BODY}; {@code POST /echo} gets its JSON body back. One virtual thread per
 * connection, one request per connection ({@code Connection: close}), one log line per connection.
 *
 * <p>Slow clients: the handshake and the whole request head must arrive within the timeout, and the rest of
 * the exchange must take no longer than another timeout; otherwise the connection's thread is interrupted,
 * which closes its channel. {@link ServerConnection} holds what a connection's log line needs.
 */
public final class GreetingServer implements Closeable {
    /** The response body, exactly. */
    public static final String BODY = "Hello TLS-secured world!";
    /** The path that echoes a POSTed JSON body. */
    static final String ECHO_PATH = "/echo";
    /** The largest body {@code POST /echo} accepts: 1 MiB; larger gets 413. */
    public static final int MAX_ECHO_BODY = 1024 * 1024;
    /** The largest request header block, as the JDK server counts it (its maxReqHeaderSize). */
    public static final int MAX_REQUEST_HEAD = 16 * 1024;
    private static final int DRAIN_ON_CLOSE_SECONDS = 1;
    /** The connection whose exchange runs on this thread (the JDK server makes its engine on that thread). */
    private static final ThreadLocal<ServerConnection> CURRENT = new ThreadLocal<>();

    private final HttpsServer http;
    private final Consumer<String> log;
    private final Duration timeout;
    private final AtomicLong count = new AtomicLong();
    private final ScheduledThreadPoolExecutor guards = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "tlsj-server-guard");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Threads running exchange tasks, so that close lets them write their log lines. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    private GreetingServer(HttpsServer http, Consumer<String> log, Duration timeout) {
        this.http = http;
        this.log = log;
        this.timeout = timeout;
        guards.setRemoveOnCancelPolicy(true);
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks one
     * @param config the TLS settings (trace, key log, ticket keys, client auth included)
     * @param timeout bounds the handshake with the request head, and the rest of each exchange
     * @param log receives one line per connection (called from connection threads)
     * @return the running server
     */
    public static GreetingServer start(InetSocketAddress address, ServerConfig config, Duration timeout, Consumer<String> log)
            throws IOException {
        JdkServerLimits.apply(timeout);
        HttpsServer http = HttpsServer.create(address, 0);
        GreetingServer server = new GreetingServer(http, log, timeout);
        SSLContext tlsj = TlsjContexts.server(config);
        SSLContext observed = ObservedEngine.context(tlsj, server::engineCreated);
        http.setHttpsConfigurator(new HttpsConfigurator(observed) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tlsj.getDefaultSSLParameters();
                p.setNeedClientAuth(config.clientAuth() == ClientAuth.REQUIRED);
                if (config.clientAuth() == ClientAuth.OPTIONAL) {
                    p.setWantClientAuth(true);
                }
                params.setSSLParameters(p);
                ServerConnection c = CURRENT.get();
                if (c != null) {
                    c.peer(params.getClientAddress());
                }
            }
        });
        http.createContext("/", server::handle);
        http.setExecutor(task -> Thread.ofVirtual().name("tlsj-conn").start(() -> server.run(task)));
        http.start();
        return server;
    }

    /** The port listened on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Blocks until the server is closed. */
    void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** "[#n] " for trace lines printed on a connection's thread, else "". */
    public static String connectionTag() {
        ServerConnection c = CURRENT.get();
        return c == null ? "" : "[#" + c.id() + "] ";
    }

    private void engineCreated(ObservedEngine engine) {
        ServerConnection c = new ServerConnection(count.incrementAndGet(), engine, Thread.currentThread());
        CURRENT.set(c);
        guard(c, ServerConnection.Phase.HEAD);
    }

    /** Interrupts the connection's thread (closing its channel) if it is still in {@code phase} after the timeout. */
    private void guard(ServerConnection c, ServerConnection.Phase phase) {
        c.guardedBy(guards.schedule(() -> c.expire(phase), timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Runs one exchange task; logs a connection that ended before its request reached the handler. */
    private void run(Runnable task) {
        running.add(Thread.currentThread());
        try {
            task.run();
        } finally {
            running.remove(Thread.currentThread());
            ServerConnection c = CURRENT.get();
            CURRENT.remove();
            if (c != null && c.finish()) {
                log.accept(c.failureLine(timeout));
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        ServerConnection c = CURRENT.get();
        if (c != null) {
            c.headReceived();
            guard(c, ServerConnection.Phase.BODY);
        }
        String requestLine = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                + " " + exchange.getProtocol();
        int status = 0;
        try (exchange) {
            status = answer(exchange);
        } finally {
            if (c != null && c.finish()) {
                SessionInfo s = TlsjContexts.sessionInfo(((HttpsExchange) exchange).getSSLSession()).orElse(null);
                log.accept(c.who() + " " + (s == null ? "" : summary(s) + " ") + c.traffic() + " \""
                        + Http.printable(requestLine) + "\" " + (status == 0 ? "failed" : status) + " " + c.elapsed());
            }
        }
    }

    /** Sends the answer; returns its status. */
    private static int answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String protocol = exchange.getProtocol();
        if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
            return send(exchange, 505, "text/plain", bytes("HTTP Version Not Supported\n"));
        }
        if (method.equals("POST") && exchange.getRequestURI().getRawPath().equals(ECHO_PATH)) {
            return echo(exchange);
        }
        if (!method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            return send(exchange, 405, "text/plain", bytes("Method Not Allowed\n"));
        }
        return send(exchange, 200, "text/plain", bytes(BODY));
    }

    /** {@code POST /echo}: the body back as JSON; needs a Content-Length of at most {@link #MAX_ECHO_BODY}. */
    private static int echo(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return send(exchange, 411, "text/plain", bytes("Length Required\n"));
        }
        long n = Long.parseLong(length.trim()); // the JDK server has already refused a malformed or negative one
        if (n > MAX_ECHO_BODY) {
            return send(exchange, 413, "text/plain", bytes("Content Too Large\n"));
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes((int) n);
        }
        if (body.length < n) {
            throw new java.io.EOFException("the request body ended after " + body.length + " of " + n + " bytes");
        }
        return send(exchange, 200, "application/json", body);
    }

    private static int send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String summary(SessionInfo s) {
        return "sni=" + s.serverName().orElse("-") + " " + SessionText.negotiated(s) + (s.resumed() ? " resumed" : "")
                + s.peerIdentity().map(id -> " client=\"" + id + "\"").orElse("");
    }

    /** Milliseconds with one decimal, for log lines. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }

    /**
     * Stops accepting, lets running exchanges finish (and log) for up to a second in all, then closes what is
     * left.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_ON_CLOSE_SECONDS);
        http.stop(DRAIN_ON_CLOSE_SECONDS);
        try {
            for (Thread t : running) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            guards.shutdownNow();
            closed.countDown();
        }
    }
}
