package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** The client rejects bad server certificates with the right alert and a message that names the cause. */
class CertificateRejectionTest {
    private final TestPki pki = TestPki.create();

    @Test
    void clientRejectsCertificateForAnotherHost() {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256,
                List.of("api.example.com"), TestPki.NOW.minusSeconds(3600), TestPki.NOW.plusSeconds(3600))).build(),
                "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.CERTIFICATE_UNKNOWN, CertificateProblem.NAME_MISMATCH);
        assertThat(pair.clientFailure().get().getMessage()).contains("api.example.com").contains("localhost");
        assertPeerAlert(pair.serverFailure(), AlertDescription.CERTIFICATE_UNKNOWN);
    }

    @Test
    void clientRejectsExpiredCertificate() {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.expiredServer()).build(), "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.CERTIFICATE_EXPIRED, CertificateProblem.EXPIRED);
        assertPeerAlert(pair.serverFailure(), AlertDescription.CERTIFICATE_EXPIRED);
    }

    @Test
    void clientRejectsCertificateFromUnknownCa() {
        TestPki other = TestPki.create();
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(other.server(KeyType.EC_P256)).build(),
                "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.UNKNOWN_CA, CertificateProblem.UNKNOWN_ISSUER);
        assertPeerAlert(pair.serverFailure(), AlertDescription.UNKNOWN_CA);
    }

    @Test
    void clientAcceptsIpAddressInIpSan() {
        TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "127.0.0.1").handshake();
        assertThat(pair.client().session().orElseThrow().serverName()).isEmpty();
    }
}
