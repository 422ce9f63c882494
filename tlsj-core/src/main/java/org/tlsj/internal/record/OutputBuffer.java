package org.tlsj.internal.record;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bytes waiting to be sent to the peer. Grows only with what this side writes (the application decides),
 * never because the peer asked; compacts when drained so steady-state use allocates nothing.
 */
public final class OutputBuffer {
    private static final byte[] NONE = new byte[0];
    /** Starts small (an idle connection holds little) and grows to the largest burst written. */
    private byte[] buf = new byte[1024];
    private int start;
    private int end;

    /** Makes room for {@code n} more bytes and returns the offset to write them at. */
    public int reserve(int n) {
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (end + n > buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
            }
        }
        return end;
    }

    /** The backing array (valid until the next {@link #reserve}). */
    public byte[] array() {
        return buf;
    }

    /** Marks {@code n} bytes written at the offset {@link #reserve} returned. */
    public void commit(int n) {
        end += n;
    }

    /** Bytes waiting. */
    public int pending() {
        return end - start;
    }

    /** The buffer's size now (for tests: how much an idle connection holds here). */
    public int capacity() {
        return buf.length;
    }

    /**
     * Drops the buffer if nothing is waiting (the next {@link #reserve} allocates what it needs). For the end of
     * the handshake, whose flight made it larger than an idle connection needs; not for every record.
     */
    public void release() {
        if (start == end) {
            buf = NONE;
            start = 0;
            end = 0;
        }
    }

    /** Moves as many bytes as fit into {@code dst}. */
    public int drain(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), end - start);
        dst.put(buf, start, n);
        start += n;
        return n;
    }
}
