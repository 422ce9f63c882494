package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.io.TestCertificates;
import org.tlsj.pki.ChainChecks;

/** The chain proof exists only after the verifier accepted; going without a client certificate only if allowed. */
class CertificateChecksTest {

    @Test
    void chainProofCarriesTheChainAndTheVerifiersChecks() throws TlsFatalAlertException {
        var chain = TestCertificates.localhost().chain();
        Proofs.ChainVerified ok = CertificateChecks.verifyServer(
                (c, name, now) -> new ChainChecks(List.of("checked " + name.orElseThrow())), chain,
                Optional.of("localhost"), Instant.EPOCH);
        assertThat(ok.chain()).isEqualTo(chain);
        assertThat(ok.checks()).containsExactly("checked localhost");
    }

    @Test
    void refusingVerifierLeavesNoProof() {
        assertThatThrownBy(() -> CertificateChecks.verifyClient((c, now) -> {
            throw Fatal.of(Reason.CertificateProblem.UNKNOWN_ISSUER, "test");
        }, TestCertificates.localhost().chain(), Instant.EPOCH)).isInstanceOf(TlsFatalAlertException.class);
    }

    @Test
    void requiredClientCertificateCannotBeSkipped() {
        assertThatThrownBy(() -> CertificateChecks.withoutClientCertificate(ClientAuth.REQUIRED, ProtocolVersion.TLS13))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.CERTIFICATE_REQUIRED));
        assertThatThrownBy(() -> CertificateChecks.withoutClientCertificate(ClientAuth.REQUIRED, ProtocolVersion.TLS12))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE));
    }

    @Test
    void optionalOrNoClientAuthAllowsNoCertificate() throws TlsFatalAlertException {
        for (ClientAuth policy : List.of(ClientAuth.NONE, ClientAuth.OPTIONAL)) {
            assertThat(CertificateChecks.withoutClientCertificate(policy, ProtocolVersion.TLS13)).isNotNull();
        }
    }
}
