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
 * @param size the bytes to hand to the connection: the whole record, or only as much of the header as shows
 *             that it cannot be a TLS record (an oversized length, an unknown content type such as an SSL 2.0
 *             header's first byte, a version that is not 3.x): the connection then rejects it at once
 */
record InboundRecord(int type, int length, int size) {
    static final int CHANGE_CIPHER_SPEC = 20;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    private static final int MAX_RECORD = 16384 + 2048;

    /**
     * The header at {@code src}'s position without consuming it; null if fewer than 5 bytes are there and those
     * could still start a record. A first byte that is no content type, or a second that is no 3, is handed on
     * alone (length 0): waiting for the rest of a header or for a length would wait for a peer that is not
     * speaking TLS (an SSL 2.0 ClientHello, an HTTP request).
     */
    static InboundRecord peek(ByteBuffer src) {
        int p = src.position();
        if (src.remaining() >= 1 && !isContentType(src.get(p) & 0xff)) {
            return new InboundRecord(src.get(p) & 0xff, 0, 1);
        }
        if (src.remaining() >= 2 && src.get(p + 1) != 3) {
            return new InboundRecord(src.get(p) & 0xff, 0, 2);
        }
        if (src.remaining() < 5) {
            return null;
        }
        int len = ((src.get(p + 3) & 0xff) << 8) | (src.get(p + 4) & 0xff);
        return new InboundRecord(src.get(p) & 0xff, len, len > MAX_RECORD ? 5 : 5 + len);
    }

    private static boolean isContentType(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA;
    }

    /** Whether only a bad header prefix or header is handed on: the connection rejects it, no task needed. */
    boolean malformed() {
        return size < 5 + length;
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
