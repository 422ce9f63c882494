package org.tlsj.internal.handshake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.internal.handshake.FlowDriver.assertUnexpected;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.handshake.FlowDriver;
import org.tlsj.internal.handshake.TableChecks;
import org.tlsj.internal.handshake.TableChecks.Row;
import org.tlsj.internal.handshake.Handshakes;
import org.tlsj.internal.handshake.RecordingEffects;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.Connected;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.ExpectCertificateVerify;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.ExpectChangeCipherSpec;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.ExpectClientCertificate;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.ExpectClientKeyExchange;
import org.tlsj.internal.handshake.server.Tls12ServerFlow.ExpectFinished;
import org.tlsj.internal.message.Certificate12;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.ClientKeyExchange;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.Bytes;

/**
 * The TLS 1.2 server's table (docs/DESIGN.md, "TLS 1.2"), row by row from honest in-memory handshakes, and every
 * (state, message) pair outside it refused with unexpected_message in a state those handshakes reached.
 */
class Tls12ServerTableTest {
    /** The rows as DESIGN.md lists them ("(hello stage)" is ServerHelloStage); Connected + ClientHello is below. */
    static final List<Row> TABLE = List.of(
            new Row(ServerHelloStage.class, ClientHello.class, ExpectClientCertificate.class),
            new Row(ServerHelloStage.class, ClientHello.class, ExpectClientKeyExchange.class),
            new Row(ServerHelloStage.class, ClientHello.class, ExpectChangeCipherSpec.class), // resumed
            new Row(ExpectClientCertificate.class, Certificate12.class, ExpectClientKeyExchange.class),
            new Row(ExpectClientKeyExchange.class, ClientKeyExchange.class, ExpectCertificateVerify.class),
            new Row(ExpectClientKeyExchange.class, ClientKeyExchange.class, ExpectChangeCipherSpec.class),
            new Row(ExpectCertificateVerify.class, CertificateVerify.class, ExpectChangeCipherSpec.class),
            new Row(ExpectChangeCipherSpec.class, ChangeCipherSpec.class, ExpectFinished.class),
            new Row(ExpectFinished.class, Finished.class, Connected.class));

    private static List<FlowDriver> handshakes;
    private static List<PeerMessage> everyMessageType;

    @BeforeAll
    static void handshake() throws Exception {
        handshakes = Handshakes.tls12();
        everyMessageType = FlowDriver.everyMessageType(
                Stream.concat(handshakes.stream(), Handshakes.tls13().stream()).toList());
    }

    private static Set<Row> taken() {
        return TableChecks.taken(handshakes, true, Tls12ServerFlow.State.class, null, null);
    }

    private static boolean accepts(Class<?> state, PeerMessage m) {
        return TableChecks.inTable(TABLE, state, m)
                || (state == Connected.class && m instanceof ClientHello);
    }

    @Test
    void everyRowIsTakenByAnHonestHandshakeAndNothingElseIs() {
        assertThat(taken()).containsExactlyInAnyOrderElementsOf(TABLE);
    }

    @Test
    void refusesRenegotiationWhenConnected() {
        Tls12ServerFlow.State connected = reached().stream().filter(Connected.class::isInstance).findFirst()
                .orElseThrow();
        ClientHello hello = (ClientHello) everyMessageType.stream().filter(ClientHello.class::isInstance).findFirst()
                .orElseThrow();
        var out = new RecordingEffects();
        assertThatThrownBy(() -> Tls12ServerFlow.next(connected, hello, Bytes.EMPTY, out))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.NO_RENEGOTIATION));
    }

    @Test
    void refusesEveryOtherMessageInEveryStateWithUnexpectedMessage() {
        int pairs = TableChecks.refuseEveryOtherMessage("TLS 1.2 server", reached(), everyMessageType,
                Tls12ServerTableTest::accepts, Tls12ServerFlow::next);
        // 6 states x 19 message types, less the 6 (state, message) pairs of the flow's rows.
        assertThat(pairs).isEqualTo(6 * 19 - 6);
    }

    /** One real instance of every state of the flow: the handshakes reach them all. */
    private static List<Tls12ServerFlow.State> reached() {
        return TableChecks.reached(handshakes, Tls12ServerFlow.State.class, java.util.Map.of());
    }
}
