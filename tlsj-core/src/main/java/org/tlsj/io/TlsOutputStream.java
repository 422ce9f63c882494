package org.tlsj.io;

import java.io.IOException;
import java.io.OutputStream;

/** The plaintext output side of a {@link TlsSocket}: each write is protected and sent at once. */
final class TlsOutputStream extends OutputStream {
    private final TlsSocket socket;

    TlsOutputStream(TlsSocket socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        socket.writePlaintext(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        socket.writePlaintext(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        socket.ensureOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
