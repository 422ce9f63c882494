package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/** Properties of {@link HandshakeCodec#decode12} over generated TLS 1.2 messages and generated garbage. */
class HandshakeCodec12PropertyTest {
    @Provide
    Arbitrary<HandshakeMessage> messages() {
        return MessageArbitraries.messages12();
    }

    @Provide
    Arbitrary<Integer> tls12Types() {
        return Arbitraries.of(0, 1, 2, 4, 11, 12, 13, 14, 15, 16, 20);
    }

    @Property
    void encodeThenDecode12GivesTheSameMessage(@ForAll("messages") HandshakeMessage m) throws TlsFatalAlertException {
        Bytes wire = HandshakeCodec.encode(m);

        HandshakeMessage decoded = HandshakeCodec.decode12(wire);

        assertThat(decoded).isEqualTo(m);
        assertThat(HandshakeCodec.encode(decoded)).isEqualTo(wire);
        assertThat(decoded.toString()).isNotBlank();
    }

    @Property(tries = 300)
    void noStrictPrefixOfAnEncodingDecodes(@ForAll("messages") HandshakeMessage m) {
        Bytes wire = HandshakeCodec.encode(m);

        for (int n = 0; n < wire.length(); n++) {
            Bytes prefix = wire.slice(0, n);
            assertThat(catchThrowable(() -> HandshakeCodec.decode12(prefix)))
                    .as("prefix of %d bytes of %s", n, m).isInstanceOf(TlsFatalAlertException.class);
        }
    }

    /**
     * Cutting the body and fixing the header does not decode either. Exceptions: ClientKeyExchange (its
     * body is raw until the flow parses it), Finished (its body is all verify_data, which the flow compares)
     * and a hello cut exactly before its extension block.
     */
    @Property(tries = 300)
    void noStrictPrefixOfABodyDecodesUnderACorrectedHeader(@ForAll("messages") HandshakeMessage m) {
        Bytes wire = HandshakeCodec.encode(m);
        Bytes body = wire.slice(4, wire.length());
        int legalCut = switch (m) {
            case ClientHello ch -> body.length() - blockLength(ch.extensions());
            case ServerHello sh -> body.length() - blockLength(sh.extensions());
            case ClientKeyExchange cke -> -2;
            case Finished f -> -2;
            default -> -1;
        };
        if (legalCut == -2) {
            return;
        }
        for (int n = 0; n < body.length(); n++) {
            if (n == legalCut) {
                continue;
            }
            Bytes framed = new ByteWriter().u8(m.type().code()).u24Bytes(body.slice(0, n)).toBytes();
            assertThat(catchThrowable(() -> HandshakeCodec.decode12(framed)))
                    .as("body cut to %d bytes of %s", n, m).isInstanceOf(TlsFatalAlertException.class);
        }
    }

    @Property
    void randomBodiesUnderATls12HeaderOnlyRaiseFatalAlerts(@ForAll("tls12Types") int type,
                                                          @ForAll @Size(max = 300) byte[] body) {
        assertOnlyFatalAlerts(new ByteWriter().u8(type).u24Bytes(Bytes.wrap(body)).toBytes());
    }

    /** Flipping bytes of a valid message either fails with an alert or gives a message that re-encodes the same. */
    @Property
    void mutatedMessagesOnlyRaiseFatalAlerts(@ForAll("messages") HandshakeMessage m,
                                             @ForAll @IntRange(max = 100_000) int where,
                                             @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] raw = HandshakeCodec.encode(m).toArray();
        raw[where % raw.length] ^= (byte) xor;
        Bytes wire = Bytes.wrap(raw);
        HandshakeMessage decoded = assertOnlyFatalAlerts(wire);
        boolean blockless = decoded instanceof ClientHello ch && ch.extensions().isEmpty()
                || decoded instanceof ServerHello sh && sh.extensions().isEmpty()
                || decoded instanceof HelloRetryRequest hrr && hrr.extensions().isEmpty();
        if (decoded != null && !blockless) {
            assertThat(HandshakeCodec.encode(decoded)).as("re-encoding of %s", decoded).isEqualTo(wire);
        }
    }

    private static HandshakeMessage assertOnlyFatalAlerts(Bytes wire) {
        try {
            return HandshakeCodec.decode12(wire);
        } catch (TlsFatalAlertException expected) {
            assertThat(expected.reason().alert()).isEqualTo(expected.sent());
            return null;
        }
    }

    private static int blockLength(Extensions e) {
        ByteWriter w = new ByteWriter();
        e.encode(w);
        return w.length();
    }
}
