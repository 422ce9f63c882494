package org.tlsj.internal.wire;

import java.util.Arrays;
import org.tlsj.Bytes;

/**
 * Writes TLS wire structures, with nested length prefixes filled in after the body is written
 * ({@code w.u16Prefixed(x -> ...)}), in the style of Go's cryptobyte.
 */
public final class ByteWriter {
    /** The body of a length-prefixed block. */
    @FunctionalInterface
    public interface Body {
        /** Writes the block's content. */
        void write(ByteWriter w);
    }

    private byte[] buf;
    private int len;

    /** A writer with a small initial buffer. */
    public ByteWriter() {
        this(64);
    }

    /** A writer with the given initial capacity. */
    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** One byte. */
    public ByteWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    /** Two bytes big-endian. */
    public ByteWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** Three bytes big-endian. */
    public ByteWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** Four bytes big-endian. */
    public ByteWriter u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** Raw bytes. */
    public ByteWriter bytes(Bytes b) {
        return bytes(BytesAccess.array(b), 0, b.length());
    }

    /** Raw bytes from an array range. */
    public ByteWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** A u8-length-prefixed opaque vector. */
    public ByteWriter u8Bytes(Bytes b) {
        return u8Prefixed(w -> w.bytes(b));
    }

    /** A u16-length-prefixed opaque vector. */
    public ByteWriter u16Bytes(Bytes b) {
        return u16Prefixed(w -> w.bytes(b));
    }

    /** A u24-length-prefixed opaque vector. */
    public ByteWriter u24Bytes(Bytes b) {
        return u24Prefixed(w -> w.bytes(b));
    }

    /** A block whose length is written first as one byte. */
    public ByteWriter u8Prefixed(Body body) {
        return prefixed(1, 0xff, body);
    }

    /** A block whose length is written first as two bytes. */
    public ByteWriter u16Prefixed(Body body) {
        return prefixed(2, 0xffff, body);
    }

    /** A block whose length is written first as three bytes. */
    public ByteWriter u24Prefixed(Body body) {
        return prefixed(3, 0xffffff, body);
    }

    private ByteWriter prefixed(int width, int max, Body body) {
        ensure(width);
        int at = len;
        len += width;
        body.write(this);
        int n = len - at - width;
        if (n > max) {
            throw new IllegalArgumentException("vector of " + n + " bytes does not fit a " + width + "-byte length");
        }
        for (int i = width - 1; i >= 0; i--) {
            buf[at + i] = (byte) (n >>> (8 * (width - 1 - i)));
        }
        return this;
    }

    /** The bytes written, as a value. */
    public Bytes toBytes() {
        return Bytes.of(buf, 0, len);
    }

    /** The bytes written, as a fresh array. */
    public byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }
}
