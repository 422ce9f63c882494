package org.tlsj.internal.wire;

import java.security.MessageDigest;

/** Comparisons whose time does not depend on where the inputs differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** Constant-time equality (for Finished, binders, MACs). */
    public static boolean equals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Constant-time equality of two values. */
    public static boolean equals(Bytes a, Bytes b) {
        return MessageDigest.isEqual(a.unsafeArray(), b.unsafeArray());
    }
}
