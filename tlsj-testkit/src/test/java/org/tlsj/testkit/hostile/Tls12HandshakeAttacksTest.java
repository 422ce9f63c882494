package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.internal.message.HelloRequest;
import org.tlsj.Bytes;

/**
 * A lying peer during a TLS 1.2 handshake, against our client and our server, once the keys of the
 * Finished exchange exist: the attacker runs a real peer's flights, changed, and seals the Finished under
 * the victim's own key block.
 */
class Tls12HandshakeAttacksTest {
    private static final int CERTIFICATE = 11;
    private static final int SERVER_KEY_EXCHANGE = 12;
    private static final int SERVER_HELLO_DONE = 14;
    private static final int CLIENT_KEY_EXCHANGE = 16;

    /** One attack during the handshake, on a victim with this suite. */
    interface Attack {
        ScriptedPeer run(CipherSuite suite);
    }

    record Case(String name, Tls12.Victim victim, CipherSuite suite, Attack attack, AlertDescription alert,
                Reason reason) {
        @Override
        public String toString() {
            return name + " against our " + victim.name().toLowerCase(Locale.ROOT) + " (" + Tls12.label(suite) + ")";
        }
    }

    private static final List<Case> ATTACKS = List.of(
            // ---- against our server: the client's second flight is ClientKeyExchange, CCS, Finished ----
            server("client Finished one bit off", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                byte[] fin = f.get(2).body().toArray();
                fin[fin.length - 1] ^= 1;
                return p.sendProtected(ScriptedPeer.TLS12_CLIENT_WRITE, Records.HANDSHAKE, fin);
            }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
            server("client Finished without change_cipher_spec", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                return p.sendRecord(Records.HANDSHAKE, f.get(2).body().toArray());
            }), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            server("client Finished one byte too long", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                return p.sendProtected(ScriptedPeer.TLS12_CLIENT_WRITE, Records.HANDSHAKE, longer(f.get(2).body()));
            }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
            server("change_cipher_spec before ClientKeyExchange", s -> clientFlight(s, (p, f) -> p.send(plain(f.get(1)))),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
            server("change_cipher_spec twice", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                return p.send(plain(f.get(1)));
            }), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
            server("change_cipher_spec inside a fragmented ClientKeyExchange", s -> clientFlight(s, (p, f) -> {
                p.sendRecord(Records.HANDSHAKE, f.get(0).body().slice(0, 3).toArray());
                return p.send(plain(f.get(1)));
            }), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.INTERLEAVED_RECORD),
            server("client Finished sealed one sequence number ahead", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                p.sealer(ScriptedPeer.TLS12_CLIENT_WRITE).seal(Records.HANDSHAKE, new byte[1]);
                return p.sendProtected(ScriptedPeer.TLS12_CLIENT_WRITE, Records.HANDSHAKE, f.get(2).body().toArray());
            }), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            server("application data before the client's Finished", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                return p.sendProtected(ScriptedPeer.TLS12_CLIENT_WRITE, Records.APPLICATION_DATA, new byte[] {'h', 'i'});
            }), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.EARLY_APPLICATION_DATA),
            server("empty alert sealed after the client's change_cipher_spec", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                return p.sendProtected(ScriptedPeer.TLS12_CLIENT_WRITE, Records.ALERT, new byte[0]);
            }), AlertDescription.DECODE_ERROR, InvalidMessage.BAD_ALERT),
            server("alert in the clear after the client's change_cipher_spec", s -> clientFlight(s, (p, f) -> {
                p.send(plain(f.get(0)));
                p.send(plain(f.get(1)));
                return p.sendRecord(Records.ALERT, new byte[] {2, 22});
            }), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            server("ClientKeyExchange with an all-zero X25519 share", s -> clientFlight(s, (p, f) -> p.sendRecord(
                    Records.HANDSHAKE, Records.concat(Records.handshakeHeader(CLIENT_KEY_EXCHANGE, 33), new byte[] {32},
                            new byte[32]))), AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
            // ---- against our client: the server's flights are SH..ServerHelloDone, then CCS, Finished ----
            client("server Finished one bit off", s -> serverFinishedFlight(s, (p, f) -> {
                Records.Record fin = f.getLast();
                f.stream().filter(r -> !r.wasProtected()).forEach(r -> p.send(plain(r)));
                byte[] body = fin.body().toArray();
                body[body.length - 1] ^= 1;
                return p.sendProtected(ScriptedPeer.TLS12_SERVER_WRITE, Records.HANDSHAKE, body);
            }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
            client("server Finished one byte too long", s -> serverFinishedFlight(s, (p, f) -> {
                f.stream().filter(r -> !r.wasProtected()).forEach(r -> p.send(plain(r)));
                return p.sendProtected(ScriptedPeer.TLS12_SERVER_WRITE, Records.HANDSHAKE, longer(f.getLast().body()));
            }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
            client("ServerKeyExchange in place of Certificate (unauthenticated ECDH)", s -> serverFlight(s,
                    ms -> ms.stream().filter(m -> Records.typeOf(m) != CERTIFICATE).toList(), new byte[0][]),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            client("server Finished without change_cipher_spec", s -> serverFinishedFlight(s, (p, f) -> p.sendRecord(
                    Records.HANDSHAKE, f.getLast().body().toArray())),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            client("server Finished sealed one sequence number ahead", s -> serverFinishedFlight(s, (p, f) -> {
                f.stream().filter(r -> !r.wasProtected()).forEach(r -> p.send(plain(r)));
                p.sealer(ScriptedPeer.TLS12_SERVER_WRITE).seal(Records.HANDSHAKE, new byte[1]);
                return p.sendProtected(ScriptedPeer.TLS12_SERVER_WRITE, Records.HANDSHAKE, f.getLast().body().toArray());
            }), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC),
            client("empty alert sealed after the server's change_cipher_spec", s -> serverFinishedFlight(s, (p, f) -> {
                f.stream().filter(r -> !r.wasProtected()).forEach(r -> p.send(plain(r)));
                return p.sendProtected(ScriptedPeer.TLS12_SERVER_WRITE, Records.ALERT, new byte[0]);
            }), AlertDescription.DECODE_ERROR, InvalidMessage.BAD_ALERT),
            client("change_cipher_spec before ServerHelloDone", s -> serverFlight(s, ms -> ms.subList(0, ms.size() - 1),
                    new byte[][] {Records.record(Records.CHANGE_CIPHER_SPEC, new byte[] {1})}),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
            client("no ServerKeyExchange (ECDHE)", s -> serverFlight(s, ms -> ms.stream()
                    .filter(m -> Records.typeOf(m) != SERVER_KEY_EXCHANGE).toList(), new byte[0][]),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            client("ServerHelloDone again after the client's flight", s -> serverFlight(s, UnaryOperator.identity(),
                    new byte[0][]).sendRecord(Records.HANDSHAKE, Records.concat(Records.handshakeHeader(SERVER_HELLO_DONE, 0))),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
            client("ServerKeyExchange share changed under its signature", s -> serverFlight(s, ms -> ms.stream()
                    .map(m -> Records.typeOf(m) == SERVER_KEY_EXCHANGE ? flip(m, 4 + 4 + 10) : m).toList(), new byte[0][]),
                    AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_SIGNATURE),
            // RFC 5246 7.4.1.1 lets a client ignore it mid-handshake; like OpenSSL we take it only when connected.
            client("HelloRequest during the handshake", s -> serverFlight(s, ms -> List.of(ms.getFirst(),
                    HelloRequestBytes.VALUE), new byte[0][]),
                    AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE));

    /** An encoded HelloRequest. */
    private static final class HelloRequestBytes {
        static final Bytes VALUE = Bytes.of(Records.handshake(new HelloRequest()));
    }

    /** What to do with a real peer's flight (records, protected ones opened). */
    interface FlightAttack {
        ScriptedPeer run(ScriptedPeer p, List<Records.Record> flight);
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (CipherSuite suite : Tls12.SUITES) {
            ATTACKS.forEach(c -> out.add(new Case(c.name(), c.victim(), suite, c.attack(), c.alert(), c.reason())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void handshakeAbortsWithTheExactAlert(Case c) {
        assertAborted(c.attack().run(c.suite()), c.alert(), c.reason());
    }

    /**
     * BoGo "AlertAfterChangeCipherSpec": a fatal alert the peer seals after its change_cipher_spec (record type
     * alert, sealed, in TLS 1.2) is the peer's alert: nothing is sent back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suitesAndVictims")
    void sealedAlertAfterChangeCipherSpecIsThePeersAlert(CipherSuite suite, Tls12.Victim v) {
        ScriptedPeer p = v == Tls12.Victim.SERVER
                ? clientFlight(suite, (peer, f) -> {
                    peer.send(plain(f.get(0)));
                    return peer.send(plain(f.get(1)));
                })
                : serverFinishedFlight(suite, (peer, f) -> {
                    f.stream().filter(r -> !r.wasProtected()).forEach(r -> peer.send(plain(r)));
                    return peer;
                });
        p.sendProtected(Tls12.readKey(v), Records.ALERT, new byte[] {2, (byte) AlertDescription.RECORD_OVERFLOW.code()});
        assertThat(p.failure()).get().isInstanceOfSatisfying(TlsPeerAlertException.class,
                e -> assertThat(e.description()).contains(AlertDescription.RECORD_OVERFLOW));
        assertThat(p.response()).isEmpty();
    }

    static Stream<Arguments> suitesAndVictims() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite suite : Tls12.SUITES) {
            for (Tls12.Victim v : Tls12.Victim.values()) {
                out.add(Arguments.of(suite, v));
            }
        }
        return out.stream();
    }

    private static Case server(String name, Attack a, AlertDescription alert, Reason reason) {
        return new Case(name, Tls12.Victim.SERVER, null, a, alert, reason);
    }

    private static Case client(String name, Attack a, AlertDescription alert, Reason reason) {
        return new Case(name, Tls12.Victim.CLIENT, null, a, alert, reason);
    }

    /** Our server after the client's first flight; {@code f} gets the honest client's CKE, CCS, Finished. */
    private static ScriptedPeer clientFlight(CipherSuite suite, FlightAttack f) {
        ScriptedPeer p = ScriptedPeer.againstServer(Tls12.server(suite)).withHonestClient(Tls12.client(suite), "localhost");
        p.takeFromHonest().forEach(r -> p.send(plain(r)));
        p.relayToHonest();
        List<Records.Record> flight = split(p.takeFromHonest());
        if (flight.size() != 3 || Records.typeOf(flight.getFirst().body()) != CLIENT_KEY_EXCHANGE) {
            throw new IllegalStateException("unexpected client flight " + flight);
        }
        return f.run(p, flight);
    }

    /** Our client fed the honest server's first flight, its messages changed by {@code f}, then {@code after}. */
    private static ScriptedPeer serverFlight(CipherSuite suite, UnaryOperator<List<Bytes>> f, byte[][] after) {
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(suite), "localhost").withHonestServer(Tls12.server(suite));
        p.relayToHonest();
        List<Bytes> ms = f.apply(Records.messages(ScriptedPeer.handshakeStream(p.takeFromHonest(), false)));
        byte[] stream = Records.concat(ms.stream().map(Bytes::toArray).toArray(byte[][]::new));
        return p.send(Records.concat(Records.record(Records.HANDSHAKE, stream), Records.concat(after)));
    }

    /** Our client after its own second flight; {@code f} gets the honest server's last flight (Finished last). */
    private static ScriptedPeer serverFinishedFlight(CipherSuite suite, FlightAttack f) {
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(suite), "localhost").withHonestServer(Tls12.server(suite));
        p.relayToHonest();
        p.relayToVictim();
        p.relayToHonest();
        List<Records.Record> flight = p.takeFromHonest();
        if (!flight.getLast().wasProtected()) {
            throw new IllegalStateException("unexpected server flight " + flight);
        }
        return f.run(p, flight);
    }

    /** One record per handshake message for the plaintext ones, so a test can send them one by one. */
    private static List<Records.Record> split(List<Records.Record> records) {
        List<Records.Record> out = new ArrayList<>();
        for (Records.Record r : records) {
            if (r.type() == Records.HANDSHAKE && !r.wasProtected()) {
                Records.messages(r.body().toArray()).forEach(m -> out.add(new Records.Record(r.type(), m, false)));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static byte[] plain(Records.Record r) {
        return Records.record(r.type(), r.body().toArray());
    }

    /** A Finished message with one more byte of verify_data (its length field raised to match). */
    private static byte[] longer(Bytes finished) {
        byte[] m = Records.concat(finished.toArray(), new byte[] {0});
        m[3]++;
        return m;
    }

    private static Bytes flip(Bytes m, int at) {
        byte[] b = m.toArray();
        b[at] ^= 1;
        return Bytes.of(b);
    }
}
