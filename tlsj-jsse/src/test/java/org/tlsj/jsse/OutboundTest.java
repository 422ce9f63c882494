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

    @Test
    void aBufferHoldingTheWholeChunkIsViewedNotCopied() {
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer src = text("abcdefgh");
        ByteBuffer chunk = Outbound.gather(new ByteBuffer[] {empty, src}, 0, 2, 5);
        assertThat(read(chunk)).isEqualTo("abcde");
        assertThat(src.position()).isEqualTo(5);
        src.put(0, (byte) 'X');
        assertThat(read(chunk)).as("a view of the caller's buffer").isEqualTo("Xbcde");
    }

    @Test
    void aChunkSpanningBuffersIsGatheredInOrder() {
        ByteBuffer a = text("abc");
        ByteBuffer b = text("defgh");
        ByteBuffer chunk = Outbound.gather(new ByteBuffer[] {a, b}, 0, 2, 6);
        assertThat(read(chunk)).isEqualTo("abcdef");
        assertThat(a.hasRemaining()).isFalse();
        assertThat(b.position()).isEqualTo(3);
        a.put(0, (byte) 'X');
        assertThat(read(chunk)).as("a copy").isEqualTo("abcdef");
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
