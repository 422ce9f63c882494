package org.tlsj.internal.record;

import java.util.Arrays;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * Joins handshake record bodies into whole handshake messages: a message may span records and a record
 * may carry several messages (RFC 8446 section 5.1). Bounded by the largest message accepted.
 */
public final class HandshakeAssembler {
    private static final byte[] NONE = new byte[0];
    private final int maxMessage;
    private byte[] buf = new byte[1024];
    private int filled;

    /**
     * Creates an assembler.
     *
     * @param maxMessage the largest handshake message body accepted
     */
    public HandshakeAssembler(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** Appends a handshake record's content. */
    public void add(byte[] src, int off, int len) throws TlsFatalAlertException {
        if (filled + len > buf.length) {
            int needed = filled + len;
            if (needed > maxMessage + 4 + RecordDeframer.MAX_PLAINTEXT) {
                throw Fatal.of(Reason.InvalidMessage.MESSAGE_TOO_LARGE, "more than " + maxMessage + " bytes");
            }
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
        System.arraycopy(src, off, buf, filled, len);
        filled += len;
        if (filled >= 4) {
            checkLength();
        }
    }

    private void checkLength() throws TlsFatalAlertException {
        int len = ((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff);
        if (len > maxMessage) {
            throw Fatal.of(Reason.InvalidMessage.MESSAGE_TOO_LARGE,
                    "a message of " + len + " bytes; the limit is " + maxMessage);
        }
    }

    /** The next whole message, header included, or null if none is complete. */
    public Bytes next() throws TlsFatalAlertException {
        if (filled < 4) {
            return null;
        }
        checkLength();
        int total = 4 + (((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff));
        if (filled < total) {
            return null;
        }
        Bytes message = Bytes.of(buf, 0, total);
        System.arraycopy(buf, total, buf, 0, filled - total);
        filled -= total;
        return message;
    }

    /** The buffer's size now (for tests: how much an idle connection holds here). */
    public int capacity() {
        return buf.length;
    }

    /**
     * Drops the buffer if no message is partly buffered; the next {@link #add} allocates what it needs. After
     * the handshake, messages are rare (tickets, KeyUpdate), so an idle connection need not hold a buffer.
     */
    public void release() {
        if (filled == 0) {
            buf = NONE;
        }
    }

    /** Whether part of a message is buffered (keys must not change then). */
    public boolean hasPartial() {
        return filled > 0;
    }
}
