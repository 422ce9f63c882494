package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/** KeyUpdate on request, automatically before the AEAD limit, and flood control. */
class PostHandshakeTest {
    private final TestPki pki = TestPki.create();
    private final List<HandshakeEvent> clientEvents = new ArrayList<>();
    private final List<HandshakeEvent> serverEvents = new ArrayList<>();

    private long keyUpdates(List<HandshakeEvent> events, Role from) {
        return events.stream().filter(e -> e.title().equals("KeyUpdate") && e.from() == from).count();
    }

    @Test
    void keyUpdateWithRequestUpdatesBothDirections() throws Exception {
        TestPair pair = TestPair.of(pki.client().trace(clientEvents::add).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).trace(serverEvents::add).build(), "localhost").handshake();
        pair.client().requestKeyUpdate(true);
        pair.run();
        assertThat(keyUpdates(serverEvents, Role.CLIENT)).isEqualTo(1);
        assertThat(pair.clientSends("after update")).isEqualTo("after update");
        assertThat(pair.serverSends("both ways")).isEqualTo("both ways");
        assertThat(keyUpdates(clientEvents, Role.SERVER)).as("answered before the server's data").isEqualTo(1);
    }

    @Test
    void severalRequestsWhileSilentGetOneAnswerBeforeTheNextData() throws Exception {
        // RFC 8446 section 4.6.3: the answer goes before our next application data; requests meanwhile share it.
        TestPair pair = TestPair.of(pki.client().trace(clientEvents::add).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).trace(serverEvents::add).build(), "localhost").handshake();
        for (int i = 0; i < 5; i++) {
            pair.client().requestKeyUpdate(true);
        }
        pair.run();
        assertThat(keyUpdates(serverEvents, Role.CLIENT)).isEqualTo(5);
        assertThat(keyUpdates(clientEvents, Role.SERVER)).as("nothing written yet").isZero();
        assertThat(pair.serverSends("data")).isEqualTo("data");
        assertThat(keyUpdates(clientEvents, Role.SERVER)).isEqualTo(1);
        assertThat(pair.serverSends("more")).isEqualTo("datamore");
        assertThat(keyUpdates(clientEvents, Role.SERVER)).isEqualTo(1);
        assertThat(pair.clientSends("still in step")).isEqualTo("still in step");
    }

    @Test
    void sendsKeyUpdateAutomaticallyAtTheRecordLimit() throws Exception {
        TestPair pair = TestPair.of(pki.client().keyUpdateRecordLimit(4).trace(clientEvents::add).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).trace(serverEvents::add).build(), "localhost").handshake();
        StringBuilder all = new StringBuilder();
        String received = "";
        for (int i = 0; i < 10; i++) {
            all.append("record ").append(i).append(';');
            received = pair.clientSends("record " + i + ";");
        }
        assertThat(received).isEqualTo(all.toString());
        assertThat(keyUpdates(clientEvents, Role.CLIENT)).isGreaterThanOrEqualTo(2);
        assertThat(keyUpdates(serverEvents, Role.CLIENT)).isEqualTo(keyUpdates(clientEvents, Role.CLIENT));
    }

    @Test
    void aFloodOfKeyUpdatesIsRefused() throws Exception {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").handshake();
        for (int i = 0; i < 40; i++) {
            pair.client().requestKeyUpdate(false);
        }
        pair.run();
        assertFatal(pair.serverFailure(), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_KEY_UPDATES);
    }

    @Test
    void writingBeforeTheHandshakeIsAnError() {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pair.client().write(ByteBuffer.wrap(new byte[1])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handshake");
    }
}
