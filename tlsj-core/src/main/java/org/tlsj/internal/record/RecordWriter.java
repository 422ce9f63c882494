package org.tlsj.internal.record;

import java.nio.ByteBuffer;
import org.tlsj.AlertDescription;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * Writes records for the peer: coalesces a flight's handshake messages, fragments to the allowed size,
 * protects records once keys are installed, and queues them in an {@link OutputBuffer}. Protected records
 * are sealed in place in that buffer.
 */
public final class RecordWriter {
    private final OutputBuffer output = new OutputBuffer();
    private final boolean client;
    /** Records sealed under one TLS 1.3 key before an automatic KeyUpdate; 0 for the AEAD's limit. */
    private final long keyUpdateRecordLimit;
    private RecordProtection protection;
    private long writeRecordLimit = Long.MAX_VALUE;
    private int peerRecordSizeLimit;
    private int maxFragment = RecordDeframer.MAX_PLAINTEXT;
    private boolean firstWritten;
    private boolean compatCcsSent;
    /** Handshake messages of the flight being built; null between flights (an idle connection holds none). */
    private ByteWriter pendingHandshake;

    /**
     * Creates a writer.
     *
     * @param client whether this is the client (its first ClientHello record says 0x0301)
     * @param keyUpdateRecordLimit records sealed under one TLS 1.3 key before a KeyUpdate; 0 for the AEAD's limit
     */
    public RecordWriter(boolean client, long keyUpdateRecordLimit) {
        this.client = client;
        this.keyUpdateRecordLimit = keyUpdateRecordLimit;
    }

    /** Protects every record from now on; the queued handshake messages go out under the old protection. */
    public void protect(RecordProtection p) throws TlsFatalAlertException {
        flushHandshake();
        protection = p;
        if (peerRecordSizeLimit > 0) {
            maxFragment = Math.min(RecordDeframer.MAX_PLAINTEXT, peerRecordSizeLimit - 1);
        }
        long limit = p.keyUpdateLimit();
        // RFC 8446 section 5.5: rekey before the AEAD's limit; TLS 1.2 (no KeyUpdate) never does.
        writeRecordLimit = limit == 0 ? Long.MAX_VALUE : keyUpdateRecordLimit > 0 ? keyUpdateRecordLimit : limit;
    }

    /** RFC 8449: the peer's limit counts the content type byte, and applies to protected records. */
    public void peerRecordSizeLimit(int limit) {
        peerRecordSizeLimit = limit;
        if (protection != null) {
            maxFragment = Math.min(RecordDeframer.MAX_PLAINTEXT, limit - 1);
        }
    }

    /** Queues a handshake message; a flight's messages under one key share records (RFC 8446 section 5.1). */
    public void queueHandshake(Bytes encoded) {
        if (pendingHandshake == null) {
            pendingHandshake = new ByteWriter(Math.max(256, encoded.length()));
        }
        pendingHandshake.bytes(encoded);
    }

    /** Writes the queued handshake messages as records under the current protection. */
    public void flushHandshake() throws TlsFatalAlertException {
        if (pendingHandshake != null) {
            byte[] a = pendingHandshake.toArray();
            pendingHandshake = null;
            if (a.length > 0) {
                write(ContentType.HANDSHAKE, a, 0, a.length);
            }
        }
    }

    /** Writes an alert after the queued handshake messages. */
    public void writeAlert(int level, AlertDescription description) throws TlsFatalAlertException {
        flushHandshake();
        write(ContentType.ALERT, new byte[] {(byte) level, (byte) description.code()}, 0, 2);
    }

    /** Writes {@code len} bytes of one content type, in as many records as needed (at least one). */
    private void write(int type, byte[] data, int off, int len) throws TlsFatalAlertException {
        do {
            int n = Math.min(len, protection == null ? RecordDeframer.MAX_PLAINTEXT : maxFragment);
            int at = reserve(n);
            System.arraycopy(data, off, output.array(), at + RecordDeframer.HEADER_LENGTH + contentOffset(), n);
            commit(type, at, n);
            off += n;
            len -= n;
        } while (len > 0);
    }

    /**
     * Writes one protected record of application data taken from {@code src}.
     *
     * @return whether the key reached its record limit: a KeyUpdate must come before more data
     */
    public boolean writeApplicationData(ByteBuffer src) throws TlsFatalAlertException {
        int n = Math.min(src.remaining(), maxFragment);
        int at = reserve(n);
        src.get(output.array(), at + RecordDeframer.HEADER_LENGTH + contentOffset(), n);
        commit(ContentType.APPLICATION_DATA, at, n);
        return protection.sequence() >= writeRecordLimit;
    }

    /**
     * Writes the change_cipher_spec of middlebox compatibility mode, unless one was sent.
     *
     * @return whether it was written now (RFC 8446 appendix D.4: only one)
     */
    public boolean writeCompatChangeCipherSpec() throws TlsFatalAlertException {
        if (compatCcsSent) {
            return false;
        }
        compatCcsSent = true;
        writeChangeCipherSpec();
        return true;
    }

    /** Writes an unprotected change_cipher_spec record after the queued handshake messages. */
    public void writeChangeCipherSpec() throws TlsFatalAlertException {
        flushHandshake();
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
