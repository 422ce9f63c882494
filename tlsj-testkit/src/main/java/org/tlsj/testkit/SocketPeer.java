package org.tlsj.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import org.tlsj.ClientConnection;

/** A tlsj client driven by hand over a raw socket, for tests that must see exactly what a server puts on the wire. */
public final class SocketPeer {
    private SocketPeer() {
    }

    /** Runs the client's handshake over {@code raw}, sending whatever the client queues. */
    public static void handshake(Socket raw, ClientConnection client) throws IOException {
        byte[] buf = new byte[16 * 1024];
        while (!client.isHandshakeComplete()) {
            raw.getOutputStream().write(TestPair.drain(client));
            int n = raw.getInputStream().read(buf);
            if (n < 0) {
                throw new IOException("the server closed during the handshake");
            }
            client.feed(ByteBuffer.wrap(buf, 0, n));
        }
        raw.getOutputStream().write(TestPair.drain(client));
    }

    /** Everything until end of stream; a reset fails the test (the peer could have lost an alert). */
    public static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketException e) {
            throw new AssertionError("reset after " + got.size() + " bytes: " + e, e);
        }
        return got.toByteArray();
    }
}
