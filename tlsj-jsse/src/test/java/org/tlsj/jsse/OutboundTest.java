package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How wrap takes plaintext from the application's buffers: a view when one buffer holds it, else a copy. */
class OutboundTest {
    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return new String(a, StandardCharsets.US_ASCII);
    }

    /**
     * Gathers {@code max} bytes from the two buffers, checks what was taken and where each buffer stands, then
     * changes the first byte of the first buffer and returns what the chunk reads afterwards.
     */
    private static String gatherThenTouchFirst(ByteBuffer a, ByteBuffer b, int max, String taken, int... positions) {
        ByteBuffer chunk = Outbound.gather(new ByteBuffer[] {a, b}, 0, 2, max);
        assertThat(read(chunk)).isEqualTo(taken);
        assertThat(new int[] {a.position(), b.position()}).isEqualTo(positions);
        (a.capacity() > 0 ? a : b).put(0, (byte) 'X');
        return read(chunk);
    }

    @Test
    void aBufferHoldingTheWholeChunkIsViewedNotCopied() {
        assertThat(gatherThenTouchFirst(ByteBuffer.allocate(0), text("abcdefgh"), 5, "abcde", 0, 5))
                .as("a view of the caller's buffer").isEqualTo("Xbcde");
    }

    @Test
    void aChunkSpanningBuffersIsGatheredInOrder() {
        assertThat(gatherThenTouchFirst(text("abc"), text("defgh"), 6, "abcdef", 3, 3)).as("a copy")
                .isEqualTo("abcdef");
    }

    @Test
    void onlyTheGivenRangeOfBuffersIsUsed() {
        ByteBuffer skipped = text("zz");
        ByteBuffer used = text("ab");
        ByteBuffer chunk = Outbound.gather(new ByteBuffer[] {skipped, used}, 1, 1, 2);
        assertThat(read(chunk)).isEqualTo("ab");
        assertThat(skipped.position()).isZero();
    }
}
