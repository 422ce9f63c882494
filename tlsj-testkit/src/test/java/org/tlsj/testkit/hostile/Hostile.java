package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.ScriptedRandom;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** Shared fixtures of the hostile-peer suite and its one verdict: aborted with exactly this alert and reason. */
final class Hostile {
    static final TestPki PKI = TestPki.create();
    static final CertifiedKey SERVER_KEY = PKI.server(KeyType.EC_P256);
    static final CertifiedKey OTHER_KEY = PKI.server(KeyType.EC_P256);
    static final CertifiedKey CLIENT_KEY = PKI.clientCertificate("alice");
    static final String HS_SERVER = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    static final String HS_CLIENT = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    static final String APP_SERVER = "SERVER_TRAFFIC_SECRET_0";
    static final String APP_CLIENT = "CLIENT_TRAFFIC_SECRET_0";

    private Hostile() {
    }

    /** Our TLS 1.3 client: one suite, X25519 share, P-256 offered; deterministic randomness. */
    static ClientConfig.Builder client() {
        return PKI.client().versions(List.of(ProtocolVersion.TLS13))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
                .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519))
                .crypto(JcaCryptoProvider.create(new ScriptedRandom(1)));
    }

    /** Our client, with a client certificate. */
    static ClientConfig.Builder clientWithCertificate() {
        return client().certificates(List.of(CLIENT_KEY));
    }

    /** Our TLS 1.3 server: one suite, no tickets; deterministic randomness. */
    static ServerConfig.Builder server() {
        return TestPki.server(SERVER_KEY).versions(List.of(ProtocolVersion.TLS13))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
                .ticketsPerHandshake(0)
                .crypto(JcaCryptoProvider.create(new ScriptedRandom(2)));
    }

    /** Our server requiring a client certificate. */
    static ServerConfig.Builder mutualServer() {
        return server().clientAuth(ClientAuth.REQUIRED, PKI.verifier());
    }

    /**
     * The verdict of every hostile case: the victim aborted with exactly this reason, wrote exactly one
     * record in answer (the fatal alert), is FAILED with a sticky error, and more bytes change nothing.
     */
    static void assertAborted(ScriptedPeer peer, AlertDescription alert, Reason reason) {
        assertThat(peer.failure()).as("the victim must fail").isPresent();
        TlsException failure = peer.failure().get();
        assertThat(failure).isInstanceOf(TlsFatalAlertException.class);
        TlsFatalAlertException fatal = (TlsFatalAlertException) failure;
        assertThat(fatal.reason()).as("reason (%s)", fatal.getMessage()).isEqualTo(reason);
        assertThat(fatal.sent()).isEqualTo(alert);
        assertThat(reason.alert()).isEqualTo(alert);
        List<Records.Record> response = peer.response();
        assertThat(response).as("exactly one record in answer").hasSize(1);
        assertThat(response.getFirst().isAlert(2, alert.code()))
                .as("fatal alert %s, got %s", alert, response.getFirst()).isTrue();
        assertThat(peer.victim().status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(peer.victim().failure()).containsSame(failure);
        byte[] more = Records.concat(Records.record(Records.HANDSHAKE, new byte[] {20, 0, 0, 0}),
                Records.record(Records.APPLICATION_DATA, new byte[32]));
        assertThatThrownBy(() -> peer.victim().feed(ByteBuffer.wrap(more))).isSameAs(failure);
        assertThatThrownBy(() -> peer.victim().read(ByteBuffer.allocate(16))).isSameAs(failure);
        assertThat(TestPair.drain(peer.victim())).as("nothing more is written").isEmpty();
        assertThat(peer.victim().status()).isEqualTo(ConnectionStatus.FAILED);
    }
}
