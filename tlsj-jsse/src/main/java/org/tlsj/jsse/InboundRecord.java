package org.tlsj.jsse;

import java.nio.ByteBuffer;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;

/**
 * The header of the next TLS record in an unwrap source buffer, and the plaintext delivery into the
 * application's buffers: the buffer arithmetic of {@code SSLEngine.unwrap}.
 *
 * @param type the content type
 * @param length the record's length field
 * @param size the bytes to hand to the connection: the whole record, or only the header of an oversized one
 *             (the connection then rejects it)
 */
record InboundRecord(int type, int length, int size) {
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    private static final int MAX_RECORD = 16384 + 2048;

    /** The header at {@code src}'s position without consuming it; null if fewer than 5 bytes are there. */
    static InboundRecord peek(ByteBuffer src) {
        if (src.remaining() < 5) {
            return null;
        }
        int p = src.position();
        int len = ((src.get(p + 3) & 0xff) << 8) | (src.get(p + 4) & 0xff);
        return new InboundRecord(src.get(p) & 0xff, len, len > MAX_RECORD ? 5 : 5 + len);
    }

    /** Whether the length field is beyond anything TLS allows. */
    boolean oversized() {
        return length > MAX_RECORD;
    }

    /** Whether {@code src} holds the whole record. */
    boolean complete(ByteBuffer src) {
        return src.remaining() >= size;
    }

    /** The room in the buffers {@code bufs[offset .. offset+length)}. */
    static long remaining(ByteBuffer[] bufs, int offset, int length) {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += bufs[i].remaining();
        }
        return n;
    }

    /** Moves the connection's pending plaintext into the buffers, in order; returns the bytes moved. */
    static int deliver(TlsConnection conn, ByteBuffer[] dsts, int offset, int length) throws TlsException {
        int n = 0;
        for (int i = offset; i < offset + length && conn.hasPendingPlaintext(); i++) {
            while (dsts[i].hasRemaining() && conn.hasPendingPlaintext()) {
                int k = conn.read(dsts[i]);
                if (k == 0) {
                    break;
                }
                n += k;
            }
        }
        return n;
    }
}
