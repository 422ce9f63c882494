package org.tlsj.cli.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tlsj.ServerConnection;
import org.tlsj.io.TlsSocket;

/**
 * A TLS-terminating TCP proxy: accepts TLS, and relays the decrypted bytes of each connection to the upstream
 * its SNI name routes to (see {@link Relay}). One virtual thread per connection (and one more for the return
 * direction), at most {@link GatewaySettings#maxConnections()} at once. New connections take the current
 * {@link ReloadingConfig}, so reloading certificates never touches open connections.
 */
public final class Gateway implements Closeable {
    private static final Duration CUT_GRACE = Duration.ofSeconds(2);
    private static final int ACCEPT_BACKLOG = 512;

    private final ServerSocket listener;
    private final GatewaySettings settings;
    private final ReloadingConfig config;
    private final Consumer<String> log;
    private final Semaphore slots;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean shutdownStarted = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Thread acceptor;
    private volatile boolean stopping;
    private volatile Thread watcher;

    private Gateway(ServerSocket listener, GatewaySettings settings, ReloadingConfig config, Consumer<String> log) {
        this.listener = listener;
        this.settings = settings;
        this.config = config;
        this.log = log;
        this.slots = new Semaphore(settings.maxConnections());
        this.acceptor = Thread.ofVirtual().name("tlsj-gateway-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts accepting.
     *
     * @param settings how to run
     * @param config the TLS settings, reloadable
     * @param log receives one line per connection and a line per notable event; called from many threads
     * @return the running gateway
     * @throws IOException if the address cannot be bound
     */
    public static Gateway start(GatewaySettings settings, ReloadingConfig config, Consumer<String> log)
            throws IOException {
        Objects.requireNonNull(config);
        Objects.requireNonNull(log);
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(settings.listen(), ACCEPT_BACKLOG);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        Gateway g = new Gateway(s, settings, config, log);
        g.acceptor.start();
        return g;
    }

    /** The address listened on (with the real port when bound to port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The port listened on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Connections open now. */
    public int openConnections() {
        return settings.maxConnections() - slots.availablePermits();
    }

    /** The TLS settings new connections get. */
    public ReloadingConfig config() {
        return config;
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.accept("gateway: accept failed: " + Relay.describe(e));
                }
                continue;
            }
            long id = ids.incrementAndGet();
            if (!slots.tryAcquire()) {
                refuse(s, id, "refused: " + settings.maxConnections() + " connections open (--max-connections)");
                continue;
            }
            Thread worker = Thread.ofVirtual().name("tlsj-gateway-" + id).unstarted(() -> serve(s, id));
            workers.add(worker);
            worker.start();
        }
    }

    private void refuse(Socket s, long id, String why) {
        String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        try {
            s.close();
        } catch (IOException ignored) {
            // Refusing anyway.
        }
        log.accept(new AccessLogEntry(Instant.now(), id, peer, Optional.empty(), Optional.empty(), 0, 0, 0, why)
                .line());
    }

    private void serve(Socket s, long id) {
        AccessLogEntry entry;
        try {
            s.setTcpNoDelay(true);
            TlsSocket tls = TlsSocket.server(s, ServerConnection.accept(config.current()),
                    settings.handshakeTimeout(), Relay.readTimeout(settings.idleTimeout()));
            Relay relay = new Relay(id, s, tls, settings);
            relays.add(relay);
            try {
                if (stopping) {
                    relay.cut("refused: the gateway is shutting down");
                }
                entry = relay.run();
            } finally {
                relays.remove(relay);
            }
        } catch (IOException | RuntimeException e) {
            String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
            try {
                s.close();
            } catch (IOException ignored) {
                // Already failing.
            }
            entry = new AccessLogEntry(Instant.now(), id, peer, Optional.empty(), Optional.empty(), 0, 0, 0,
                    "failed: " + e);
        } finally {
            slots.release(); // before the log line, so whoever reads it can count on the free slot
        }
        try {
            log.accept(entry.line());
        } finally {
            workers.remove(Thread.currentThread());
        }
    }

    /**
     * Checks the certificate files every {@code interval} and reloads them when they changed; logs each reload.
     *
     * @param interval time between checks
     */
    public void watchCertificates(Duration interval) {
        Thread t = Thread.ofVirtual().name("tlsj-gateway-watch").start(() -> {
            while (!stopping) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (config.reloadIfChanged()) {
                        log.accept("gateway: certificate files changed; new connections use the new certificates");
                    }
                } catch (IOException | IllegalArgumentException e) {
                    log.accept("gateway: certificate reload failed, keeping the current certificates: " + message(e));
                }
            }
        });
        watcher = t;
    }

    /**
     * Reloads the certificate files now (on SIGHUP); open connections are not touched.
     *
     * @param why what asked for the reload, for the log
     * @return whether the new certificates are in use
     */
    public boolean reloadCertificates(String why) {
        try {
            config.reload();
            log.accept("gateway: certificates reloaded (" + why + "); new connections use them");
            return true;
        } catch (IOException | IllegalArgumentException e) {
            log.accept("gateway: certificate reload failed (" + why + "), keeping the current certificates: "
                    + message(e));
            return false;
        }
    }

    /**
     * Stops accepting new connections and returns once the port is closed (new clients are refused); open
     * connections keep running.
     */
    public void stopAccepting() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener only fails if it is already gone.
        }
        Thread w = watcher;
        if (w != null) {
            w.interrupt();
        }
        try {
            // The socket of a virtual thread blocked in accept is only released when that thread wakes up.
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for open connections to finish; after {@code timeout}, cuts those still open. Call after
     * {@link #stopAccepting()}.
     *
     * @param timeout how long open connections may take
     * @return whether every connection finished by itself in time
     */
    public boolean awaitDrained(Duration timeout) {
        boolean clean = true;
        try {
            acceptor.join();
            clean = joinWorkers(timeout);
            if (!clean) {
                for (Relay r : relays) {
                    r.cut("cut at shutdown: still open after the drain timeout of " + Relay.human(timeout));
                }
                joinWorkers(CUT_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        return clean;
    }

    /**
     * Graceful shutdown, as on SIGTERM: stops accepting, lets open connections finish for up to {@code drain},
     * then cuts the rest. Only the first call does the work; later ones wait for it.
     *
     * @param drain how long open connections may take
     * @return whether every connection finished by itself in time (false for later calls)
     */
    public boolean shutdown(Duration drain) {
        if (!shutdownStarted.compareAndSet(false, true)) {
            awaitTerminationQuietly();
            return false;
        }
        try {
            stopAccepting();
            int open = openConnections();
            if (open > 0) {
                log.accept("gateway: stopping; waiting up to " + Relay.human(drain) + " for " + open
                        + " open connection" + (open == 1 ? "" : "s"));
            }
            boolean clean = awaitDrained(drain);
            log.accept("gateway: stopped");
            return clean;
        } finally {
            terminated.countDown();
        }
    }

    /** Blocks until {@link #shutdown} has finished. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    private void awaitTerminationQuietly() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean joinWorkers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return workers.isEmpty();
            }
        }
        return workers.isEmpty();
    }

    /** Shuts down without waiting for open connections. */
    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static String message(Exception e) {
        return e instanceof IOException io ? Relay.describe(io) : String.valueOf(e.getMessage());
    }
}
