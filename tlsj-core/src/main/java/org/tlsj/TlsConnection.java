package org.tlsj;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One TLS connection, sans-IO: bytes from the peer go in through {@link #feed}, bytes for the peer come out
 * of {@link #drainOutput}; application data goes through {@link #write} and {@link #read}. No sockets,
 * threads, clocks or randomness of its own. Not thread-safe: one thread drives a connection at a time.
 *
 * <p>Errors are sticky: after a fatal error every call that can fail throws the same exception, and the
 * alert we sent is still available from {@link #drainOutput}.
 */
public sealed interface TlsConnection permits EngineConnection {

    /**
     * Consumes bytes from the peer (advancing {@code src}'s position) and processes every complete record.
     * Any split of the input works, one byte at a time included. Decrypted application data is buffered
     * up to one record's worth; if that buffer is full, feeding stops early and leaves bytes in {@code src}.
     *
     * @throws TlsException on a fatal error (sticky)
     */
    void feed(ByteBuffer src) throws TlsException;

    /**
     * Moves pending bytes for the peer (handshake flights, alerts, protected data) into {@code dst}.
     *
     * @return the number of bytes moved
     */
    int drainOutput(ByteBuffer dst);

    /** Whether {@link #drainOutput} has bytes to give. */
    boolean hasPendingOutput();

    /**
     * Moves decrypted application data into {@code dst}.
     *
     * @return bytes moved; 0 if none is buffered
     */
    int read(ByteBuffer dst) throws TlsException;

    /** Whether decrypted application data is waiting for {@link #read}. */
    boolean hasPendingPlaintext();

    /**
     * Queues application data for protection and sending; only once the handshake is complete.
     *
     * @return bytes consumed (all of them)
     * @throws TlsException if the connection failed
     * @throws IllegalStateException if the handshake is not complete or the outbound side is closed
     */
    int write(ByteBuffer src) throws TlsException;

    /** Queues close_notify; later writes are refused. */
    void closeOutbound();

    /**
     * Sends a KeyUpdate after the handshake (RFC 8446 section 4.6.3).
     *
     * @param requestPeerUpdate whether to ask the peer to update its sending key too
     */
    void requestKeyUpdate(boolean requestPeerUpdate) throws TlsException;

    /**
     * Exports keying material bound to this connection (RFC 5705 for TLS 1.2, RFC 8446 section 7.5 for
     * TLS 1.3): both sides get the same bytes for the same label and context.
     *
     * @param label the exporter label, for example {@code "EXPORTER-my-protocol"}
     * @param context an optional context value
     * @param length how many bytes
     * @throws IllegalStateException before the handshake is complete
     */
    byte[] exportKeyingMaterial(String label, Optional<byte[]> context, int length) throws TlsException;

    /** Where the connection is in its life. */
    ConnectionStatus status();

    /** Whether the handshake is complete (application data may flow). */
    default boolean isHandshakeComplete() {
        ConnectionStatus s = status();
        return s == ConnectionStatus.ESTABLISHED || s == ConnectionStatus.INBOUND_CLOSED
                || s == ConnectionStatus.CLOSED;
    }

    /** What the handshake negotiated, once it is complete. */
    Optional<SessionInfo> session();

    /** The sticky failure, if the connection failed. */
    Optional<TlsException> failure();
}
