package org.tlsj.jsse;

import java.nio.ByteBuffer;
import org.tlsj.TlsConnection;

/**
 * The bytes an engine has taken from its {@link TlsConnection} but not yet handed to the application's
 * network buffer: handshake flights can be larger than one packet buffer, so they wait here.
 */
final class Outbound {
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** Moves everything the connection wants to send into this buffer. */
    void pullFrom(TlsConnection conn) {
        if (conn == null || !conn.hasPendingOutput()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(pending.remaining() + TlsjSession.PACKET_BUFFER_SIZE);
        buf.put(pending);
        while (conn.hasPendingOutput()) {
            if (!buf.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            conn.drainOutput(buf);
        }
        buf.flip();
        pending = buf;
    }

    /** Takes up to {@code max} bytes from the buffers, in order, into a new buffer ready to read. */
    static ByteBuffer gather(ByteBuffer[] srcs, int offset, int length, int max) {
        ByteBuffer plain = ByteBuffer.allocate(max);
        for (int i = offset; i < offset + length && plain.hasRemaining(); i++) {
            ByteBuffer s = srcs[i];
            int k = Math.min(s.remaining(), plain.remaining());
            plain.put(s.slice(s.position(), k));
            s.position(s.position() + k);
        }
        return plain.flip();
    }

    boolean hasRemaining() {
        return pending.hasRemaining();
    }

    int remaining() {
        return pending.remaining();
    }

    /** Copies as much as fits into {@code dst}; returns the count. */
    int copyTo(ByteBuffer dst) {
        int k = Math.min(pending.remaining(), dst.remaining());
        dst.put(pending.slice(pending.position(), k));
        pending.position(pending.position() + k);
        return k;
    }
}
