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

    /** A local failure, not the peer's fault (internal_error). */
    static TlsFatalAlertException cryptoFailure(String what) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what);
    }
}
