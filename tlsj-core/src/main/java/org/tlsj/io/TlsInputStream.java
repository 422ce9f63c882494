package org.tlsj.io;

import java.io.IOException;
import java.io.InputStream;

/** The plaintext input side of a {@link TlsSocket}. */
final class TlsInputStream extends InputStream {
    private final TlsSocket socket;

    TlsInputStream(TlsSocket socket) {
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = socket.readPlaintext(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return socket.readPlaintext(b, off, len);
    }

    @Override
    public int available() {
        return socket.hasPendingPlaintext() ? 1 : 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
