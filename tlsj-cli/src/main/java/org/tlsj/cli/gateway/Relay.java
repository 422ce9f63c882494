package org.tlsj.cli.gateway;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.io.TlsSocket;

/**
 * One client connection through the gateway: the TLS handshake, the choice of upstream, then two pumps (client
 * to upstream in the connection's thread, upstream to client in a second virtual thread), each through a
 * bounded buffer. The end of one direction is passed on as a half-close: the client's close_notify becomes a
 * TCP FIN (or close_notify) to the upstream, and the upstream's end becomes close_notify to the client.
 */
final class Relay {
    /** Bytes each direction holds at most. */
    static final int BUFFER_SIZE = 16 * 1024;
    /** Bytes each direction holds until a read fills them. */
    static final int INITIAL_BUFFER_SIZE = 2 * 1024;

    private final long id;
    private final Socket raw;
    private final TlsSocket client;
    private final GatewaySettings settings;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    /** Why the gateway cut the connection (idle, shutdown), if it did; the first reason wins. */
    private final AtomicReference<String> cut = new AtomicReference<>();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile UpstreamLink link;
    private volatile boolean downstreamDone;

    Relay(long id, Socket raw, TlsSocket client, GatewaySettings settings) {
        this.id = id;
        this.raw = raw;
        this.client = client;
        this.settings = settings;
    }

    /** Runs the connection to its end and returns its log entry. Never throws. */
    AccessLogEntry run() {
        Optional<SessionInfo> session = Optional.empty();
        Optional<HostPort> target = Optional.empty();
        String outcome;
        try {
            outcome = handshake();
            if (client.connection().isHandshakeComplete()) {
                session = Optional.of(client.session());
            }
            if (outcome == null) {
                target = settings.routes().select(session.get().serverName());
                outcome = target.isEmpty()
                        ? "refused: no --route matches sni=" + session.get().serverName().orElse("(none)")
                                + " and there is no --upstream"
                        : relay(session.get(), target.get());
            }
        } finally {
            closeBoth();
        }
        return new AccessLogEntry(start, id, client.peer(), session, target, up.get(), down.get(),
                System.nanoTime() - startNanos, outcome);
    }

    /** Null when the handshake completed, else the outcome. */
    private String handshake() {
        try {
            client.handshake();
            return null;
        } catch (IOException e) {
            if (!(e instanceof TlsException) && client.connection().isHandshakeComplete()) {
                // The client's side was done at its Finished and it left (openssl s_time -new does) while the
                // session tickets or our last flight were going out: the handshake itself succeeded.
                return cutOr("ended by the client right after the TLS handshake: " + describe(e));
            }
            return cutOr("TLS handshake failed: " + describeHandshake(e));
        }
    }

    private String relay(SessionInfo session, HostPort target) {
        byte[] header = settings.proxyProtocol()
                ? ProxyHeaderV2.encode((InetSocketAddress) raw.getRemoteSocketAddress(),
                        (InetSocketAddress) raw.getLocalSocketAddress(), session)
                : new byte[0];
        try {
            link = UpstreamLink.open(target, settings.upstreamTls(), header, settings.handshakeTimeout(),
                    readTimeout(settings.idleTimeout()));
        } catch (IOException e) {
            return cutOr("upstream " + target + " failed: " + describe(e));
        }
        if (cut.get() != null) {
            return cut.get(); // cut while connecting: closeBoth ran before the link existed
        }
        AtomicReference<String> downstreamFailure = new AtomicReference<>();
        Thread downstream = Thread.ofVirtual().name("tlsj-gateway-" + id + "-down").start(() -> {
            try {
                pump(link.in(), client.getOutputStream(), down);
                downstreamDone = true;
                halfClose(client::shutdownOutput); // the upstream finished: close_notify; the client may still send
            } catch (IOException e) {
                downstreamFailure.set("upstream to client: " + describe(e));
                closeBoth();
            }
        });
        String upstreamFailure = null;
        try {
            pump(client.getInputStream(), link.out(), up);
            // The client sent close_notify: FIN (or close_notify) to the upstream, which may still answer.
            halfClose(link::shutdownOutput);
        } catch (EOFException e) {
            if (!downstreamDone) { // after our close_notify, a client may just drop TCP: nothing is lost then
                upstreamFailure = "client to upstream: " + describe(e);
                closeBoth();
            }
        } catch (IOException e) {
            upstreamFailure = "client to upstream: " + describe(e);
            closeBoth();
        }
        try {
            downstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeBoth();
        }
        if (cut.get() != null) {
            return cut.get();
        }
        String failure = upstreamFailure != null ? upstreamFailure : downstreamFailure.get();
        return failure == null ? "closed" : "aborted: " + failure;
    }

    /** Copies until end of stream; a read timeout is only fatal once nothing moved either way for the idle timeout. */
    private void pump(InputStream in, OutputStream out, AtomicLong counter) throws IOException {
        // Small until data moves: an idle connection holds 2 KiB per direction here, not 16 KiB.
        byte[] buffer = new byte[INITIAL_BUFFER_SIZE];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                Duration idle = settings.idleTimeout();
                if (System.nanoTime() - lastActivityNanos >= idle.toNanos()) {
                    cut("idle timeout: no data either way for " + human(idle));
                    throw e;
                }
                continue;
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            if (n == buffer.length && buffer.length < BUFFER_SIZE) {
                buffer = new byte[BUFFER_SIZE]; // a full read: bulk data, so larger reads from now on
            }
            counter.addAndGet(n);
            lastActivityNanos = System.nanoTime();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Passes on the end of one direction; if the receiver is gone already, its other direction will tell. */
    private static void halfClose(IoAction shutdown) {
        try {
            shutdown.run();
        } catch (IOException ignored) {
            // Nothing was lost: every byte before the end was written; the end itself has no receiver.
        }
    }

    /** Closes both sides for the given reason (the first reason is the one logged). */
    void cut(String reason) {
        cut.compareAndSet(null, reason);
        closeBoth();
    }

    private String cutOr(String outcome) {
        String c = cut.get();
        return c != null ? c : outcome;
    }

    private void closeBoth() {
        try {
            client.close();
        } catch (IOException ignored) {
            // Closing is best effort; the outcome already says what happened.
        }
        UpstreamLink l = link;
        if (l != null) {
            try {
                l.close();
            } catch (IOException ignored) {
                // As above.
            }
        }
    }

    /** Each socket read waits at most this long before checking the connection's idle time. */
    static Duration readTimeout(Duration idle) {
        if (idle.isZero()) {
            return Duration.ZERO;
        }
        Duration half = idle.dividedBy(2);
        return half.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : half;
    }

    /** A handshake failure; a TLS 1.2 client refused for lacking the extended master secret names the option. */
    private static String describeHandshake(IOException e) {
        if (e instanceof TlsFatalAlertException f && f.reason() == Reason.PeerIncompatible.NO_EXTENDED_MASTER_SECRET) {
            return f.getMessage() + "; start the gateway with --allow-no-ems to accept such clients (sent alert "
                    + f.sent().rfcName() + ")";
        }
        return describe(e);
    }

    static String describe(IOException e) {
        if (e instanceof TlsFatalAlertException f) {
            return f.getMessage() + " (sent alert " + f.sent().rfcName() + ")";
        }
        if (e instanceof TlsException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 && ms > 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
