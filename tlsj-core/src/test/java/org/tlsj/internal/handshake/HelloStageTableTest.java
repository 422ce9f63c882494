package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.FlowDriver.assertUnexpected;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.internal.handshake.client.ClientHelloStage;
import org.tlsj.internal.handshake.server.ServerHelloStage;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.Bytes;
import org.tlsj.io.TestCertificates;

/**
 * The hello stages' tables (docs/DESIGN.md, "The hello stages"): their rows are taken by every handshake of the
 * flow table tests; here every other message is unexpected_message.
 */
class HelloStageTableTest {
    private static List<PeerMessage> everyMessageType;

    @BeforeAll
    static void messages() throws Exception {
        everyMessageType = FlowDriver.everyMessageType(
                Stream.concat(Handshakes.tls13().stream(), Handshakes.tls12().stream()).toList());
    }

    @Test
    void clientStageRefusesAllButServerHelloHelloRetryRequestAndChangeCipherSpec() throws Exception {
        var out = new RecordingEffects();
        ClientHelloStage stage = ClientHelloStage.start(ClientConfig.builder().build(), "localhost", out);
        out.calls.clear();
        int refused = 0;
        for (PeerMessage m : everyMessageType) {
            if (!(m instanceof ServerHello || m instanceof HelloRetryRequest || m instanceof ChangeCipherSpec)) {
                assertUnexpected("ExpectServerHello + " + m.getClass().getSimpleName(), m,
                        () -> stage.onMessage(m, Bytes.EMPTY));
                refused++;
            }
        }
        assertThat(refused).isEqualTo(19 - 3);
        assertThat(out.calls).isEmpty();
    }

    @Test
    void serverStageRefusesAllButClientHelloChangeCipherSpecIncluded() {
        var out = new RecordingEffects();
        ServerHelloStage stage = ServerHelloStage.start(ServerConfig.builder(TestCertificates.localhost()).build(), out);
        int refused = 0;
        for (PeerMessage m : everyMessageType) {
            if (!(m instanceof ClientHello)) {
                assertUnexpected("ExpectClientHello + " + m.getClass().getSimpleName(), m,
                        () -> stage.onMessage(m, Bytes.EMPTY));
                refused++;
            }
        }
        assertThat(refused).isEqualTo(19 - 1);
        assertThat(out.calls).isEmpty();
    }
}
