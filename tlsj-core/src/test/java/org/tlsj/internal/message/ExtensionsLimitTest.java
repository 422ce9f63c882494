package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * An extension block holds as many extensions as its length allows: no count limit beyond the block's u16
 * length and the handshake message bound, and decoding (the duplicate check included) stays linear.
 */
class ExtensionsLimitTest {
    /** The most empty extensions a u16-prefixed block can hold. */
    private static final int MOST = 0xffff / 4;

    private static ByteReader block(int count, IntUnaryOperator code) {
        ByteWriter w = new ByteWriter();
        w.u16Prefixed(b -> {
            for (int i = 0; i < count; i++) {
                b.u16(code.applyAsInt(i)).u16(0); // unknown, empty
            }
        });
        return ByteReader.of(w.toBytes());
    }

    @Test
    void acceptsAThousandUnknownExtensions() throws Exception {
        assertThat(Extensions.decode(block(1_000, i -> 0x7000 + i), MessageContext.CLIENT_HELLO).list()).hasSize(1_000);
    }

    @Test
    @Timeout(10)
    void acceptsAsManyAsTheBlockLengthAllowsInLinearTime() throws Exception {
        long start = System.nanoTime();
        for (int round = 0; round < 20; round++) {
            assertThat(Extensions.decode(block(MOST, i -> 0x1000 + i), MessageContext.CLIENT_HELLO).list()).hasSize(MOST);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** The last of 5,000 extensions repeats the first (in a CertificateRequest, where a duplicate is illegal_parameter). */
    @Test
    void aDuplicateAmongThousandsIsStillFound() {
        assertThatThrownBy(() -> Extensions.decode(block(5_000, i -> i == 4_999 ? 0x7000 : 0x7000 + i),
                MessageContext.CERTIFICATE_REQUEST))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.InvalidMessage.DUPLICATE_EXTENSION));
    }
}
