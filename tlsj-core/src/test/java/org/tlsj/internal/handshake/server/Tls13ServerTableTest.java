package org.tlsj.internal.handshake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.FlowDriver.assertUnexpected;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.ServerConfig;
import org.tlsj.internal.handshake.FlowDriver;
import org.tlsj.internal.handshake.TableChecks;
import org.tlsj.internal.handshake.TableChecks.Row;
import org.tlsj.internal.handshake.Handshakes;
import org.tlsj.internal.handshake.RecordingEffects;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.Connected;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.ExpectClientCertificate;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.ExpectClientCertificateVerify;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.ExpectClientHello;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.ExpectFinished;
import org.tlsj.internal.handshake.server.Tls13ServerFlow.ExpectSecondClientHello;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.Bytes;
import org.tlsj.io.TestCertificates;

/**
 * The TLS 1.3 server's table (docs/DESIGN.md, "TLS 1.3"), row by row from honest in-memory handshakes, and every
 * (state, message) pair outside it refused with unexpected_message in a state those handshakes reached.
 */
class Tls13ServerTableTest {
    /** The rows as DESIGN.md lists them; the change_cipher_spec drop row is {@link #dropsChangeCipherSpec}. */
    static final List<Row> TABLE = List.of(
            new Row(ExpectClientHello.class, ClientHello.class, ExpectFinished.class),
            new Row(ExpectClientHello.class, ClientHello.class, ExpectClientCertificate.class),
            new Row(ExpectClientHello.class, ClientHello.class, ExpectSecondClientHello.class),
            new Row(ExpectSecondClientHello.class, ClientHello.class, ExpectFinished.class),
            new Row(ExpectClientCertificate.class, Certificate13.class, ExpectClientCertificateVerify.class),
            new Row(ExpectClientCertificate.class, Certificate13.class, ExpectFinished.class), // empty, not REQUIRED
            new Row(ExpectClientCertificateVerify.class, CertificateVerify.class, ExpectFinished.class),
            new Row(ExpectFinished.class, Finished.class, Connected.class),
            new Row(Connected.class, KeyUpdate.class, Connected.class));

    private static List<FlowDriver> handshakes;
    private static List<PeerMessage> everyMessageType;

    @BeforeAll
    static void handshake() throws Exception {
        handshakes = Handshakes.tls13();
        everyMessageType = FlowDriver.everyMessageType(
                Stream.concat(handshakes.stream(), Handshakes.tls12().stream()).toList());
    }

    /** What the server's steps did, the hello stage's hand-over read as ExpectClientHello's row (DESIGN.md). */
    private static Set<Row> taken() {
        return TableChecks.taken(handshakes, true, Tls13ServerFlow.State.class, ServerHelloStage.class, ExpectClientHello.class);
    }

    private static boolean accepts(Class<?> state, PeerMessage m) {
        return TableChecks.inTable(TABLE, state, m)
                || (m instanceof ChangeCipherSpec && state != ExpectClientHello.class && state != Connected.class);
    }

    @Test
    void everyRowIsTakenByAnHonestHandshakeAndNothingElseIs() {
        Set<Row> taken = taken();
        taken.removeIf(r -> r.message() == ChangeCipherSpec.class && r.state() == r.next()); // the drop row
        assertThat(taken).containsExactlyInAnyOrderElementsOf(TABLE);
    }

    @Test
    void dropsChangeCipherSpecAfterTheFirstClientHelloUntilConnected() throws Exception {
        for (Tls13ServerFlow.State state : reached()) {
            if (!(state instanceof ExpectClientHello || state instanceof Connected)) {
                var out = new RecordingEffects();
                assertThat(Tls13ServerFlow.next(state, ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out))
                        .as(state.getClass().getSimpleName()).isSameAs(state);
                assertThat(out.calls).isEmpty();
            }
        }
    }

    @Test
    void refusesEveryOtherMessageInEveryStateWithUnexpectedMessage() {
        int pairs = TableChecks.refuseEveryOtherMessage("TLS 1.3 server", reached(), everyMessageType,
                Tls13ServerTableTest::accepts, Tls13ServerFlow::next);
        // 6 states x 19 message types, less the 6 (state, message) pairs of the rows and the 4 dropped CCS.
        assertThat(pairs).isEqualTo(6 * 19 - 6 - 4);
    }

    /**
     * One real instance of every state of the flow. ExpectClientHello is only the config (the hello stage makes it
     * and hands it the ClientHello at once), so it is built here; the handshakes reach all the others.
     */
    private static List<Tls13ServerFlow.State> reached() {
        return TableChecks.reached(handshakes, Tls13ServerFlow.State.class, java.util.Map.of(ExpectClientHello.class,
                new ExpectClientHello(ServerConfig.builder(TestCertificates.localhost()).build())));
    }
}
