package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/** A message with more extensions than we accept is refused before any of them is parsed. */
class ExtensionsLimitTest {
    private static ByteReader block(int count) {
        ByteWriter w = new ByteWriter();
        w.u16Prefixed(b -> {
            for (int i = 0; i < count; i++) {
                b.u16(0x7000 + i).u16(0); // unknown, empty
            }
        });
        return ByteReader.of(w.toBytes());
    }

    @Test
    void acceptsUpToTheLimit() throws Exception {
        assertThat(Extensions.decode(block(Extensions.MAX_EXTENSIONS), MessageContext.CLIENT_HELLO).list())
                .hasSize(Extensions.MAX_EXTENSIONS);
    }

    @Test
    void refusesOneMoreWithDecodeError() {
        assertThatThrownBy(() -> Extensions.decode(block(Extensions.MAX_EXTENSIONS + 1), MessageContext.CLIENT_HELLO))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.InvalidMessage.TOO_MANY_EXTENSIONS));
    }
}
