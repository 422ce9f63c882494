package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** Mutual TLS in TLS 1.3: required, optional, missing and wrong client certificates. */
class MutualTlsTest {
    private final TestPki pki = TestPki.create();

    private ServerConfig server(ClientAuth mode) {
        return TestPki.server(pki.server(KeyType.EC_P256)).clientAuth(mode, pki.verifier()).build();
    }

    @Test
    void requiredClientCertificateIsVerifiedAndNamed() throws Exception {
        CertifiedKey alice = pki.clientCertificate("alice");
        TestPair pair = TestPair.of(pki.client().certificates(List.of(alice)).build(), server(ClientAuth.REQUIRED),
                "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
        assertThat(pair.server().session().orElseThrow().peerCertificates()).containsExactlyElementsOf(alice.chain());
        assertThat(pair.clientSends("hello from alice")).isEqualTo("hello from alice");
    }

    @Test
    void missingRequiredCertificateIsCertificateRequired() {
        TestPair pair = TestPair.of(pki.client().build(), server(ClientAuth.REQUIRED), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.CERTIFICATE_REQUIRED, PeerMisbehaved.CERTIFICATE_REQUIRED);
        assertPeerAlert(pair.clientFailure(), AlertDescription.CERTIFICATE_REQUIRED);
    }

    @Test
    void optionalClientAuthAcceptsAClientWithoutCertificate() {
        TestPair pair = TestPair.of(pki.client().build(), server(ClientAuth.OPTIONAL), "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().peerIdentity()).isEmpty();
    }

    @Test
    void clientWithCertificateFromAnotherCaSendsNoneAndIsRefused() {
        CertifiedKey mallory = TestPki.create("other CA").clientCertificate("mallory");
        TestPair pair = TestPair.of(pki.client().certificates(List.of(mallory)).build(), server(ClientAuth.REQUIRED),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.CERTIFICATE_REQUIRED, PeerMisbehaved.CERTIFICATE_REQUIRED);
    }

    @Test
    void serverOnlyCertificateIsRefusedAsClientCertificate() {
        CertifiedKey serverCert = pki.server(KeyType.EC_P256);
        TestPair pair = TestPair.of(pki.client().certificates(List.of(serverCert)).build(), server(ClientAuth.REQUIRED),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.WRONG_PURPOSE);
        assertPeerAlert(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE);
    }
}
