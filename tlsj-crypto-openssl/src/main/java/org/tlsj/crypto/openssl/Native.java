package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;

/** Small helpers for the native calls: copying bytes across, and the two ways an operation fails. */
final class Native {
    private Native() {
    }

    /** A native copy of {@code bytes} in {@code arena}. */
    static MemorySegment copy(Arena arena, byte[] bytes) {
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
    }

    /** A size_t cell holding {@code value} (for OpenSSL's in/out length arguments). */
    static MemorySegment sizeCell(Arena arena, long value) {
        return arena.allocateFrom(ValueLayout.JAVA_LONG, value);
    }

    /** A pointer cell holding {@code target}'s address (for d2i's {@code const unsigned char **}). */
    static MemorySegment pointerCell(Arena arena, MemorySegment target) {
        return arena.allocateFrom(ValueLayout.ADDRESS, target);
    }

    /** The first {@code length} bytes of a native buffer, after which the buffer is zeroed. */
    static byte[] takeAndClear(MemorySegment buffer, long length) {
        byte[] out = buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        buffer.fill((byte) 0);
        return out;
    }

    /** A malformed or unusable peer key share (illegal_parameter), with OpenSSL's reason if it gave one. */
    static TlsFatalAlertException badKeyShare(String what) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what);
    }

    /** A malformed peer key share with the JCA exception that detected it (illegal_parameter). */
    static TlsFatalAlertException badKeyShare(String what, Throwable cause) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what, cause);
    }

    /** A local failure, not the peer's fault (internal_error). */
    static TlsFatalAlertException cryptoFailure(String what) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what);
    }

    /** A local failure with the JCA exception behind it (internal_error). */
    static TlsFatalAlertException cryptoFailure(String what, Throwable cause) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what, cause);
    }

    /** Whether every byte is zero, in time independent of the contents. */
    static boolean isAllZero(byte[] value) {
        int acc = 0;
        for (byte b : value) {
            acc |= b;
        }
        return acc == 0;
    }
}
