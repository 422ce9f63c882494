package org.tlsj.internal.handshake.client;

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
import org.tlsj.internal.handshake.client.Tls12ClientFlow.Connected;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectCertificate;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectChangeCipherSpec;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectDone;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectFinished;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectRequestOrDone;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectServerKeyExchange;
import org.tlsj.internal.handshake.client.Tls12ClientFlow.ExpectTicket;
import org.tlsj.internal.message.Certificate12;
import org.tlsj.internal.message.CertificateRequest12;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HelloRequest;
import org.tlsj.internal.message.NewSessionTicket12;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerHelloDone;
import org.tlsj.internal.message.ServerKeyExchangeEcdhe;
import org.tlsj.Bytes;

/**
 * The TLS 1.2 client's table (docs/DESIGN.md, "TLS 1.2"), row by row from honest in-memory handshakes, and every
 * (state, message) pair outside it refused with unexpected_message in a state those handshakes reached.
 */
class Tls12ClientTableTest {
    /** The rows as DESIGN.md lists them ("(hello stage)" is ClientHelloStage); Connected + HelloRequest is below. */
    static final List<Row> TABLE = List.of(
            new Row(ClientHelloStage.class, ServerHello.class, ExpectCertificate.class),
            new Row(ClientHelloStage.class, ServerHello.class, ExpectTicket.class),
            new Row(ClientHelloStage.class, ServerHello.class, ExpectChangeCipherSpec.class),
            new Row(ExpectCertificate.class, Certificate12.class, ExpectServerKeyExchange.class),
            new Row(ExpectCertificate.class, Certificate12.class, ExpectRequestOrDone.class),
            new Row(ExpectServerKeyExchange.class, ServerKeyExchangeEcdhe.class, ExpectRequestOrDone.class),
            new Row(ExpectRequestOrDone.class, CertificateRequest12.class, ExpectDone.class),
            new Row(ExpectRequestOrDone.class, ServerHelloDone.class, ExpectTicket.class),
            new Row(ExpectRequestOrDone.class, ServerHelloDone.class, ExpectChangeCipherSpec.class),
            new Row(ExpectDone.class, ServerHelloDone.class, ExpectTicket.class),
            new Row(ExpectDone.class, ServerHelloDone.class, ExpectChangeCipherSpec.class),
            new Row(ExpectTicket.class, NewSessionTicket12.class, ExpectChangeCipherSpec.class),
            new Row(ExpectChangeCipherSpec.class, ChangeCipherSpec.class, ExpectFinished.class),
            new Row(ExpectFinished.class, Finished.class, Connected.class));

    /** Rows no test handshake here takes, and why. */
    static final List<Row> NOT_TAKEN = List.of(
            // Static RSA key transport needs an RSA server certificate; tlsj-core's tests have only the EC localhost
            // one (tlsj-testkit's Tls12Test runs RSA key exchange through the engine).
            new Row(ExpectCertificate.class, Certificate12.class, ExpectRequestOrDone.class));

    private static List<FlowDriver> handshakes;
    private static List<PeerMessage> everyMessageType;

    @BeforeAll
    static void handshake() throws Exception {
        handshakes = Handshakes.tls12();
        everyMessageType = FlowDriver.everyMessageType(
                Stream.concat(handshakes.stream(), Handshakes.tls13().stream()).toList());
    }

    private static Set<Row> taken() {
        return TableChecks.taken(handshakes, false, Tls12ClientFlow.State.class, null, null);
    }

    private static boolean accepts(Class<?> state, PeerMessage m) {
        return TableChecks.inTable(TABLE, state, m)
                || (state == Connected.class && m instanceof HelloRequest);
    }

    @Test
    void everyRowIsTakenByAnHonestHandshakeAndNothingElseIs() {
        assertThat(taken()).containsExactlyInAnyOrderElementsOf(
                TABLE.stream().filter(r -> !NOT_TAKEN.contains(r)).toList());
    }

    @Test
    void refusesRenegotiationWhenConnected() {
        Tls12ClientFlow.State connected = reached().stream().filter(Connected.class::isInstance).findFirst()
                .orElseThrow();
        var out = new RecordingEffects();
        assertThatThrownBy(() -> Tls12ClientFlow.next(connected, new HelloRequest(), Bytes.EMPTY, out))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.NO_RENEGOTIATION));
    }

    @Test
    void refusesEveryOtherMessageInEveryStateWithUnexpectedMessage() {
        int pairs = TableChecks.refuseEveryOtherMessage("TLS 1.2 client", reached(), everyMessageType,
                Tls12ClientTableTest::accepts, Tls12ClientFlow::next);
        // 8 states x 19 message types, less the 9 (state, message) pairs of the flow's rows.
        assertThat(pairs).isEqualTo(8 * 19 - 9);
    }

    /** One real instance of every state of the flow: the handshakes reach them all. */
    private static List<Tls12ClientFlow.State> reached() {
        return TableChecks.reached(handshakes, Tls12ClientFlow.State.class, java.util.Map.of());
    }
}
