package org.tlsj.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.MessageContext;
import org.tlsj.internal.record.RecordDeframer;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.Bytes;

/**
 * Jazzer targets for the decoders: any bytes either decode or raise a fatal alert, never another
 * exception. In plain {@code mvn test} each target runs its seeds (real handshake messages); with
 * {@code JAZZER_FUZZ=1} it fuzzes (see the README).
 */
class DecoderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void handshakeMessagesDecodeOrAlert(byte[] data) {
        for (int version = 12; version <= 13; version++) {
            try {
                var m = version == 13 ? HandshakeCodec.decode(Bytes.of(data)) : HandshakeCodec.decode12(Bytes.of(data));
                // Whatever decodes can be encoded again without an exception.
                assertThat(HandshakeCodec.encode(m).length()).isPositive();
            } catch (TlsFatalAlertException expected) {
                assertThat(expected.sent()).isNotNull();
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void extensionBlocksDecodeOrAlert(FuzzedDataProvider in) {
        MessageContext ctx = in.pickValue(MessageContext.values());
        byte[] data = in.consumeRemainingAsBytes();
        try {
            ByteReader r = ByteReader.of(Bytes.of(data));
            Extensions.decode(r, ctx);
        } catch (TlsFatalAlertException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void recordDeframerHoldsOneBoundedRecord(byte[] data) {
        RecordDeframer d = new RecordDeframer();
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            while (in.hasRemaining()) {
                if (d.fill(in)) {
                    assertThat(d.bodyLength()).isLessThanOrEqualTo(RecordDeframer.MAX_CIPHERTEXT);
                    d.consume();
                }
            }
        } catch (TlsFatalAlertException expected) {
            assertThat(expected.reason()).isNotNull();
        }
        assertThat(d.buffer().length).isLessThanOrEqualTo(RecordDeframer.HEADER_LENGTH + RecordDeframer.MAX_CIPHERTEXT);
    }
}
