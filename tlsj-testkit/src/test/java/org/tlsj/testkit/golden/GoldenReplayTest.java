package org.tlsj.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.Bytes;
import org.tlsj.testkit.golden.Golden.Scenario;
import org.tlsj.testkit.golden.Golden.Transcript;

/**
 * Replays each golden transcript recorded against OpenSSL (no OpenSSL needed): a fresh client with the same
 * seed and clock, fed the recorded server records, sends the recorded client records byte for byte, completes
 * the handshake and reads the recorded application data. A failure here means the client's bytes changed: if
 * on purpose (a new ClientHello), re-record as golden/README.md says; otherwise it is a regression.
 */
class GoldenReplayTest {
    @ParameterizedTest
    @EnumSource(Scenario.class)
    void clientSendsTheRecordedBytesToTheRecordedOpenSslServer(Scenario scenario) throws Exception {
        Transcript recorded = Transcript.parse(Golden.resource(Golden.FOLDER + "/" + scenario.file));
        Iterator<Bytes> serverRecords = recorded.tagged("S").iterator();
        List<Bytes> sent = new ArrayList<>();

        Golden.Outcome outcome = Golden.converse(ClientConnection.start(scenario.clientConfig(Golden.ca()), "localhost"),
                new Golden.Server() {
                    @Override
                    public Bytes nextRecord() {
                        return serverRecords.hasNext() ? serverRecords.next() : null;
                    }

                    @Override
                    public void send(Bytes record) {
                        sent.add(record);
                    }
                });

        assertThat(hex(sent)).as("client records").containsExactlyElementsOf(hex(recorded.tagged("C")));
        assertThat(serverRecords.hasNext()).as("every recorded server record consumed").isFalse();
        assertThat(outcome.finalStatus()).isEqualTo(ConnectionStatus.CLOSED);
        assertThat(recorded.tagged("C-data")).containsExactly(Golden.REQUEST);
        assertThat(outcome.received()).isEqualTo(recorded.tagged("S-data").getFirst());
        assertThat(new String(outcome.received().toArray(), java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("HTTP/1.0 200 ok");
    }

    private static List<String> hex(List<Bytes> records) {
        return records.stream().map(Bytes::hex).toList();
    }
}
