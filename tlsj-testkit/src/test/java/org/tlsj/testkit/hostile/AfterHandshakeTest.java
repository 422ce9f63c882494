package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.ConnectionStatus;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.CipherSuite;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPair;

/**
 * Attacks on an established TLS 1.3 connection, against both our client and our server: the attacker
 * seals its records under the very keys the victim reads with.
 */
class AfterHandshakeTest {
    /** Which of our sides is attacked. */
    enum Victim { CLIENT, SERVER }

    /** One attack on an established connection. */
    interface Attack {
        ScriptedPeer run(ScriptedPeer p, String appKey);
    }

    record Case(String name, Victim victim, Attack attack, AlertDescription alert, Reason reason) {
        @Override
        public String toString() {
            return name + " against our " + victim.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final List<Case> ATTACKS = List.of(
            new Case("KeyUpdate flood", null, (p, key) -> {
                for (int i = 0; i < 33; i++) {
                    p.sendProtected(key, Records.HANDSHAKE, Records.handshake(new KeyUpdate(false)));
                    p.replaceSealer(key, p.sealer(key).next());
                }
                return p;
            }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_KEY_UPDATES),
            new Case("flood of empty records", null, (p, key) -> repeat(p, 33,
                    () -> p.sendProtected(key, Records.APPLICATION_DATA, new byte[0])),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_EMPTY_RECORDS),
            new Case("user_canceled warning alerts in a loop", null, (p, key) -> repeat(p, 33,
                    () -> p.sendProtected(key, Records.ALERT, new byte[] {1, 90})),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_EMPTY_RECORDS),
            new Case("change_cipher_spec after Finished", null, (p, key) -> p.sendRecord(Records.CHANGE_CIPHER_SPEC,
                    new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
            new Case("protected change_cipher_spec", null, (p, key) -> p.sendProtected(key, Records.CHANGE_CIPHER_SPEC,
                    new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            new Case("protected record over 2^14+256 bytes", null, (p, key) -> p.sendRecord(Records.APPLICATION_DATA,
                    new byte[(1 << 14) + 257]), AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
            new Case("inner plaintext over 2^14 bytes", null, (p, key) -> p.sendProtected(key, Records.APPLICATION_DATA,
                    new byte[(1 << 14) + 1]), AlertDescription.RECORD_OVERFLOW, PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED),
            new Case("record with only padding (no content type)", null, (p, key) -> p.send(p.sealer(key)
                    .seal(0, new byte[0], 8)), AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.NO_CONTENT_TYPE),
            new Case("one tampered ciphertext byte", null, (p, key) -> {
                byte[] r = p.sealer(key).seal(Records.APPLICATION_DATA, new byte[] {'h', 'i'});
                r[7] ^= 0x20;
                return p.send(r);
            }, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            new Case("unprotected handshake record", null, (p, key) -> p.sendRecord(Records.HANDSHAKE,
                    Records.handshake(new KeyUpdate(false))), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            new Case("handshake interleaved with application data", null, (p, key) -> {
                byte[] ku = Records.handshake(new KeyUpdate(false));
                p.sendProtected(key, Records.HANDSHAKE, new byte[] {ku[0], ku[1]});
                return p.sendProtected(key, Records.APPLICATION_DATA, new byte[] {1});
            }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.INTERLEAVED_RECORD),
            new Case("renegotiation: a ClientHello after the handshake", null, (p, key) -> p.sendProtected(key,
                    Records.HANDSHAKE, Records.handshake(ClientHello.of(Bytes.of(new byte[32]), Bytes.EMPTY,
                    List.of(CipherSuite.TLS_AES_128_GCM_SHA256), Extensions.EMPTY))),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            new Case("KeyUpdate with a bad request value", null, (p, key) -> p.sendProtected(key, Records.HANDSHAKE,
                    new byte[] {24, 0, 0, 1, 2}), AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.ILLEGAL_VALUE));

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Victim v : Victim.values()) {
            ATTACKS.forEach(c -> out.add(new Case(c.name(), v, c.attack(), c.alert(), c.reason())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void establishedConnectionAbortsWithTheExactAlert(Case c) {
        ScriptedPeer p = established(c.victim());
        assertAborted(c.attack().run(p, appKey(c.victim())), c.alert(), c.reason());
    }

    /** RFC 8446 section 6.1: data after close_notify is ignored; nothing fails, nothing is written. */
    @ParameterizedTest
    @EnumSource(Victim.class)
    void recordsAfterCloseNotifyAreIgnored(Victim v) throws Exception {
        ScriptedPeer p = established(v);
        String key = appKey(v);
        p.sendProtected(key, Records.ALERT, new byte[] {1, 0});
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.INBOUND_CLOSED);
        p.sendProtected(key, Records.APPLICATION_DATA, "after close".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        p.send(new byte[] {99, 1, 2, 3, 4, 5, 6, 7, 8});
        p.sendProtected(key, Records.ALERT, new byte[] {2, 10});
        assertThat(p.failure()).isEmpty();
        assertThat(p.response()).isEmpty();
        assertThat(p.victim().read(ByteBuffer.allocate(64))).isZero();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.INBOUND_CLOSED);
        assertThat(TestPair.drain(p.victim())).isEmpty();
    }

    static ScriptedPeer established(Victim v) {
        ScriptedPeer p = v == Victim.CLIENT
                ? ScriptedPeer.againstClient(Hostile.client(), "localhost").withHonestServer(Hostile.server())
                : ScriptedPeer.againstServer(Hostile.server()).withHonestClient(Hostile.client(), "localhost");
        return p.handshakeHonestly();
    }

    static String appKey(Victim v) {
        return v == Victim.CLIENT ? Hostile.APP_SERVER : Hostile.APP_CLIENT;
    }

    private static ScriptedPeer repeat(ScriptedPeer p, int times, Runnable send) {
        for (int i = 0; i < times; i++) {
            send.run();
        }
        return p;
    }
}
