package org.tlsj.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.InsecureTrustAllVerifier;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

class PkixVerifierTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
    static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    static final Set<Usage> SERVER = Set.of(Usage.SERVER);

    static final Issued CA = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR.plus(Duration.ofDays(1)));
    static final PkixVerifier VERIFIER = PkixVerifier.withTrustedCertificates(List.of(CA.certificate()));

    private static Issued leaf(List<String> names, Instant notBefore, Instant notAfter, Set<Usage> usages) {
        return CertificateMinter.leaf(CA, "server", names, KeyType.EC_P256, notBefore, notAfter, usages);
    }

    private static Issued localhost() {
        return leaf(List.of("localhost", "127.0.0.1"), YEAR_AGO, IN_A_YEAR, SERVER);
    }

    private static List<X509Certificate> chain(Issued... certs) {
        return Arrays.stream(certs).map(Issued::certificate).toList();
    }

    private static TlsFatalAlertException rejected(PkixVerifier verifier, List<X509Certificate> chain, String name) {
        return catchThrowableOfType(TlsFatalAlertException.class,
                () -> verifier.verify(chain, Optional.ofNullable(name), NOW));
    }

    private static void assertProblem(TlsFatalAlertException e, Reason reason, AlertDescription alert, String text) {
        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.sent()).isEqualTo(alert);
        assertThat(e.getMessage()).contains(text);
    }

    @Test
    void acceptsValidChainAndNamesEachCheck() throws Exception {
        ChainChecks ok = VERIFIER.verify(chain(localhost(), CA), Optional.of("localhost"), NOW);

        assertThat(ok.checks()).containsExactly(
                "chain: certificate for localhost, 127.0.0.1 chains to trusted CA 'CN=Test CA' (1 certificate plus the CA)",
                "validity: every certificate is valid at 2026-06-01T12:00:00Z (leaf valid from "
                        + YEAR_AGO + " to " + IN_A_YEAR + ")",
                "purpose: extended key usage allows serverAuth",
                "hostname: localhost matches DNS:localhost");
    }

    @Test
    void acceptsChainThroughIntermediateInAnyOrder() throws Exception {
        Issued intermediate = CertificateMinter.intermediate(CA, "Test Intermediate", KeyType.EC_P384, YEAR_AGO, IN_A_YEAR);
        Issued leaf = CertificateMinter.leaf(intermediate, "server", List.of("localhost"), KeyType.ED25519,
                YEAR_AGO, IN_A_YEAR, SERVER);

        for (List<X509Certificate> sent : List.of(chain(leaf, intermediate), chain(leaf, intermediate, CA),
                chain(leaf, CA, intermediate))) {
            ChainChecks ok = VERIFIER.verify(sent, Optional.of("localhost"), NOW);
            assertThat(ok.checks().getFirst()).contains("(2 certificates plus the CA)");
        }
    }

    @Test
    void rejectsExpiredLeafSayingWhen() {
        Instant expiry = NOW.minus(Duration.ofDays(1));
        var e = rejected(VERIFIER, chain(leaf(List.of("localhost"), YEAR_AGO, expiry, SERVER), CA), "localhost");

        assertProblem(e, CertificateProblem.EXPIRED, AlertDescription.CERTIFICATE_EXPIRED,
                "certificate for localhost expired on " + expiry + " (checked at " + NOW + ")");
    }

    @Test
    void rejectsNotYetValidLeafSayingWhen() {
        Instant start = NOW.plus(Duration.ofDays(2));
        var e = rejected(VERIFIER, chain(leaf(List.of("localhost"), start, IN_A_YEAR, SERVER), CA), "localhost");

        assertProblem(e, CertificateProblem.NOT_YET_VALID, AlertDescription.CERTIFICATE_EXPIRED,
                "certificate for localhost is not valid until " + start);
    }

    @Test
    void rejectsExpiredIntermediateNamingIt() {
        Issued intermediate = CertificateMinter.intermediate(CA, "Old Intermediate", KeyType.EC_P256, YEAR_AGO,
                NOW.minus(Duration.ofDays(1)));
        Issued leaf = CertificateMinter.leaf(intermediate, "server", List.of("localhost"), KeyType.EC_P256,
                YEAR_AGO, IN_A_YEAR, SERVER);

        assertProblem(rejected(VERIFIER, chain(leaf, intermediate), "localhost"), CertificateProblem.EXPIRED,
                AlertDescription.CERTIFICATE_EXPIRED, "CA certificate 'CN=Old Intermediate' expired on");
    }

    @Test
    void rejectsUnknownCaNamingTheIssuer() {
        Issued evil = CertificateMinter.ca("Evil CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        Issued leaf = CertificateMinter.leaf(evil, "server", List.of("localhost"), KeyType.EC_P256, YEAR_AGO,
                IN_A_YEAR, SERVER);

        assertProblem(rejected(VERIFIER, chain(leaf, evil), "localhost"), CertificateProblem.UNKNOWN_ISSUER,
                AlertDescription.UNKNOWN_CA, "certificate issued by 'CN=Evil CA' is not trusted; trusted: 'CN=Test CA'");
    }

    @Test
    void reportsUntrustedBeforeExpired() {
        Issued evil = CertificateMinter.ca("Evil CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        Issued expired = CertificateMinter.leaf(evil, "server", List.of("localhost"), KeyType.EC_P256, YEAR_AGO,
                NOW.minus(Duration.ofDays(1)), SERVER);

        assertThat(rejected(VERIFIER, chain(expired, evil), "localhost").reason())
                .isEqualTo(CertificateProblem.UNKNOWN_ISSUER);
    }

    @Test
    void rejectsSelfSignedLeafAsUnknownIssuer() {
        Issued self = CertificateMinter.ca("localhost", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);

        assertProblem(rejected(VERIFIER, chain(self), "localhost"), CertificateProblem.UNKNOWN_ISSUER,
                AlertDescription.UNKNOWN_CA, "certificate issued by 'CN=localhost' is not trusted (it is self-signed)");
    }

    @Test
    void rejectsTamperedSignature() throws Exception {
        byte[] der = localhost().certificate().getEncoded();
        der[der.length - 5] ^= 0x01; // inside the signature value, the last field of the certificate
        X509Certificate tampered = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));

        assertProblem(rejected(VERIFIER, List.of(tampered, CA.certificate()), "localhost"),
                CertificateProblem.BAD_SIGNATURE, AlertDescription.BAD_CERTIFICATE,
                "the signature on certificate for localhost, 127.0.0.1 does not verify with the key of its issuer 'CN=Test CA'");
    }

    @Test
    void rejectsCertificateIssuedByANonCa() {
        Issued notCa = localhost();
        Issued leaf = CertificateMinter.leaf(notCa, "sub", List.of("localhost"), KeyType.EC_P256, YEAR_AGO,
                IN_A_YEAR, SERVER);

        assertProblem(rejected(VERIFIER, chain(leaf, notCa), "localhost"), CertificateProblem.INVALID,
                AlertDescription.BAD_CERTIFICATE, "certificate 'CN=server' issued another certificate but its key "
                        + "usage does not allow signing certificates (keyCertSign)");
    }

    @Test
    void rejectsWrongHostNamingBoth() {
        Issued api = leaf(List.of("api.example.com"), YEAR_AGO, IN_A_YEAR, SERVER);

        assertProblem(rejected(VERIFIER, chain(api, CA), "localhost"), CertificateProblem.NAME_MISMATCH,
                AlertDescription.CERTIFICATE_UNKNOWN, "certificate for DNS:api.example.com does not match localhost");
    }

    @Test
    void neverFallsBackToTheCommonName() {
        Issued cnOnly = CertificateMinter.leaf(CA, "localhost", List.of(), KeyType.EC_P256, YEAR_AGO, IN_A_YEAR, SERVER);

        assertProblem(rejected(VERIFIER, chain(cnOnly, CA), "localhost"), CertificateProblem.NAME_MISMATCH,
                AlertDescription.CERTIFICATE_UNKNOWN, "certificate has no DNS or IP names (subject CN=localhost; "
                        + "the common name is never used), so it does not match localhost");
    }

    @Test
    void acceptsIpAddressSans() throws Exception {
        Issued ips = leaf(List.of("127.0.0.1", "::1"), YEAR_AGO, IN_A_YEAR, SERVER);

        assertThat(VERIFIER.verify(chain(ips, CA), Optional.of("127.0.0.1"), NOW).checks())
                .contains("hostname: 127.0.0.1 matches IP:127.0.0.1");
        assertThat(VERIFIER.verify(chain(ips, CA), Optional.of("[::1]"), NOW).checks())
                .contains("hostname: [::1] matches IP:::1");
        assertThat(rejected(VERIFIER, chain(ips, CA), "127.0.0.2").reason()).isEqualTo(CertificateProblem.NAME_MISMATCH);
    }

    @Test
    void acceptsWildcardForOneLabelOnly() throws Exception {
        Issued wildcard = leaf(List.of("*.example.com"), YEAR_AGO, IN_A_YEAR, SERVER);

        assertThat(VERIFIER.verify(chain(wildcard, CA), Optional.of("api.example.com"), NOW).checks())
                .contains("hostname: api.example.com matches DNS:*.example.com");
        assertThat(rejected(VERIFIER, chain(wildcard, CA), "example.com").reason())
                .isEqualTo(CertificateProblem.NAME_MISMATCH);
        assertThat(rejected(VERIFIER, chain(wildcard, CA), "a.b.example.com").reason())
                .isEqualTo(CertificateProblem.NAME_MISMATCH);
    }

    @Test
    void rejectsClientOnlyCertificateForServer() {
        Issued client = leaf(List.of("localhost"), YEAR_AGO, IN_A_YEAR, Set.of(Usage.CLIENT));

        assertProblem(rejected(VERIFIER, chain(client, CA), "localhost"), CertificateProblem.WRONG_PURPOSE,
                AlertDescription.UNSUPPORTED_CERTIFICATE,
                "certificate for localhost is for clientAuth, not serverAuth (extended key usage)");
    }

    @Test
    void acceptsCertificateWithoutExtendedKeyUsage() throws Exception {
        Issued any = leaf(List.of("localhost"), YEAR_AGO, IN_A_YEAR, Set.of());

        assertThat(VERIFIER.verify(chain(any, CA), Optional.of("localhost"), NOW).checks())
                .contains("purpose: no extended key usage extension, so serverAuth is allowed");
    }

    @Test
    void verifiesClientCertificatesForClientAuthWithoutHostname() throws Exception {
        Issued client = CertificateMinter.leaf(CA, "alice", List.of(), KeyType.EC_P256, YEAR_AGO, IN_A_YEAR,
                Set.of(Usage.CLIENT));
        Issued serverOnly = leaf(List.of("localhost"), YEAR_AGO, IN_A_YEAR, SERVER);

        assertThat(VERIFIER.verifyClient(chain(client, CA), NOW).checks())
                .last().isEqualTo("purpose: extended key usage allows clientAuth");
        var e = catchThrowableOfType(TlsFatalAlertException.class, () -> VERIFIER.verifyClient(chain(serverOnly, CA), NOW));
        assertProblem(e, CertificateProblem.WRONG_PURPOSE, AlertDescription.UNSUPPORTED_CERTIFICATE,
                "is for serverAuth, not clientAuth");
    }

    @Test
    void recordsThatHostnameWasNotCheckedWithoutAName() throws Exception {
        assertThat(VERIFIER.verify(chain(localhost(), CA), Optional.empty(), NOW).checks())
                .last().isEqualTo("hostname: not checked (no server name known)");
    }

    @Test
    void rejectsEmptyChain() {
        assertProblem(rejected(VERIFIER, List.of(), "localhost"), CertificateProblem.EMPTY_CHAIN,
                AlertDescription.DECODE_ERROR, "peer sent no certificate");
    }

    @Test
    void loadsTrustFromACaFile(@TempDir Path dir) throws Exception {
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, Pem.toPem(CA.certificate()));
        PkixVerifier fromFile = PkixVerifier.fromCaFile(caFile);
        Issued evil = CertificateMinter.ca("Evil CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);

        assertThat(fromFile.verify(chain(localhost(), CA), Optional.of("localhost"), NOW).checks()).hasSize(4);
        assertThat(rejected(fromFile, chain(evil), "localhost").getMessage())
                .contains("trusted: 'CN=Test CA' from " + caFile);
    }

    @Test
    void defaultTrustStoreDoesNotTrustALocalCa() {
        PkixVerifier jdk = PkixVerifier.withDefaultTrust();

        assertThat(jdk.trustedCertificates()).isNotEmpty();
        assertProblem(rejected(jdk, chain(localhost(), CA), "localhost"), CertificateProblem.UNKNOWN_ISSUER,
                AlertDescription.UNKNOWN_CA, "certificate issued by 'CN=Test CA' is not trusted; trusted: the JDK default trust store");
    }

    @Test
    void insecureVerifierAcceptsAnythingAndSaysSo() {
        Issued evil = CertificateMinter.ca("Evil CA", KeyType.EC_P256, YEAR_AGO, YEAR_AGO.plusSeconds(60));

        ChainChecks result = InsecureTrustAllVerifier.INSTANCE.verify(chain(evil), Optional.of("x"), NOW);

        assertThat(result.checks()).isNotEmpty().allMatch(c -> c.endsWith("NOT CHECKED (insecure)"));
    }
}
