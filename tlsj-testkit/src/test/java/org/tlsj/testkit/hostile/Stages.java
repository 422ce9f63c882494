package org.tlsj.testkit.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.provider.Arguments;
import org.tlsj.CipherSuite;

/**
 * Puts one of our sides, in TLS 1.3 or 1.2, at a stage of its connection, so that one attack can be run
 * against every combination: before any handshake record arrived, in the middle of the handshake (after the
 * peer's first hello), and once established. {@link #send} then delivers a record the way the victim
 * expects one at that stage: in the clear before its read keys exist, sealed under them afterwards.
 */
final class Stages {
    /** The protocol version both sides speak. */
    enum Version { TLS13, TLS12 }

    /** Which of our sides is attacked. */
    enum Side { CLIENT, SERVER }

    /** How far the connection got before the attack. */
    enum Stage { BEFORE_HANDSHAKE, MID_HANDSHAKE, ESTABLISHED }

    /** A victim at a stage, with the label of the key it reads with (null while it reads plaintext). */
    record Victim(ScriptedPeer peer, String readKey) {
        /** Sends one record of {@code type} holding {@code body}, sealed if the victim has read keys. */
        ScriptedPeer send(int type, byte[] body) {
            return readKey == null ? peer.sendRecord(type, body) : peer.sendProtected(readKey, type, body);
        }
    }

    private static final CipherSuite TLS12_SUITE = Tls12.SUITES.getFirst();

    private Stages() {
    }

    /** Every (version, side, stage) as test arguments. */
    static List<Arguments> all() {
        List<Arguments> out = new ArrayList<>();
        for (Version v : Version.values()) {
            for (Side s : Side.values()) {
                for (Stage st : Stage.values()) {
                    out.add(Arguments.of(v, s, st));
                }
            }
        }
        return out;
    }

    /** Every (version, side) as test arguments. */
    static List<Arguments> versionsAndSides() {
        List<Arguments> out = new ArrayList<>();
        for (Version v : Version.values()) {
            for (Side s : Side.values()) {
                out.add(Arguments.of(v, s));
            }
        }
        return out;
    }

    /** A short name for test display, e.g. "TLS 1.3 server mid-handshake". */
    static String name(Version v, Side s, Stage st) {
        return (v == Version.TLS13 ? "TLS 1.3 " : "TLS 1.2 ") + s.name().toLowerCase(Locale.ROOT) + " "
                + st.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The victim at {@code stage}. */
    static Victim at(Version v, Side s, Stage stage) {
        return switch (stage) {
            case BEFORE_HANDSHAKE -> new Victim(fresh(v, s), null);
            case MID_HANDSHAKE -> midHandshake(v, s);
            case ESTABLISHED -> established(v, s);
        };
    }

    /** The victim with its handshake done through an honest peer; it reads with its application key. */
    static Victim established(Version v, Side s) {
        if (v == Version.TLS13) {
            AfterHandshakeTest.Victim victim = s == Side.CLIENT ? AfterHandshakeTest.Victim.CLIENT
                    : AfterHandshakeTest.Victim.SERVER;
            return new Victim(AfterHandshakeTest.established(victim), AfterHandshakeTest.appKey(victim));
        }
        Tls12.Victim victim = s == Side.CLIENT ? Tls12.Victim.CLIENT : Tls12.Victim.SERVER;
        return new Victim(Tls12.established(victim, TLS12_SUITE), Tls12.readKey(victim));
    }

    private static ScriptedPeer fresh(Version v, Side s) {
        if (s == Side.CLIENT) {
            return ScriptedPeer.againstClient(v == Version.TLS13 ? Hostile.client() : Tls12.client(TLS12_SUITE), "localhost")
                    .withHonestServer(v == Version.TLS13 ? Hostile.server() : Tls12.server(TLS12_SUITE));
        }
        return ScriptedPeer.againstServer(v == Version.TLS13 ? Hostile.server() : Tls12.server(TLS12_SUITE))
                .withHonestClient(v == Version.TLS13 ? Hostile.client() : Tls12.client(TLS12_SUITE), "localhost");
    }

    /**
     * The victim after the peer's first hello only: a server that read the ClientHello (TLS 1.3: it now reads
     * with the client's handshake key), or a client that read the ServerHello and nothing after it.
     */
    private static Victim midHandshake(Version v, Side s) {
        ScriptedPeer p = fresh(v, s);
        if (s == Side.CLIENT) {
            p.relayToHonest();
        }
        byte[] hello = Records.messages(ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst().toArray();
        p.sendRecord(Records.HANDSHAKE, hello);
        if (p.failure().isPresent()) {
            throw new IllegalStateException("the victim refused an honest hello: " + p.failure().get());
        }
        String key = v == Version.TLS12 ? null : s == Side.CLIENT ? Hostile.HS_SERVER : Hostile.HS_CLIENT;
        return new Victim(p, key);
    }
}
