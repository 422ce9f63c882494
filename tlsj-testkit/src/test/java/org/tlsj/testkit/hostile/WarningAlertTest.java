package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ConnectionStatus;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.testkit.TestPair;

/**
 * Warning alerts: in TLS 1.3 every alert but close_notify and user_canceled ends the connection (RFC 8446
 * section 6); in TLS 1.2 a warning does not (RFC 5246 section 7.2), so a loop of them is bounded.
 */
class WarningAlertTest {
    private static final byte[] UNRECOGNIZED_NAME_WARNING = {1, 112};

    @Test
    void tls13WarningAlertEndsTheConnectionAndNothingIsSentBack() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server())
                .withHonestClient(Hostile.client(), "localhost").handshakeHonestly();
        p.sendProtected(Hostile.APP_CLIENT, Records.ALERT, UNRECOGNIZED_NAME_WARNING);
        assertThat(p.failure()).get().isInstanceOf(TlsPeerAlertException.class);
        assertThat(((TlsPeerAlertException) p.failure().get()).description())
                .contains(AlertDescription.UNRECOGNIZED_NAME);
        assertThat(p.response()).isEmpty();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(TestPair.drain(p.victim())).isEmpty();
    }

    @Test
    void warningBeforeServerHelloIsToleratedWhileTls12MayBeChosen() {
        // Some TLS 1.2 servers send unrecognized_name as a warning before their ServerHello (RFC 6066 section 3).
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client()
                .versions(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), "localhost")
                .withHonestServer(Hostile.server().versions(List.of(ProtocolVersion.TLS12))
                        .cipherSuites(CipherSuite.TLS12_DEFAULTS));
        p.sendRecord(Records.ALERT, UNRECOGNIZED_NAME_WARNING);
        assertThat(p.failure()).isEmpty();
        p.handshakeHonestly();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.ESTABLISHED);
    }

    @Test
    void aTls13OnlyClientTakesAWarningBeforeServerHelloAsFatal() {
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client(), "localhost");
        p.sendRecord(Records.ALERT, UNRECOGNIZED_NAME_WARNING);
        assertThat(p.failure()).get().isInstanceOf(TlsPeerAlertException.class);
        assertThat(p.response()).isEmpty();
    }

    @Test
    void tls12ClientBoundsALoopOfWarningAlerts() {
        ScriptedPeer p = ScriptedPeer.againstClient(tls12Client(), "localhost").withHonestServer(Hostile.server()
                .versions(List.of(ProtocolVersion.TLS12)).cipherSuites(CipherSuite.TLS12_DEFAULTS));
        p.relayToHonest();
        byte[] serverHello = Records.record(Records.HANDSHAKE,
                Records.messages(ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst().toArray());
        p.send(serverHello);
        assertThat(p.failure()).isEmpty();
        for (int i = 0; i < 33; i++) {
            p.sendRecord(Records.ALERT, UNRECOGNIZED_NAME_WARNING);
        }
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_EMPTY_RECORDS);
    }

    @Test
    void tls12ServerBoundsALoopOfWarningAlerts() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server().versions(List.of(ProtocolVersion.TLS12))
                .cipherSuites(CipherSuite.TLS12_DEFAULTS)).withHonestClient(tls12Client(), "localhost");
        p.send(Records.concat(p.takeFromHonest().stream()
                .map(r -> Records.record(r.type(), r.body().toArray())).toArray(byte[][]::new)));
        assertThat(p.failure()).isEmpty();
        for (int i = 0; i < 33; i++) {
            p.sendRecord(Records.ALERT, UNRECOGNIZED_NAME_WARNING);
        }
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.TOO_MANY_EMPTY_RECORDS);
    }

    private static org.tlsj.ClientConfig.Builder tls12Client() {
        return Hostile.client().versions(List.of(ProtocolVersion.TLS12)).cipherSuites(CipherSuite.TLS12_DEFAULTS);
    }
}
