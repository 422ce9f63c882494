package org.tlsj.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tlsj.Reason;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.PkixVerifier;

/**
 * A verifier remembers chains that passed path validation; what it remembers must never make it accept what
 * a fresh validation would refuse: another chain, another host, a later time past a certificate's expiry.
 */
class PkixVerifierCacheTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    static final Issued CA = CertificateMinter.ca("Cache CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR.plus(Duration.ofDays(1)));

    private final PkixVerifier verifier = PkixVerifier.withTrustedCertificates(List.of(CA.certificate()));

    private static Issued leaf(Issued issuer, List<String> names, Instant notAfter) {
        return CertificateMinter.leaf(issuer, "server", names, KeyType.EC_P256, YEAR_AGO, notAfter, Set.of(Usage.SERVER));
    }

    private static List<X509Certificate> chain(Issued leaf, Issued ca) {
        return List.of(leaf.certificate(), ca.certificate());
    }

    private Reason rejection(List<X509Certificate> chain, String name, Instant at) {
        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                () -> verifier.verify(chain, Optional.ofNullable(name), at));
        assertThat(e).as("expected a rejection").isNotNull();
        return e.reason();
    }

    @Test
    void reconnectingGetsTheSameChecksWithTheNewTime() throws Exception {
        List<X509Certificate> chain = chain(leaf(CA, List.of("localhost"), IN_A_YEAR), CA);
        ChainChecks first = verifier.verify(chain, Optional.of("localhost"), NOW);

        ChainChecks again = verifier.verify(chain, Optional.of("localhost"), NOW.plusSeconds(30));

        assertThat(again.checks()).hasSize(first.checks().size());
        assertThat(again.checks().getFirst()).isEqualTo(first.checks().getFirst());
        assertThat(again.checks().get(1)).contains("valid at " + NOW.plusSeconds(30));
        assertThat(again.checks().getLast()).isEqualTo("hostname: localhost matches DNS:localhost");
    }

    @Test
    void checksTheHostNameAgainForAnotherName() throws Exception {
        List<X509Certificate> chain = chain(leaf(CA, List.of("localhost", "api.example.com"), IN_A_YEAR), CA);
        verifier.verify(chain, Optional.of("localhost"), NOW);

        assertThat(rejection(chain, "evil.example.com", NOW)).isEqualTo(CertificateProblem.NAME_MISMATCH);
        assertThat(verifier.verify(chain, Optional.of("api.example.com"), NOW).checks().getLast())
                .isEqualTo("hostname: api.example.com matches DNS:api.example.com");
    }

    @Test
    void revalidatesAChangedChain() throws Exception {
        verifier.verify(chain(leaf(CA, List.of("localhost"), IN_A_YEAR), CA), Optional.of("localhost"), NOW);
        Issued evil = CertificateMinter.ca("Cache CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);

        // Same names as the trusted chain, other keys: only the bytes tell them apart.
        assertThat(rejection(chain(leaf(evil, List.of("localhost"), IN_A_YEAR), evil), "localhost", NOW))
                .isInstanceOf(CertificateProblem.class);
    }

    @Test
    void rejectsACachedChainOnceItsLeafExpired() throws Exception {
        Instant expiry = NOW.plusSeconds(60);
        List<X509Certificate> chain = chain(leaf(CA, List.of("localhost"), expiry), CA);
        verifier.verify(chain, Optional.of("localhost"), NOW);
        verifier.verify(chain, Optional.of("localhost"), expiry);

        assertThat(rejection(chain, "localhost", expiry.plusSeconds(1))).isEqualTo(CertificateProblem.EXPIRED);
    }

    @Test
    void revalidatesAfterTheTimeToLive() throws Exception {
        List<X509Certificate> chain = chain(leaf(CA, List.of("localhost"), IN_A_YEAR), CA);
        verifier.verify(chain, Optional.of("localhost"), NOW);

        assertThat(verifier.verify(chain, Optional.of("localhost"), NOW.plus(Duration.ofHours(1))).checks())
                .first().asString().contains("chains to trusted CA 'CN=Cache CA'");
        assertThat(rejection(chain, "localhost", IN_A_YEAR.plusSeconds(1))).isEqualTo(CertificateProblem.EXPIRED);
    }

    @Test
    void anotherVerifierDoesNotShareWhatThisOneAccepted() throws Exception {
        List<X509Certificate> chain = chain(leaf(CA, List.of("localhost"), IN_A_YEAR), CA);
        verifier.verify(chain, Optional.of("localhost"), NOW);
        Issued other = CertificateMinter.ca("Other CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        PkixVerifier trustingOther = PkixVerifier.withTrustedCertificates(List.of(other.certificate()));

        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                () -> trustingOther.verify(chain, Optional.of("localhost"), NOW));

        assertThat(e.reason()).isEqualTo(CertificateProblem.UNKNOWN_ISSUER);
    }
}
