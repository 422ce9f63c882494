package org.tlsj.jsse;

import java.nio.ByteBuffer;
import org.tlsj.TlsConnection;

/**
 * The bytes an engine has taken from its {@link TlsConnection} but not yet handed to the application's
 * network buffer: handshake flights can be larger than one packet buffer, so they wait here. One buffer per
 * engine, allocated on first use and grown when a flight or record needs more, never allocated per call.
 */
final class Outbound {
    private static final int INITIAL = 4096;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);
    /** Ready to read. */
    private ByteBuffer pending = NONE;

    /** Moves everything the connection wants to send into this buffer. */
    void pullFrom(TlsConnection conn) {
        if (conn == null || !conn.hasPendingOutput()) {
            return;
        }
        ByteBuffer buf = pending == NONE ? ByteBuffer.allocate(INITIAL) : pending.compact();
        while (conn.hasPendingOutput()) {
            if (!buf.hasRemaining()) {
                buf = ByteBuffer.allocate(buf.capacity() * 2).put(buf.flip());
            }
            conn.drainOutput(buf);
        }
        pending = buf.flip();
    }

    /**
     * Moves the connection's output straight into {@code dst} when nothing waits here, as much as fits; the
     * rest is pulled in here. Returns the bytes put into {@code dst}.
     */
    int drainDirect(TlsConnection conn, ByteBuffer dst) {
        int n = 0;
        if (!pending.hasRemaining()) {
            while (conn.hasPendingOutput() && dst.hasRemaining()) {
                int k = conn.drainOutput(dst);
                if (k == 0) {
                    break;
                }
                n += k;
            }
        }
        pullFrom(conn);
        return n;
    }

    /**
     * Up to {@code max} bytes from the buffers, in order, consumed from them: a view of the first buffer when
     * it holds them all (the connection protects them at once, so no copy is needed), else a gathered copy.
     */
    static ByteBuffer gather(ByteBuffer[] srcs, int offset, int length, int max) {
        for (int i = offset; i < offset + length; i++) {
            ByteBuffer s = srcs[i];
            if (s.remaining() >= max) {
                ByteBuffer view = s.slice(s.position(), max);
                s.position(s.position() + max);
                return view;
            }
            if (s.hasRemaining()) {
                break;
            }
        }
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
