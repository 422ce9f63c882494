package org.tlsj.bogo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.tlsj.ConnectionStatus;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;

/**
 * One TLS connection of a test, pumped over the runner's TCP socket with blocking reads: bytes from the
 * socket are fed to the engine (one byte at a time under {@code -async}, which is how the shim exercises
 * every split of the input), and whatever the engine queues, alerts after a failure included, is written
 * out before anything else happens.
 */
final class ShimConnection implements AutoCloseable {
    private static final int DRAIN_MILLIS = 2_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TlsConnection tls;
    private final boolean async;
    private final ByteBuffer fromPeer = ByteBuffer.allocate(1 << 17).flip();
    private final ByteBuffer toPeer = ByteBuffer.allocate(1 << 17);

    ShimConnection(Socket socket, TlsConnection tls, boolean async) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.tls = tls;
        this.async = async;
    }

    TlsConnection tls() {
        return tls;
    }

    /** Runs the handshake to completion: sends our first flight, then reads and answers until done. */
    void handshake() throws IOException {
        flush();
        while (!tls.isHandshakeComplete()) {
            if (!process() && !receive()) {
                throw new EOFException("the peer closed the connection during the handshake");
            }
        }
    }

    /**
     * Reads up to {@code max} bytes of application data, waiting for the peer as needed.
     *
     * @return the bytes, or null once the peer has closed (close_notify or end of stream)
     */
    byte[] read(int max) throws IOException {
        while (true) {
            if (tls.hasPendingPlaintext()) {
                ByteBuffer b = ByteBuffer.allocate(max);
                tls.read(b);
                b.flip();
                byte[] data = new byte[b.remaining()];
                b.get(data);
                return data;
            }
            if (inboundClosed()) {
                return null;
            }
            if (!process() && !receive()) {
                return null;
            }
        }
    }

    /** Whether the peer's close_notify has arrived. */
    boolean inboundClosed() {
        ConnectionStatus s = tls.status();
        return s == ConnectionStatus.INBOUND_CLOSED || s == ConnectionStatus.CLOSED;
    }

    /** Protects and sends application data. */
    void write(byte[] data) throws IOException {
        tls.write(ByteBuffer.wrap(data));
        flush();
    }

    /** Sends close_notify. */
    void sendCloseNotify() throws IOException {
        tls.closeOutbound();
        flush();
    }

    /** Sends a KeyUpdate that does not ask the peer to update. */
    void keyUpdate() throws IOException {
        tls.requestKeyUpdate(false);
        flush();
    }

    /** Writes everything the engine has queued, alerts included. */
    void flush() throws IOException {
        while (tls.hasPendingOutput()) {
            toPeer.clear();
            tls.drainOutput(toPeer);
            out.write(toPeer.array(), 0, toPeer.position());
        }
        out.flush();
    }

    /**
     * Feeds the bytes received so far, then sends what the engine queued (also when it failed).
     *
     * @return whether any byte was consumed
     */
    private boolean process() throws TlsException, IOException {
        int start = fromPeer.position();
        try {
            while (fromPeer.hasRemaining()) {
                int before = fromPeer.position();
                if (async) {
                    ByteBuffer one = fromPeer.slice(before, 1);
                    tls.feed(one);
                    fromPeer.position(before + one.position());
                } else {
                    tls.feed(fromPeer);
                }
                if (fromPeer.position() == before) {
                    break; // the plaintext buffer is full: the caller reads it first
                }
            }
        } finally {
            flush();
        }
        return fromPeer.position() != start;
    }

    /** Reads more bytes from the socket; false at the end of the stream. */
    private boolean receive() throws IOException {
        fromPeer.compact();
        int n = in.read(fromPeer.array(), fromPeer.position(), fromPeer.remaining());
        if (n > 0) {
            fromPeer.position(fromPeer.position() + n);
        }
        fromPeer.flip();
        return n > 0;
    }

    /**
     * Closes gracefully, as BoringSSL's shim does: half-close, then drain what the runner still sends for a
     * short while, so the runner reads our last bytes (an alert) instead of a connection reset.
     */
    @Override
    public void close() {
        try (socket) {
            socket.shutdownOutput();
            socket.setSoTimeout(DRAIN_MILLIS);
            byte[] sink = new byte[4096];
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
            while (in.read(sink) >= 0 && System.nanoTime() < deadline) {
                // discard
            }
        } catch (SocketTimeoutException e) {
            // the runner kept the connection open; closing it now is all that is left
        } catch (IOException e) {
            // the runner already closed or reset the connection
        }
    }
}
