package org.tlsj.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tlsj.Bytes;

/** Buffers dropped at the end of the handshake must work as before once used again, and keep unread bytes. */
class ReleasedBuffersTest {
    private static final byte[] RECORD = Bytes.fromHex("1703030005" + "0102030405").toArray();

    @Test
    void releasedDeframerReadsTheNextRecordByteAtATime() throws Exception {
        RecordDeframer deframer = new RecordDeframer();
        deframer.release();

        assertThat(deframer.fill(ByteBuffer.allocate(0))).isFalse();
        boolean complete = false;
        for (byte b : RECORD) {
            complete = deframer.fill(ByteBuffer.wrap(new byte[] {b}));
        }

        assertThat(complete).isTrue();
        assertThat(deframer.type()).isEqualTo(ContentType.APPLICATION_DATA);
        assertThat(Bytes.of(deframer.buffer(), RecordDeframer.HEADER_LENGTH, deframer.bodyLength()))
                .isEqualTo(Bytes.fromHex("0102030405"));
    }

    @Test
    void deframerKeepsAPartlyReceivedRecord() throws Exception {
        RecordDeframer deframer = new RecordDeframer();
        deframer.fill(ByteBuffer.wrap(RECORD, 0, 7));

        deframer.release();

        assertThat(deframer.fill(ByteBuffer.wrap(RECORD, 7, RECORD.length - 7))).isTrue();
        assertThat(Bytes.of(deframer.buffer(), RecordDeframer.HEADER_LENGTH, 5)).isEqualTo(Bytes.fromHex("0102030405"));
    }

    @Test
    void outputBufferKeepsPendingBytesAndGrowsAgainAfterRelease() {
        OutputBuffer out = new OutputBuffer();
        int at = out.reserve(3);
        out.array()[at] = 7;
        out.commit(3);

        out.release();
        assertThat(out.pending()).isEqualTo(3);
        ByteBuffer dst = ByteBuffer.allocate(16);
        out.drain(dst);
        out.release();
        at = out.reserve(2000);
        out.array()[at + 1999] = 9;
        out.commit(2000);

        assertThat(dst.flip().get()).isEqualTo((byte) 7);
        ByteBuffer all = ByteBuffer.allocate(4096);
        assertThat(out.drain(all)).isEqualTo(2000);
        assertThat(all.get(1999)).isEqualTo((byte) 9);
    }

    @Test
    void assemblerJoinsAMessageSplitAcrossARelease() throws Exception {
        HandshakeAssembler assembler = new HandshakeAssembler(1 << 16);
        byte[] keyUpdate = Bytes.fromHex("1800000100").toArray();
        assembler.release();
        assembler.add(keyUpdate, 0, 2);

        assembler.release();
        assembler.add(keyUpdate, 2, 3);

        assertThat(assembler.next()).isEqualTo(Bytes.wrap(keyUpdate));
        assembler.release();
        assertThat(assembler.hasPartial()).isFalse();
        assembler.add(keyUpdate, 0, 5);
        assertThat(assembler.next()).isEqualTo(Bytes.wrap(keyUpdate));
    }
}
