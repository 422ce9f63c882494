package org.tlsj.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The end of a connection we failed with a fatal alert, once the alert is written: half-close (FIN after the
 * alert), then read and drop what the peer still sends, for a bounded time and amount, before the socket is
 * closed. Closing a socket with unread bytes makes the kernel answer with a TCP reset instead of a FIN, and a
 * reset may destroy the alert before the peer reads it: the staged disconnect of RFC 9112 section 9.6.
 * {@link TlsSocket} does this itself; other socket adapters over a {@code TlsConnection} (the JSSE provider's)
 * call {@link #drain}.
 */
public final class LingeringClose {
    /** The longest a close waits for the peer's end of stream. */
    public static final Duration TIME = Duration.ofMillis(500);
    /** The most bytes read and dropped; a peer that sends more gets the reset. */
    public static final int MAX_BYTES = 1 << 20;

    private LingeringClose() {
    }

    /**
     * Half-closes {@code socket} and reads its input until end of stream, {@link #TIME} or {@link #MAX_BYTES};
     * never throws. The caller makes sure no other thread reads the socket meanwhile, and closes it afterwards.
     *
     * @param socket a connected socket whose last bytes out (the alert) are written
     */
    public static void drain(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            socket.shutdownOutput();
            long deadline = System.nanoTime() + TIME.toNanos();
            byte[] sink = new byte[8192];
            long total = 0;
            while (total < MAX_BYTES) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                int n = in.read(sink);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException e) {
            // Timed out, reset or closed already: the socket is closed next either way.
        }
    }
}
