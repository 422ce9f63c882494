package org.tlsj.internal.wire;

import java.nio.ByteBuffer;
import org.tlsj.Bytes;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;

/**
 * Reads TLS wire structures from a byte range. Every read that runs past the end throws
 * {@code decode_error}; every decoder ends with {@link #expectEnd()}.
 */
public final class ByteReader {
    private final byte[] data;
    private int pos;
    private final int end;

    private ByteReader(byte[] data, int from, int to) {
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    /** Reads over a copy-free view of the bytes. */
    public static ByteReader of(Bytes bytes) {
        return new ByteReader(BytesAccess.array(bytes), 0, bytes.length());
    }

    /** Reads over an array range; the array must not change while reading. */
    public static ByteReader of(byte[] data, int from, int to) {
        return new ByteReader(data, from, to);
    }

    /** Bytes not read yet. */
    public int remaining() {
        return end - pos;
    }

    /** Whether everything was read. */
    public boolean atEnd() {
        return pos == end;
    }

    private void need(int n) throws TlsFatalAlertException {
        if (n < 0 || end - pos < n) {
            throw Fatal.of(Reason.InvalidMessage.TRUNCATED);
        }
    }

    /** One unsigned byte. */
    public int u8() throws TlsFatalAlertException {
        need(1);
        return data[pos++] & 0xff;
    }

    /** Two bytes big-endian, unsigned. */
    public int u16() throws TlsFatalAlertException {
        need(2);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    /** Three bytes big-endian, unsigned. */
    public int u24() throws TlsFatalAlertException {
        need(3);
        int v = ((data[pos] & 0xff) << 16) | ((data[pos + 1] & 0xff) << 8) | (data[pos + 2] & 0xff);
        pos += 3;
        return v;
    }

    /** Four bytes big-endian, as a long. */
    public long u32() throws TlsFatalAlertException {
        need(4);
        long v = ((long) (data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16)
                | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** Exactly {@code n} bytes. */
    public Bytes bytes(int n) throws TlsFatalAlertException {
        need(n);
        Bytes b = Bytes.of(data, pos, n);
        pos += n;
        return b;
    }

    /** A u8-length-prefixed opaque vector. */
    public Bytes u8Bytes() throws TlsFatalAlertException {
        return bytes(u8());
    }

    /** A u16-length-prefixed opaque vector. */
    public Bytes u16Bytes() throws TlsFatalAlertException {
        return bytes(u16());
    }

    /** A u24-length-prefixed opaque vector. */
    public Bytes u24Bytes() throws TlsFatalAlertException {
        return bytes(u24());
    }

    /** A reader over the next u8-length-prefixed range; this reader skips past it. */
    public ByteReader u8Nested() throws TlsFatalAlertException {
        return nested(u8());
    }

    /** A reader over the next u16-length-prefixed range; this reader skips past it. */
    public ByteReader u16Nested() throws TlsFatalAlertException {
        return nested(u16());
    }

    /** A reader over the next u24-length-prefixed range; this reader skips past it. */
    public ByteReader u24Nested() throws TlsFatalAlertException {
        return nested(u24());
    }

    private ByteReader nested(int n) throws TlsFatalAlertException {
        need(n);
        ByteReader r = new ByteReader(data, pos, pos + n);
        pos += n;
        return r;
    }

    /** Everything left. */
    public Bytes rest() {
        Bytes b = Bytes.of(data, pos, end - pos);
        pos = end;
        return b;
    }

    /** Fails with {@code decode_error} if any byte is left. */
    public void expectEnd() throws TlsFatalAlertException {
        if (pos != end) {
            throw Fatal.of(Reason.InvalidMessage.TRAILING_DATA);
        }
    }

    /** Copies {@code n} bytes from a buffer into a value (helper for record code). */
    public static Bytes take(ByteBuffer buf, int n) {
        byte[] out = new byte[n];
        buf.get(out);
        return Bytes.wrap(out);
    }
}
