package org.tlsj.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tlsj.certs.PkixVerifierTest.IN_A_YEAR;
import static org.tlsj.certs.PkixVerifierTest.NOW;
import static org.tlsj.certs.PkixVerifierTest.SERVER;
import static org.tlsj.certs.PkixVerifierTest.YEAR_AGO;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

/**
 * ML-DSA keys in the local PKI's PEM files and the JDK's PKIX validation (RFC 9881); {@code CertificateMinterTest}
 * mints and validates a chain of each parameter set.
 */
class MlDsaCertificatesTest {
    @Test
    void aTamperedMlDsaSignatureFailsValidation() throws Exception {
        Issued ca = CertificateMinter.ca("ML-DSA CA", KeyType.ML_DSA_65, YEAR_AGO, IN_A_YEAR.plusSeconds(60));
        Issued other = CertificateMinter.ca("ML-DSA CA", KeyType.ML_DSA_65, YEAR_AGO, IN_A_YEAR.plusSeconds(60));
        // Same name, another key: the leaf's signature does not verify under the trusted CA's key.
        X509Certificate leaf = CertificateMinter.leaf(other, "server", List.of("localhost"), KeyType.EC_P256,
                YEAR_AGO, IN_A_YEAR, SERVER).certificate();
        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class, () ->
                PkixVerifier.withTrustedCertificates(List.of(ca.certificate()))
                        .verify(List.of(leaf), Optional.of("localhost"), NOW));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isInstanceOf(CertificateProblem.class);
    }

    @Test
    void localPkiWritesMlDsaKeysAsPkcs8AndDerivesThePublicKeyOfAnExistingOne(@TempDir Path dir) throws Exception {
        LocalPki pki = LocalPki.createOrLoad(dir, List.of("localhost"), KeyType.ML_DSA_65, NOW, false);
        assertThat(Files.readString(dir.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        CertifiedKey read = Pem.certifiedKey(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        assertThat(read.leaf()).isEqualTo(pki.serverKey().leaf());
        assertThat(CertificateMinter.mlDsaParameterSet(read.privateKey())).isEqualTo("ML-DSA-65");
        assertThat(pki.caCertificate().getSigAlgName()).isEqualToIgnoringCase("ML-DSA-65");
        // A key without its certificate: the certificate is issued for the same key, its public half derived.
        Files.delete(dir.resolve("server.pem"));
        LocalPki again = LocalPki.createOrLoad(dir, List.of("localhost"), KeyType.ML_DSA_65, NOW, false);
        assertThat(again.serverKey().leaf().getPublicKey()).isEqualTo(read.leaf().getPublicKey());
        assertThat(PublicKeys.of(read.privateKey())).isEqualTo(read.leaf().getPublicKey());
    }
}
