package org.tlsj.internal.handshake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.FlowDriver.assertUnexpected;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.internal.handshake.FlowDriver;
import org.tlsj.internal.handshake.TableChecks;
import org.tlsj.internal.handshake.TableChecks.Row;
import org.tlsj.internal.handshake.Handshakes;
import org.tlsj.internal.handshake.RecordingEffects;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.Connected;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectCertificate;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectCertificateOrRequest;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectCertificateVerify;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectEncryptedExtensions;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectFinished;
import org.tlsj.internal.handshake.client.Tls13ClientFlow.ExpectServerHello;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateRequest13;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.Bytes;

/**
 * The TLS 1.3 client's table (docs/DESIGN.md, "TLS 1.3"), row by row from honest in-memory handshakes, and every
 * (state, message) pair outside it refused with unexpected_message in a state those handshakes reached.
 */
class Tls13ClientTableTest {
    /** The rows as DESIGN.md lists them; the change_cipher_spec drop row is {@link #dropsChangeCipherSpec}. */
    static final List<Row> TABLE = List.of(
            new Row(ExpectServerHello.class, ServerHello.class, ExpectEncryptedExtensions.class),
            new Row(ExpectServerHello.class, HelloRetryRequest.class, ExpectServerHello.class),
            new Row(ExpectEncryptedExtensions.class, EncryptedExtensions.class, ExpectCertificateOrRequest.class),
            new Row(ExpectCertificateOrRequest.class, CertificateRequest13.class, ExpectCertificate.class),
            new Row(ExpectCertificateOrRequest.class, Certificate13.class, ExpectCertificateVerify.class),
            new Row(ExpectCertificate.class, Certificate13.class, ExpectCertificateVerify.class),
            new Row(ExpectCertificateVerify.class, CertificateVerify.class, ExpectFinished.class),
            new Row(ExpectFinished.class, Finished.class, Connected.class),
            new Row(Connected.class, NewSessionTicket13.class, Connected.class),
            new Row(Connected.class, KeyUpdate.class, Connected.class));

    private static List<FlowDriver> handshakes;
    private static List<PeerMessage> everyMessageType;

    @BeforeAll
    static void handshake() throws Exception {
        handshakes = Handshakes.tls13();
        everyMessageType = FlowDriver.everyMessageType(
                java.util.stream.Stream.concat(handshakes.stream(), Handshakes.tls12().stream()).toList());
    }

    /** What the client's steps did, the hello stage's hand-over read as ExpectServerHello's row (DESIGN.md). */
    private static Set<Row> taken() {
        return TableChecks.taken(handshakes, false, Tls13ClientFlow.State.class, ClientHelloStage.class, ExpectServerHello.class);
    }

    private static boolean accepts(Class<?> state, PeerMessage m) {
        return TableChecks.inTable(TABLE, state, m)
                || (m instanceof ChangeCipherSpec && state != Connected.class);
    }

    @Test
    void everyRowIsTakenByAnHonestHandshakeAndNothingElseIs() {
        Set<Row> taken = taken();
        taken.removeIf(r -> r.message() == ChangeCipherSpec.class && r.state() == r.next()); // the drop row
        assertThat(taken).containsExactlyInAnyOrderElementsOf(TABLE);
    }

    @Test
    void dropsChangeCipherSpecInEveryStateButConnected() throws Exception {
        var reached = reached();
        for (Tls13ClientFlow.State state : reached) {
            if (!(state instanceof Connected)) {
                var out = new RecordingEffects();
                assertThat(Tls13ClientFlow.next(state, ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out))
                        .as(state.getClass().getSimpleName()).isSameAs(state);
                assertThat(out.calls).isEmpty();
            }
        }
    }

    @Test
    void refusesEveryOtherMessageInEveryStateWithUnexpectedMessage() {
        int pairs = TableChecks.refuseEveryOtherMessage("TLS 1.3 client", reached(), everyMessageType,
                Tls13ClientTableTest::accepts, Tls13ClientFlow::next);
        // 7 states x 19 message types, less the 10 rows and the 6 change_cipher_spec drops.
        assertThat(pairs).isEqualTo(7 * 19 - TABLE.size() - 6);
    }

    /** One real instance of every state of the flow: the handshakes reach them all. */
    private static List<Tls13ClientFlow.State> reached() {
        return TableChecks.reached(handshakes, Tls13ClientFlow.State.class, java.util.Map.of());
    }
}
