package org.tlsj.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.ServerConnection;
import org.tlsj.SessionInfo;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;

/**
 * A blocking TLS socket: pumps a sans-IO {@link TlsConnection} over a plain {@link Socket}. Written for
 * virtual threads: ordinary blocking socket calls, no {@code synchronized}, no engine lock held across I/O.
 *
 * <p>One thread may read while another writes. Three locks keep that safe: the read lock owns the socket's
 * input side, the write lock owns its output side (and keeps drained bytes in order), and the engine lock is
 * held only for calls into the connection, which is single-threaded. Lock order: read, then write, then
 * engine.
 *
 * <p>The handshake runs on the first {@link #handshake()}, read or write, bounded as a whole by the handshake
 * timeout. After it, every socket read is bounded by the read timeout ({@link Duration#ZERO} for none).
 */
public final class TlsSocket implements Closeable {
    /** Holds one whole record: 5-byte header, 2^14 bytes of content and 256 bytes of expansion, with room. */
    static final int NET_BUFFER_SIZE = 18 * 1024;
    /**
     * Where both socket buffers start: they grow (fourfold, up to {@link #NET_BUFFER_SIZE}) only when a
     * record or a burst of output needs it, so an idle connection holds 4 KiB here instead of 36 KiB.
     */
    static final int INITIAL_NET_BUFFER_SIZE = 2 * 1024;
    /** Plaintext handed to the connection per call, so queued output stays bounded. */
    private static final int WRITE_CHUNK = 16 * 1024;
    private static final long CLOSE_WAIT_MILLIS = 250;

    private final Socket socket;
    private final TlsConnection connection;
    private final String peer;
    private final Duration handshakeTimeout;
    private final Duration readTimeout;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock engineLock = new ReentrantLock();
    /** Bytes from the socket not yet consumed by the connection; kept in write mode. Guarded by readLock. */
    private ByteBuffer netIn = ByteBuffer.allocate(INITIAL_NET_BUFFER_SIZE);
    /** Bytes drained from the connection on their way to the socket. Guarded by writeLock. */
    private ByteBuffer netOut = ByteBuffer.allocate(INITIAL_NET_BUFFER_SIZE);
    private final InputStream in = new TlsInputStream(this);
    private final OutputStream out = new TlsOutputStream(this);
    /** Whether the last feed may have stopped early because the plaintext buffer was full. */
    private boolean feedPending;
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    private volatile long bytesReceived;
    private volatile long bytesSent;

    private TlsSocket(Socket socket, TlsConnection connection, String peer, Duration handshakeTimeout,
                      Duration readTimeout) throws IOException {
        this.socket = Objects.requireNonNull(socket);
        this.connection = Objects.requireNonNull(connection);
        this.peer = peer;
        this.handshakeTimeout = Timeouts.require(handshakeTimeout);
        this.readTimeout = Timeouts.require(readTimeout);
        this.rawIn = socket.getInputStream();
        this.rawOut = socket.getOutputStream();
    }

    /**
     * Connects to a server and completes the handshake.
     *
     * @param host the host to connect to
     * @param port the TCP port
     * @param config the client settings
     * @param serverName the name for SNI and certificate checking (see {@link ClientConnection#start})
     * @param handshakeTimeout bounds the TCP connect and, separately, the whole handshake
     * @param readTimeout bounds each later socket read; {@link Duration#ZERO} for none
     * @return the connected socket, handshake done
     * @throws IOException if the connection or the handshake fails ({@link TlsException} for TLS errors)
     */
    public static TlsSocket connect(String host, int port, ClientConfig config, String serverName,
                                    Duration handshakeTimeout, Duration readTimeout) throws IOException {
        String peer = hostPort(host, port);
        Socket s = new Socket();
        try {
            try {
                s.connect(new InetSocketAddress(host, port), Timeouts.millis(Timeouts.require(handshakeTimeout)));
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("connecting to " + peer + " timed out after "
                        + Timeouts.human(handshakeTimeout));
            }
            s.setTcpNoDelay(true);
            TlsSocket t = new TlsSocket(s, ClientConnection.start(config, serverName), peer, handshakeTimeout,
                    readTimeout);
            t.handshake();
            return t;
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /**
     * Wraps a connected socket as the client side; the handshake runs on first use or {@link #handshake()}.
     *
     * @param socket a connected socket
     * @param connection a freshly started client connection
     * @param handshakeTimeout bounds the whole handshake
     * @param readTimeout bounds each later socket read; {@link Duration#ZERO} for none
     * @return the TLS socket
     * @throws IOException if the socket's streams are unavailable
     */
    public static TlsSocket client(Socket socket, ClientConnection connection, Duration handshakeTimeout,
                                   Duration readTimeout) throws IOException {
        return new TlsSocket(socket, connection, remote(socket), handshakeTimeout, readTimeout);
    }

    /**
     * Wraps an accepted socket as the server side; the handshake runs on first use or {@link #handshake()}.
     *
     * @param socket an accepted socket
     * @param connection a fresh server connection
     * @param handshakeTimeout bounds the whole handshake
     * @param readTimeout bounds each later socket read; {@link Duration#ZERO} for none
     * @return the TLS socket
     * @throws IOException if the socket's streams are unavailable
     */
    public static TlsSocket server(Socket socket, ServerConnection connection, Duration handshakeTimeout,
                                   Duration readTimeout) throws IOException {
        return new TlsSocket(socket, connection, remote(socket), handshakeTimeout, readTimeout);
    }

    /**
     * Runs the handshake to completion if it has not run yet; returns at once afterwards.
     *
     * @throws SocketTimeoutException if the whole handshake takes longer than the handshake timeout
     * @throws TlsException if TLS fails (the alert has been sent to the peer)
     * @throws IOException if the socket fails or the peer closes it early
     */
    public void handshake() throws IOException {
        if (handshakeDone) {
            return;
        }
        readLock.lock();
        try {
            writeLock.lock();
            try {
                if (!handshakeDone) {
                    runHandshake();
                }
            } finally {
                writeLock.unlock();
            }
        } finally {
            readLock.unlock();
        }
    }

    private void runHandshake() throws IOException {
        ensureOpen();
        long deadline = System.nanoTime() + handshakeTimeout.toNanos();
        flushOutput();
        while (!handshakeComplete()) {
            long left = deadline - System.nanoTime();
            if (!handshakeTimeout.isZero() && left <= 0) {
                throw handshakeTimedOut();
            }
            socket.setSoTimeout(handshakeTimeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    TimeUnit.NANOSECONDS.toMillis(left))));
            int n;
            try {
                n = fill();
            } catch (SocketTimeoutException e) {
                throw handshakeTimedOut();
            }
            if (n < 0) {
                throw new EOFException("connection closed by " + peer + " during the TLS handshake");
            }
            feed();
            flushOutput();
        }
        socket.setSoTimeout(Timeouts.millis(readTimeout));
        handshakeDone = true;
    }

    private boolean handshakeComplete() {
        engineLock.lock();
        try {
            return connection.isHandshakeComplete();
        } finally {
            engineLock.unlock();
        }
    }

    private SocketTimeoutException handshakeTimedOut() {
        return new SocketTimeoutException("TLS handshake with " + peer + " timed out after " + Timeouts.human(handshakeTimeout));
    }

    /** Reads from the socket into netIn; caller holds readLock. */
    private int fill() throws IOException {
        if (!netIn.hasRemaining()) {
            if (netIn.capacity() >= NET_BUFFER_SIZE) {
                throw new IOException("record from " + peer + " does not fit the receive buffer");
            }
            netIn = grown(netIn); // only ever touched under readLock
        }
        int n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        if (n > 0) {
            netIn.position(netIn.position() + n);
            bytesReceived += n;
            if (!netIn.hasRemaining() && netIn.capacity() < NET_BUFFER_SIZE) {
                // A read filled it: data is arriving in bursts. The connection takes partial records, so the
                // buffer would otherwise never fill at the start of a read and stay small, costing a read
                // call per 2 KiB in bulk transfers (bulk throughput fell from 1.25 to 0.45 GB/s).
                netIn = grown(netIn);
            }
        }
        return n;
    }

    /** Gives netIn to the connection; on a TLS failure sends the pending alert, then rethrows. */
    private void feed() throws IOException {
        TlsException failure = null;
        engineLock.lock();
        try {
            netIn.flip();
            try {
                connection.feed(netIn);
            } catch (TlsException e) {
                failure = e;
            } finally {
                netIn.compact();
            }
            // A full plaintext buffer stops feeding early; records left (in netIn or inside the connection)
            // are fed again once the plaintext is read, before the socket is asked for more.
            feedPending = connection.hasPendingPlaintext();
        } finally {
            engineLock.unlock();
        }
        if (failure != null) {
            flushFailure();
            throw failure;
        }
    }

    /** Sends the alert a failure queued, best effort: the TLS failure is what the caller needs to see. */
    private void flushFailure() {
        try {
            flushOutput();
        } catch (IOException ignored) {
            // The peer may be gone already.
        }
    }

    /** The buffer's bytes (in write mode) in one four times larger, at most {@link #NET_BUFFER_SIZE}. */
    private static ByteBuffer grown(ByteBuffer b) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(NET_BUFFER_SIZE, b.capacity() * 4));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    /** Sends everything the connection has queued for the peer, in order. */
    private void flushOutput() throws IOException {
        writeLock.lock();
        try {
            boolean wrote = false;
            while (true) {
                engineLock.lock();
                try {
                    if (!connection.hasPendingOutput()) {
                        break;
                    }
                    netOut.clear();
                    if (connection.drainOutput(netOut) == netOut.capacity() && netOut.capacity() < NET_BUFFER_SIZE) {
                        netOut = grown(netOut); // a burst: fewer, larger writes from now on
                        connection.drainOutput(netOut);
                    }
                    netOut.flip();
                } finally {
                    engineLock.unlock();
                }
                rawOut.write(netOut.array(), netOut.arrayOffset(), netOut.limit());
                bytesSent += netOut.limit();
                wrote = true;
            }
            if (wrote) {
                rawOut.flush();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Reads plaintext for {@link TlsInputStream}. */
    int readPlaintext(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        handshake();
        readLock.lock();
        try {
            while (true) {
                ensureOpen();
                engineLock.lock();
                try {
                    if (connection.hasPendingPlaintext()) {
                        return connection.read(ByteBuffer.wrap(b, off, len));
                    }
                    ConnectionStatus status = connection.status();
                    if (status == ConnectionStatus.INBOUND_CLOSED || status == ConnectionStatus.CLOSED) {
                        return -1;
                    }
                    Optional<TlsException> failure = connection.failure();
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                } finally {
                    engineLock.unlock();
                }
                if (!feedPending) {
                    int n;
                    try {
                        n = fill();
                    } catch (SocketTimeoutException e) {
                        throw new SocketTimeoutException("no data from " + peer + " within " + Timeouts.human(readTimeout));
                    }
                    if (n < 0) {
                        throw new EOFException("connection closed without close_notify (truncation)");
                    }
                }
                feed();
                flushOutput();
            }
        } finally {
            readLock.unlock();
        }
    }

    /** Writes plaintext for {@link TlsOutputStream}. */
    void writePlaintext(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        handshake();
        writeLock.lock();
        try {
            ensureOpen();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                int chunk = Math.min(src.remaining(), WRITE_CHUNK);
                TlsException failure = null;
                engineLock.lock();
                try {
                    connection.write(src.slice(src.position(), chunk));
                } catch (IllegalStateException e) {
                    throw new IOException("cannot write to " + peer + ": the TLS connection is closed for sending", e);
                } catch (TlsException e) {
                    failure = e;
                } finally {
                    engineLock.unlock();
                }
                if (failure != null) {
                    flushFailure(); // the alert this failure queued goes out before the error
                    throw failure;
                }
                src.position(src.position() + chunk);
                flushOutput();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The decrypted data from the peer. {@code read} blocks until plaintext arrives, returns -1 after the
     * peer's close_notify, and throws an {@link EOFException} if the TCP connection ends without one.
     */
    public InputStream getInputStream() {
        return in;
    }

    /** Data for the peer: each write is protected and sent at once; {@code flush} has nothing left to do. */
    public OutputStream getOutputStream() {
        return out;
    }

    /**
     * What the handshake negotiated.
     *
     * @throws IllegalStateException if the handshake is not complete
     */
    public SessionInfo session() {
        engineLock.lock();
        try {
            return connection.session().orElseThrow(() -> new IllegalStateException("the TLS handshake is not complete"));
        } finally {
            engineLock.unlock();
        }
    }

    /** The connection this socket pumps. Do not drive it directly while the socket is in use. */
    public TlsConnection connection() {
        return connection;
    }

    /** The peer's address. */
    public SocketAddress remoteAddress() {
        return socket.getRemoteSocketAddress();
    }

    /** The peer as {@code host:port}, as used in error messages. */
    public String peer() {
        return peer;
    }

    /** The receive buffer's size now (for tests: it starts small and grows under bulk traffic). */
    int receiveBufferCapacity() {
        readLock.lock();
        try {
            return netIn.capacity();
        } finally {
            readLock.unlock();
        }
    }

    /** TLS bytes received from the socket so far (records, not plaintext). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** TLS bytes sent to the socket so far (records, not plaintext). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Whether decrypted data is buffered, so a read would not block. */
    boolean hasPendingPlaintext() {
        engineLock.lock();
        try {
            return connection.hasPendingPlaintext();
        } finally {
            engineLock.unlock();
        }
    }

    /**
     * Half-closes: sends close_notify so the peer reads the end of the data, but keeps reading what the peer
     * still sends (TLS 1.3 allows it, RFC 8446 section 6.1). Later writes fail. Does nothing before the
     * handshake, after {@link #close()}, or when close_notify was already sent. A proxy uses it to pass on the
     * end of one direction while the other still flows.
     *
     * @throws IOException if sending the alert fails
     */
    public void shutdownOutput() throws IOException {
        if (!handshakeDone || closed) {
            return;
        }
        writeLock.lock();
        try {
            engineLock.lock();
            try {
                ConnectionStatus s = connection.status();
                if (s == ConnectionStatus.ESTABLISHED || s == ConnectionStatus.INBOUND_CLOSED) {
                    connection.closeOutbound();
                }
            } finally {
                engineLock.unlock();
            }
            flushOutput();
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends close_notify if the handshake completed (best effort: skipped if a writer is stuck), then closes
     * the socket. After a failure of ours, whose alert is already sent, the socket is first half-closed and
     * what the peer still sends is read and dropped for a moment ({@link LingeringClose}): closing with unread
     * bytes would send a TCP reset that can destroy the alert. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (handshakeDone && writeLock.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                try {
                    engineLock.lock();
                    try {
                        ConnectionStatus s = connection.status();
                        if (s == ConnectionStatus.ESTABLISHED || s == ConnectionStatus.INBOUND_CLOSED) {
                            connection.closeOutbound();
                        }
                    } finally {
                        engineLock.unlock();
                    }
                    flushOutput();
                } catch (IOException ignored) {
                    // Best effort: the peer may have closed already.
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sentFatalAlert() && readLock.tryLock()) { // a blocked reader is woken by the close instead
                try {
                    LingeringClose.drain(socket);
                } finally {
                    readLock.unlock();
                }
            }
            socket.close();
        }
    }

    private boolean sentFatalAlert() {
        engineLock.lock();
        try {
            return connection.failure().orElse(null) instanceof TlsFatalAlertException;
        } finally {
            engineLock.unlock();
        }
    }

    void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("TLS socket to " + peer + " is closed");
        }
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String remote(Socket s) {
        return s.getInetAddress() == null ? "unconnected socket" : hostPort(s.getInetAddress().getHostAddress(), s.getPort());
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
