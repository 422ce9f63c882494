package org.tlsj.crypto.openssl;

import java.lang.foreign.MemorySegment;

/**
 * A heap segment over a Java array from an offset on, remembered for the last array and offset asked for: a
 * record layer passes the same buffers at the same offsets record after record, so in the steady state the
 * segment a critical downcall takes is not re-created (segments passed to a downcall escape, so the JIT
 * cannot elide them). Holds the last array strongly; not thread-safe, like its owner.
 */
final class HeapSlice {
    private byte[] array;
    private int offset;
    private MemorySegment segment;

    /** The segment over {@code bytes[from..]}; the caller has checked the bounds. */
    MemorySegment at(byte[] bytes, int from) {
        if (bytes != array || from != offset) {
            segment = MemorySegment.ofArray(bytes).asSlice(from);
            array = bytes;
            offset = from;
        }
        return segment;
    }
}
