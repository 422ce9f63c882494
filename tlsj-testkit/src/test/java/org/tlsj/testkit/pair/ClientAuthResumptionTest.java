package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.TicketKeys;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * A server that requires a client certificate never resumes a session whose full handshake had none: servers
 * sharing ticket keys may differ in their client-auth policy, and the ticket of an anonymous client from one must
 * not let it into the other without a certificate.
 */
class ClientAuthResumptionTest {
    private final TestPki pki = TestPki.create();
    private final CertifiedKey serverKey = pki.server(KeyType.EC_P256);
    private final TicketKeys sharedKeys = TicketKeys.random(JcaCryptoProvider.create().random(), Duration.ofHours(12));

    private ServerConfig server(ClientAuth mode, ProtocolVersion version) {
        return TestPki.server(serverKey).clientAuth(mode, pki.verifier()).ticketKeys(sharedKeys)
                .versions(List.of(version)).build();
    }

    private TestPair firstAnonymousConnection(ClientConfig client, ProtocolVersion version) throws Exception {
        TestPair first = TestPair.of(client, server(ClientAuth.OPTIONAL, version), "localhost").handshake();
        assertThat(first.serverSends("your ticket")).isEqualTo("your ticket");
        assertThat(first.server().session().orElseThrow().peerCertificates()).isEmpty();
        return first;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.2"})
    void theAnonymousSessionResumesWhereClientAuthIsOptional(String v) throws Exception {
        ProtocolVersion version = ProtocolVersion.parse(v);
        ClientConfig client = pki.client().versions(List.of(version)).build();
        firstAnonymousConnection(client, version);
        TestPair second = TestPair.of(client, server(ClientAuth.OPTIONAL, version), "localhost").handshake();
        assertThat(second.server().session().orElseThrow().resumed()).as("the shared ticket keys work").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.2"})
    void theAnonymousSessionDoesNotResumeWhereAClientCertificateIsRequired(String v) throws Exception {
        ProtocolVersion version = ProtocolVersion.parse(v);
        ClientConfig client = pki.client().versions(List.of(version)).build();
        firstAnonymousConnection(client, version);
        TestPair second = TestPair.of(client, server(ClientAuth.REQUIRED, version), "localhost").run();
        AlertDescription alert = version.equals(ProtocolVersion.TLS13) ? AlertDescription.CERTIFICATE_REQUIRED
                : AlertDescription.HANDSHAKE_FAILURE;
        assertThat(second.server().session()).as("no session: a full handshake that fails").isEmpty();
        assertThat(second.serverFailure()).isPresent();
        assertFatal(second.serverFailure(), alert, PeerMisbehaved.CERTIFICATE_REQUIRED);
    }
}
