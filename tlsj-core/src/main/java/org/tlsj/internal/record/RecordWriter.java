package org.tlsj.internal.record;

import java.nio.ByteBuffer;
import org.tlsj.TlsFatalAlertException;

/**
 * Writes records for the peer: fragments to the allowed size, protects them once keys are installed,
 * and queues them in an {@link OutputBuffer}. Protected records are sealed in place in that buffer.
 */
public final class RecordWriter {
    private final OutputBuffer output = new OutputBuffer();
    private final boolean client;
    private RecordProtection protection;
    private int peerRecordSizeLimit;
    private int maxFragment = RecordDeframer.MAX_PLAINTEXT;
    private boolean firstWritten;

    /**
     * Creates a writer.
     *
     * @param client whether this is the client (its first ClientHello record says 0x0301)
     */
    public RecordWriter(boolean client) {
        this.client = client;
    }

    /** Protects every record from now on. */
    public void protect(RecordProtection p) {
        protection = p;
        if (peerRecordSizeLimit > 0) {
            maxFragment = Math.min(RecordDeframer.MAX_PLAINTEXT, peerRecordSizeLimit - 1);
        }
    }

    /** RFC 8449: the peer's limit counts the content type byte, and applies to protected records. */
    public void peerRecordSizeLimit(int limit) {
        peerRecordSizeLimit = limit;
        if (protection != null) {
            maxFragment = Math.min(RecordDeframer.MAX_PLAINTEXT, limit - 1);
        }
    }

    /** Records protected under the current key. */
    public long sequence() {
        return protection == null ? 0 : protection.sequence();
    }

    /** Writes {@code len} bytes of one content type, in as many records as needed (at least one). */
    public void write(int type, byte[] data, int off, int len) throws TlsFatalAlertException {
        do {
            int n = Math.min(len, protection == null ? RecordDeframer.MAX_PLAINTEXT : maxFragment);
            int at = reserve(n);
            System.arraycopy(data, off, output.array(), at + RecordDeframer.HEADER_LENGTH + contentOffset(), n);
            commit(type, at, n);
            off += n;
            len -= n;
        } while (len > 0);
    }

    /** Writes one protected record of application data taken from {@code src}; returns its sequence number. */
    public long writeApplicationData(ByteBuffer src) throws TlsFatalAlertException {
        int n = Math.min(src.remaining(), maxFragment);
        int at = reserve(n);
        src.get(output.array(), at + RecordDeframer.HEADER_LENGTH + contentOffset(), n);
        commit(ContentType.APPLICATION_DATA, at, n);
        return protection.sequence();
    }

    /** The one unprotected change_cipher_spec record of middlebox compatibility mode (RFC 8446 D.4). */
    public void writeChangeCipherSpec() {
        int at = output.reserve(RecordDeframer.HEADER_LENGTH + 1);
        header(output.array(), at, ContentType.CHANGE_CIPHER_SPEC, 1);
        output.array()[at + RecordDeframer.HEADER_LENGTH] = 1;
        output.commit(RecordDeframer.HEADER_LENGTH + 1);
    }

    private int reserve(int n) {
        int overhead = protection == null ? 0 : protection.overhead();
        return output.reserve(RecordDeframer.HEADER_LENGTH + n + overhead);
    }

    private int contentOffset() {
        return protection == null ? 0 : protection.contentOffset();
    }

    private void commit(int type, int at, int n) throws TlsFatalAlertException {
        if (protection == null) {
            header(output.array(), at, type, n);
            output.commit(RecordDeframer.HEADER_LENGTH + n);
        } else {
            output.commit(protection.seal(type, output.array(), at, n));
        }
        firstWritten = true;
    }

    private void header(byte[] a, int at, int type, int n) {
        a[at] = (byte) type;
        a[at + 1] = 0x03;
        // RFC 8446 section 5.1: only the client's initial ClientHello record MAY say 0x0301.
        a[at + 2] = (byte) (client && !firstWritten ? 0x01 : 0x03);
        a[at + 3] = (byte) (n >>> 8);
        a[at + 4] = (byte) n;
    }

    /** Moves queued bytes into {@code dst}. */
    public int drain(ByteBuffer dst) {
        return output.drain(dst);
    }

    /** Drops the output buffer if nothing is queued (see {@link OutputBuffer#release}). */
    public void release() {
        output.release();
    }

    /** The output buffer's size now (for tests: how much an idle connection holds here). */
    public int capacity() {
        return output.capacity();
    }

    /** Bytes queued. */
    public int pending() {
        return output.pending();
    }
}
