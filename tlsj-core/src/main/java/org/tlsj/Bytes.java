package org.tlsj;

import java.util.Arrays;
import java.util.HexFormat;
import org.tlsj.internal.wire.BytesAccess;

/**
 * An immutable byte string with value equality: keys, shares, signatures, session ids and tickets in the public
 * API and the crypto SPI. Use it (never {@code byte[]}) in records. Being immutable, it is passed between the
 * engine and a crypto provider without defensive copies.
 */
public final class Bytes {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    static {
        BytesAccess.install(b -> b.data);
    }

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies the array. */
    public static Bytes of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Copies a slice of the array. */
    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Takes ownership of the array: the caller must not modify it afterwards. */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /** Parses hex, ignoring whitespace. */
    public static Bytes fromHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    /** The length in bytes. */
    public int length() {
        return data.length;
    }

    /** Whether the string is empty. */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The byte at {@code i} as 0..255. */
    public int get(int i) {
        return data[i] & 0xff;
    }

    /** A fresh copy of the contents. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Copies the contents into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    /** A sub-range as a new value. */
    public Bytes slice(int from, int to) {
        return of(data, from, to - from);
    }

    /** Concatenation. */
    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return wrap(out);
    }

    /** Lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Short hex form: the first 16 bytes and the length. */
    @Override
    public String toString() {
        if (data.length <= 16) {
            return hex();
        }
        return HexFormat.of().formatHex(data, 0, 16) + "...(" + data.length + " bytes)";
    }
}
