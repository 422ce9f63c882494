package org.tlsj.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret key material: opaque, destroyable, never printed. {@link #toString()} shows only the length.
 * Only crypto providers and the key log read the bytes, through {@link #expose()}.
 */
public final class Secret implements Destroyable {
    private final byte[] value;
    private boolean destroyed;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** Takes ownership of the array (the caller must not keep or change it). */
    public static Secret wrap(byte[] value) {
        return new Secret(value);
    }

    /** Copies the array. */
    public static Secret copyOf(byte[] value) {
        return new Secret(value.clone());
    }

    /** HashLen zero bytes, the RFC 8446 "0" input. */
    public static Secret zeros(int length) {
        return new Secret(new byte[length]);
    }

    /** The length in bytes. */
    public int length() {
        return value.length;
    }

    /**
     * A copy of the secret bytes. For crypto providers and the opt-in key log only.
     *
     * @throws IllegalStateException if the secret was destroyed
     */
    public byte[] expose() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return value.clone();
    }

    /** Overwrites the bytes with zeros. */
    @Override
    public void destroy() {
        Arrays.fill(value, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Never the value. */
    @Override
    public String toString() {
        return "Secret[" + value.length + " bytes]";
    }
}
