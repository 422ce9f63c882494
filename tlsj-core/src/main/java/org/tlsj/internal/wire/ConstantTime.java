package org.tlsj.internal.wire;

import org.tlsj.Bytes;

/** Comparisons whose time does not depend on where the inputs differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** Constant-time equality (for Finished, binders, MACs). */
    public static boolean equals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false; // lengths are public (the Finished and binder sizes are fixed by the suite)
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    /** Constant-time equality of two values. */
    public static boolean equals(Bytes a, Bytes b) {
        return equals(BytesAccess.array(a), BytesAccess.array(b));
    }
}
