package org.tlsj.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.ServerConnection;
import org.tlsj.Bytes;
import org.tlsj.testkit.golden.Golden.Scenario;
import org.tlsj.testkit.golden.Golden.ServerScenario;
import org.tlsj.testkit.golden.Golden.Transcript;

/**
 * Replays each golden transcript recorded against OpenSSL (no OpenSSL needed): a fresh tlsj client or server with
 * the same seed and clock, fed the recorded peer records, sends the recorded records of its own role byte for byte,
 * completes the handshake, exchanges the recorded application data and ends closed. A failure here means tlsj's
 * bytes changed: if on purpose (a new ClientHello, a new server extension), re-record as golden/README.md says;
 * otherwise it is a regression.
 */
class GoldenReplayTest {
    @ParameterizedTest
    @EnumSource(Scenario.class)
    void clientSendsTheRecordedBytesToTheRecordedOpenSslServer(Scenario scenario) throws Exception {
        Replay replay = new Replay(scenario.file, "S");

        Golden.Outcome outcome = Golden.converse(ClientConnection.start(scenario.clientConfig(Golden.ca()), "localhost"),
                replay);

        replay.assertSentAsRecorded("C", outcome);
        assertThat(replay.recorded.tagged("C-data")).containsExactly(Golden.REQUEST);
        assertThat(outcome.received()).isEqualTo(replay.recorded.tagged("S-data").getFirst());
        assertThat(new String(outcome.received().toArray(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 200 ok");
    }

    @ParameterizedTest
    @EnumSource(ServerScenario.class)
    void serverSendsTheRecordedBytesToTheRecordedOpenSslClient(ServerScenario scenario) throws Exception {
        Replay replay = new Replay(scenario.file, "C");

        Golden.Outcome outcome = Golden.converse(ServerConnection.accept(scenario.serverConfig()), replay,
                Golden.RESPONSE);

        replay.assertSentAsRecorded("S", outcome);
        assertThat(outcome.received()).isEqualTo(Golden.REQUEST);
        assertThat(replay.recorded.tagged("C-data")).containsExactly(Golden.REQUEST);
        assertThat(replay.recorded.tagged("S-data")).containsExactly(Golden.RESPONSE);
    }

    /** The recorded peer: hands out the records tagged {@code peerTag} in order, collects what tlsj sends. */
    private static final class Replay implements Golden.Peer {
        final Transcript recorded;
        private final Iterator<Bytes> peerRecords;
        private final List<Bytes> sent = new ArrayList<>();

        Replay(String file, String peerTag) {
            recorded = Transcript.parse(Golden.resource(Golden.FOLDER + "/" + file));
            peerRecords = recorded.tagged(peerTag).iterator();
        }

        @Override
        public Bytes nextRecord() {
            return peerRecords.hasNext() ? peerRecords.next() : null;
        }

        @Override
        public void send(Bytes record) {
            sent.add(record);
        }

        /** tlsj sent exactly the records tagged {@code ownTag}, took every peer record and ended closed. */
        void assertSentAsRecorded(String ownTag, Golden.Outcome outcome) {
            assertThat(hex(sent)).as("records tlsj sent").containsExactlyElementsOf(hex(recorded.tagged(ownTag)));
            assertThat(peerRecords.hasNext()).as("every recorded peer record consumed").isFalse();
            assertThat(outcome.finalStatus()).isEqualTo(ConnectionStatus.CLOSED);
        }

        private static List<String> hex(List<Bytes> records) {
            return records.stream().map(Bytes::hex).toList();
        }
    }
}
