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

/** Properties of the codec over generated messages and generated garbage. */
class HandshakeCodecPropertyTest {
    @Provide
    Arbitrary<HandshakeMessage> messages() {
        return MessageArbitraries.messages();
    }

    @Provide
    Arbitrary<Integer> tls13Types() {
        return Arbitraries.of(1, 2, 4, 5, 8, 11, 13, 15, 20, 24);
    }

    @Property
    void encodeThenDecodeGivesTheSameMessage(@ForAll("messages") HandshakeMessage m) throws TlsFatalAlertException {
        Bytes wire = HandshakeCodec.encode(m);

        HandshakeMessage decoded = HandshakeCodec.decode(wire);

        assertThat(decoded).isEqualTo(m);
        assertThat(HandshakeCodec.encode(decoded)).isEqualTo(wire);
        assertThat(decoded.toString()).isNotBlank();
    }

    @Property(tries = 300)
    void noStrictPrefixOfAnEncodingDecodes(@ForAll("messages") HandshakeMessage m) {
        Bytes wire = HandshakeCodec.encode(m);

        for (int n = 0; n < wire.length(); n++) {
            Bytes prefix = wire.slice(0, n);
            assertThat(catchThrowable(() -> HandshakeCodec.decode(prefix)))
                    .as("prefix of %d bytes of %s", n, m).isInstanceOf(TlsFatalAlertException.class);
        }
    }

    /**
     * Cutting the body and fixing the header does not decode either: every field is self-delimiting.
     * Two exceptions: Finished (its body is all verify_data), and a hello cut exactly before its
     * extension block (legal for TLS 1.2 peers).
     */
    @Property(tries = 300)
    void noStrictPrefixOfABodyDecodesUnderACorrectedHeader(@ForAll("messages") HandshakeMessage m) {
        Bytes wire = HandshakeCodec.encode(m);
        Bytes body = wire.slice(4, wire.length());
        int legalCut = switch (m) {
            case ClientHello ch -> body.length() - blockLength(ch.extensions());
            case ServerHello sh -> body.length() - blockLength(sh.extensions());
            case HelloRetryRequest hrr -> body.length() - blockLength(hrr.extensions());
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
            Bytes cut = body.slice(0, n);
            Bytes framed = new ByteWriter().u8(m.type().code()).u24Bytes(cut).toBytes();
            assertThat(catchThrowable(() -> HandshakeCodec.decode(framed)))
                    .as("body cut to %d bytes of %s", n, m).isInstanceOf(TlsFatalAlertException.class);
        }
    }

    @Property
    void randomBytesOnlyRaiseFatalAlerts(@ForAll @Size(max = 300) byte[] garbage) {
        assertOnlyFatalAlerts(Bytes.wrap(garbage));
    }

    @Property
    void randomBodiesUnderAValidHeaderOnlyRaiseFatalAlerts(@ForAll("tls13Types") int type,
                                                           @ForAll @Size(max = 300) byte[] body) {
        assertOnlyFatalAlerts(new ByteWriter().u8(type).u24Bytes(Bytes.wrap(body)).toBytes());
    }

    /** Flipping bytes of a valid message either fails with an alert or gives a message that re-encodes the same. */
    @Property
    void mutatedMessagesOnlyRaiseFatalAlerts(@ForAll("messages") HandshakeMessage m,
                                             @ForAll @IntRange(max = 100_000) int where,
                                             @ForAll @IntRange(min = 1, max = 255) int xor,
                                             @ForAll @IntRange(max = 3) int extraFlips) {
        byte[] raw = HandshakeCodec.encode(m).toArray();
        for (int i = 0; i <= extraFlips; i++) {
            int at = (where + i * 7919) % raw.length;
            raw[at] ^= (byte) (xor + i);
        }
        Bytes wire = Bytes.wrap(raw);
        HandshakeMessage decoded = assertOnlyFatalAlerts(wire);
        if (decoded != null && !withoutExtensionBlock(decoded)) {
            assertThat(HandshakeCodec.encode(decoded)).as("re-encoding of %s", decoded).isEqualTo(wire);
        }
    }

    private static HandshakeMessage assertOnlyFatalAlerts(Bytes wire) {
        try {
            return HandshakeCodec.decode(wire);
        } catch (TlsFatalAlertException expected) {
            assertThat(expected.reason().alert()).isEqualTo(expected.sent());
            return null;
        }
    }

    /** A hello decoded with no extensions may have had no block at all, which re-encodes as an empty block. */
    private static boolean withoutExtensionBlock(HandshakeMessage m) {
        return switch (m) {
            case ClientHello ch -> ch.extensions().isEmpty();
            case ServerHello sh -> sh.extensions().isEmpty();
            case HelloRetryRequest hrr -> hrr.extensions().isEmpty();
            default -> false;
        };
    }

    private static int blockLength(Extensions e) {
        ByteWriter w = new ByteWriter();
        e.encode(w);
        return w.length();
    }
}
