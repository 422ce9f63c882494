package org.tlsj.cli.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.tlsj.TlsException;
import org.tlsj.cli.common.Failures;

/**
 * One connection of the {@link GreetingServer}: its number, peer, engine and the thread running its
 * exchange, the phase it is in for the slow-client guard, and whether its log line was written.
 */
final class ServerConnection {
    /** Where the exchange is, as far as the guard cares. */
    enum Phase {
        /** Handshake and request head: must be done within the timeout. */
        HEAD,
        /** The handler runs (body, answer): must be done within another timeout. */
        BODY,
        /** Logged; no guard applies. */
        DONE,
        /** A guard fired: the thread was interrupted, which closed the channel. */
        EXPIRED
    }

    private final long id;
    private final ObservedEngine engine;
    private final Thread thread;
    private final long start = System.nanoTime();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.HEAD);
    private final AtomicBoolean logged = new AtomicBoolean();
    private volatile Phase expiredIn;
    private volatile InetSocketAddress peer;
    private volatile Future<?> guard;

    ServerConnection(long id, ObservedEngine engine, Thread thread) {
        this.id = id;
        this.engine = engine;
        this.thread = thread;
    }

    long id() {
        return id;
    }

    void peer(InetSocketAddress address) {
        peer = address;
    }

    /** The handler has the request: the head arrived in time. */
    void headReceived() {
        phase.compareAndSet(Phase.HEAD, Phase.BODY);
    }

    /** The scheduled guard of the current phase, cancelled when the phase ends so it holds nothing after. */
    void guardedBy(Future<?> scheduled) {
        Future<?> previous = guard;
        guard = scheduled;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** The guard for {@code p}: if the connection is still there, interrupt its thread. */
    void expire(Phase p) {
        if (phase.compareAndSet(p, Phase.EXPIRED)) {
            expiredIn = p;
            thread.interrupt();
        }
    }

    /** Ends the guard; true the first time only (whoever gets true writes the log line). */
    boolean finish() {
        phase.compareAndSet(Phase.HEAD, Phase.DONE);
        phase.compareAndSet(Phase.BODY, Phase.DONE);
        Future<?> scheduled = guard;
        if (scheduled != null) {
            scheduled.cancel(false); // else the guard keeps this connection (engine, buffers) until it fires
        }
        return logged.compareAndSet(false, true);
    }

    /** "#n host:port". */
    String who() {
        InetSocketAddress a = peer;
        if (a == null) {
            return "#" + id;
        }
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return "#" + id + " " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** "in=nB out=nB": TLS bytes on the wire. */
    String traffic() {
        return "in=" + engine.bytesIn() + "B out=" + engine.bytesOut() + "B";
    }

    /** Time since the engine was made. */
    String elapsed() {
        return GreetingServer.millis(System.nanoTime() - start);
    }

    /** The log line of a connection whose request never reached the handler. */
    String failureLine(Duration timeout) {
        boolean tls = engine.handshakeFinished();
        String stage = tls ? "" : "TLS handshake failed: ";
        SSLException e = engine.failure();
        String what;
        if (expiredIn != null) {
            what = "failed: " + (tls ? "request header not complete within " : "TLS handshake failed: not complete within ")
                    + timeout.toMillis() + " ms";
        } else if (e != null) {
            what = "failed: " + stage + (e.getCause() instanceof TlsException t ? Failures.describeRefusal(t, "server")
                    : Failures.lowerFirst(String.valueOf(e.getMessage())));
        } else if (!tls) {
            what = "failed: TLS handshake failed: the connection ended during the handshake";
        } else {
            what = "sent no complete request (none, or one the HTTP layer refused)";
        }
        return who() + " " + what + " " + traffic() + " (" + elapsed() + ")";
    }
}
