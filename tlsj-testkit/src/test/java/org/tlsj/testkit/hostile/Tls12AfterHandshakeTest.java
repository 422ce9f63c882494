package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ConnectionStatus;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HelloRequest;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPair;

/**
 * Attacks on an established TLS 1.2 connection, against our client and our server, under AES-GCM (explicit
 * nonce, RFC 5288) and ChaCha20-Poly1305 (RFC 7905): the attacker seals its records under the very key
 * block the victim reads with.
 */
class Tls12AfterHandshakeTest {
    /** One attack on an established connection; {@code key} is the label of the victim's read key. */
    interface Attack {
        ScriptedPeer run(ScriptedPeer p, String key);
    }

    record Case(String name, Tls12.Victim victim, CipherSuite suite, Attack attack, AlertDescription alert,
                Reason reason) {
        @Override
        public String toString() {
            return name + " against our " + victim.name().toLowerCase(Locale.ROOT) + " (" + Tls12.label(suite) + ")";
        }
    }

    private static final byte[] HI = "hi".getBytes(StandardCharsets.US_ASCII);

    private static final List<Case> ATTACKS = List.of(
            attack("one tampered ciphertext byte", (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                r[r.length - 17] ^= 0x20;
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("one tampered tag byte", (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                r[r.length - 1] ^= 1;
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("first body byte changed (the AES-GCM explicit nonce)", (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                r[5] ^= 1;
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("header content type changed (it is in the additional data)", (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                r[0] = Records.HANDSHAKE;
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("replayed record", (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                p.send(r);
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("a record skipped (sequence number one ahead)", (p, key) -> {
                p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                return p.sendProtected(key, Records.APPLICATION_DATA, HI);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("records reordered", (p, key) -> {
                byte[] first = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                byte[] second = p.sealer(key).seal(Records.APPLICATION_DATA, HI);
                return p.send(Records.concat(second, first));
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("record sealed under the victim's own write key (reflection)", (p, key) -> p.send(
                    p.sealer(other(key)).seal(Records.APPLICATION_DATA, HI)),
                    AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("unprotected application data after the keys changed", (p, key) -> p.sendRecord(
                    Records.APPLICATION_DATA, "plaintext where a record must be sealed".getBytes(StandardCharsets.US_ASCII)),
                    AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("record shorter than nonce and tag", (p, key) -> p.sendRecord(Records.APPLICATION_DATA, new byte[7]),
                    AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            attack("change_cipher_spec after Finished", (p, key) -> p.sendRecord(Records.CHANGE_CIPHER_SPEC,
                    new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
            attack("protected change_cipher_spec", (p, key) -> p.sendProtected(key, Records.CHANGE_CIPHER_SPEC,
                    new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.BAD_CHANGE_CIPHER_SPEC),
            attack("record over 2^14+256 bytes", (p, key) -> p.sendRecord(Records.APPLICATION_DATA,
                    new byte[(1 << 14) + 257]), AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
            attack("sealed plaintext over 2^14 bytes", (p, key) -> p.sendProtected(key, Records.APPLICATION_DATA,
                    new byte[(1 << 14) + 1]), AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
            attack("a second Finished", (p, key) -> p.sendProtected(key, Records.HANDSHAKE,
                    Records.handshake(new Finished(Bytes.of(new byte[12])))),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            attack("handshake interleaved with application data", (p, key) -> {
                p.sendProtected(key, Records.HANDSHAKE, new byte[] {20, 0});
                return p.sendProtected(key, Records.APPLICATION_DATA, HI);
            }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.INTERLEAVED_RECORD),
            attack("flood of empty records", (p, key) -> {
                for (int i = 0; i < 33; i++) {
                    p.sendProtected(key, Records.APPLICATION_DATA, new byte[0]);
                }
                return p;
            }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_EMPTY_RECORDS));

    private static Case attack(String name, Attack a, AlertDescription alert, Reason reason) {
        return new Case(name, null, null, a, alert, reason);
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (CipherSuite suite : Tls12.SUITES) {
            for (Tls12.Victim v : Tls12.Victim.values()) {
                ATTACKS.forEach(c -> out.add(new Case(c.name(), v, suite, c.attack(), c.alert(), c.reason())));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void establishedConnectionAbortsWithTheExactAlert(Case c) {
        ScriptedPeer p = Tls12.established(c.victim(), c.suite());
        assertAborted(c.attack().run(p, Tls12.readKey(c.victim())), c.alert(), c.reason());
    }

    static Stream<Object[]> victimsAndSuites() {
        List<Object[]> out = new ArrayList<>();
        for (CipherSuite suite : Tls12.SUITES) {
            for (Tls12.Victim v : Tls12.Victim.values()) {
                out.add(new Object[] {v, suite});
            }
        }
        return out.stream();
    }

    /**
     * RFC 5746 and RFC 5246 section 7.4.1.1 (docs/DESIGN.md): we never renegotiate. A HelloRequest (to our
     * client) or a new ClientHello (to our server) ends the connection with one protected no_renegotiation
     * alert, as BoringSSL and Go do (BoGo: Renegotiate-Server-Forbidden, Renegotiate-Client-Forbidden-1): a
     * peer that asked waits for the next hello and would hang on a warning.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("victimsAndSuites")
    void renegotiationEndsTheConnectionWithNoRenegotiation(Tls12.Victim v, CipherSuite suite) throws Exception {
        ScriptedPeer p = Tls12.established(v, suite);
        String key = Tls12.readKey(v);
        byte[] request = v == Tls12.Victim.CLIENT ? Records.handshake(new HelloRequest())
                : Records.handshake(ClientHello.of(Bytes.of(new byte[32]), Bytes.EMPTY, List.of(suite), Extensions.EMPTY));
        p.sendProtected(key, Records.HANDSHAKE, request);
        assertAborted(p, AlertDescription.NO_RENEGOTIATION, Reason.PeerIncompatible.RENEGOTIATION_REFUSED);
        assertThat(p.response().getFirst().wasProtected()).isTrue();
    }

    /** Data, garbage and even a fatal alert after close_notify are ignored: nothing fails, nothing is written. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("victimsAndSuites")
    void recordsAfterCloseNotifyAreIgnored(Tls12.Victim v, CipherSuite suite) throws Exception {
        ScriptedPeer p = Tls12.established(v, suite);
        String key = Tls12.readKey(v);
        p.sendProtected(key, Records.ALERT, new byte[] {1, 0});
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.INBOUND_CLOSED);
        p.sendProtected(key, Records.APPLICATION_DATA, "after close".getBytes(StandardCharsets.US_ASCII));
        p.send(new byte[] {99, 1, 2, 3, 4, 5, 6, 7, 8});
        p.sendProtected(key, Records.ALERT, new byte[] {2, 10});
        assertThat(p.failure()).isEmpty();
        assertThat(p.response()).isEmpty();
        assertThat(p.victim().read(ByteBuffer.allocate(64))).isZero();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.INBOUND_CLOSED);
        assertThat(TestPair.drain(p.victim())).isEmpty();
    }

    private static String other(String key) {
        return key.equals(ScriptedPeer.TLS12_CLIENT_WRITE) ? ScriptedPeer.TLS12_SERVER_WRITE : ScriptedPeer.TLS12_CLIENT_WRITE;
    }
}
