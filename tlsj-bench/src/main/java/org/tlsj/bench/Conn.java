package org.tlsj.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One established TLS connection of either stack, seen as two streams, for the loopback harness.
 *
 * @param socket what closing closes (a TlsSocket or an SSLSocket)
 * @param in the plaintext input
 * @param out the plaintext output
 * @param resumed whether the handshake resumed a session (false when the stack cannot tell)
 */
public record Conn(Closeable socket, InputStream in, OutputStream out, boolean resumed) implements Closeable {
    /** Sends one byte and waits for it to come back: both handshakes are then complete, tickets received. */
    public void ping() throws IOException {
        out.write('P');
        out.flush();
        if (in.read() != 'P') {
            throw new IOException("the server did not echo the ping");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Opens connections: a client of one stack with one configuration. */
    @FunctionalInterface
    public interface Dialer {
        /** Connects to 127.0.0.1:{@code port}, completes the handshake and pings the server once. */
        Conn dial(int port) throws IOException;
    }

    /** Accepts connections: a listening server of one stack. */
    public interface Acceptor extends Closeable {
        /** The next connection; its handshake may run on first read. */
        Conn accept() throws IOException;

        /** The port listened on. */
        int port();
    }
}
