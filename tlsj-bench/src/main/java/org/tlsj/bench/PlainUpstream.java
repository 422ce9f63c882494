package org.tlsj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The plain TCP service the terminators of the gateway case stand in front of, on a virtual thread per
 * connection: it echoes what it reads, except that a read starting with {@code D} asks for the download
 * instead: {@link #DOWNLOAD_BYTES} bytes, then the end of the connection.
 */
final class PlainUpstream implements AutoCloseable {
    /** Bytes of the download: 64 MiB. */
    static final int DOWNLOAD_BYTES = 64 << 20;

    private static final byte[] CHUNK = new byte[256 * 1024];

    private final ServerSocket listener;
    private final Thread acceptor;

    PlainUpstream() throws IOException {
        listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("bench-upstream").start(this::acceptLoop);
    }

    /** The port it listens on, on 127.0.0.1. */
    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (buffer[0] == 'D') {
                    for (int sent = 0; sent < DOWNLOAD_BYTES; sent += CHUNK.length) {
                        out.write(CHUNK);
                    }
                    return;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException ignored) {
            // The terminator or the client went away: nothing to do for a bench upstream.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
