package org.tlsj.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.certs.PkixVerifierTest.IN_A_YEAR;
import static org.tlsj.certs.PkixVerifierTest.NOW;
import static org.tlsj.certs.PkixVerifierTest.YEAR_AGO;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.PkixVerifier;

class CertificateMinterTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void eachKeyTypeMintsAChainThatValidates(KeyType type) throws Exception {
        Issued ca = CertificateMinter.ca("CA " + type, type, YEAR_AGO, IN_A_YEAR);
        Issued leaf = CertificateMinter.leaf(ca, "server", List.of("localhost"), type, YEAR_AGO, IN_A_YEAR,
                Set.of(Usage.SERVER));

        var checks = PkixVerifier.withTrustedCertificates(List.of(ca.certificate()))
                .verify(List.of(leaf.certificate(), ca.certificate()), Optional.of("localhost"), NOW).checks();

        assertThat(checks).contains("hostname: localhost matches DNS:localhost");
        assertThat(leaf.certificate().getSigAlgName()).isEqualTo(switch (type) {
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case RSA_2048, RSA_3072 -> "SHA256withRSA";
            case RSA_PSS_2048 -> "RSASSA-PSS";
            case ED25519 -> "Ed25519";
            case ML_DSA_44 -> "ML-DSA-44";
            case ML_DSA_65 -> "ML-DSA-65";
            case ML_DSA_87 -> "ML-DSA-87";
        });
        assertThat(leaf.certificate().getPublicKey().getAlgorithm()).isEqualTo(leaf.keyPair().getPublic().getAlgorithm());
    }

    @Test
    void caIsSelfSignedWithCriticalCaExtensions() throws Exception {
        X509Certificate ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR).certificate();

        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
        assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ca.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        boolean[] keyUsage = ca.getKeyUsage();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[6]).as("cRLSign").isTrue();
        assertThat(keyUsage[0]).as("digitalSignature").isFalse();
        assertThat(ca.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(ca.getNotBefore().toInstant()).isEqualTo(YEAR_AGO);
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(IN_A_YEAR);
    }

    @Test
    void leafCarriesNamesUsagesAndKeyIdentifiers() throws Exception {
        Issued ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        X509Certificate leaf = CertificateMinter.leaf(ca, "server", List.of("localhost", "127.0.0.1", "::1"),
                KeyType.EC_P256, YEAR_AGO, IN_A_YEAR, Set.of(Usage.SERVER, Usage.CLIENT)).certificate();

        assertThat(HostnameMatcher.describeNames(leaf)).isEqualTo("DNS:localhost, IP:127.0.0.1, IP:::1");
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[2]).as("keyEncipherment only for RSA").isFalse();
        assertThat(leaf.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
        assertThat(leaf.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(leaf.getSerialNumber().signum()).isPositive();
        assertThat(leaf.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
    }

    @Test
    void rsaLeafAlsoAllowsKeyEncipherment() {
        Issued ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        X509Certificate leaf = CertificateMinter.leaf(ca, "server", List.of("localhost"), KeyType.RSA_2048,
                YEAR_AGO, IN_A_YEAR, Set.of(Usage.SERVER)).certificate();

        assertThat(leaf.getKeyUsage()[0]).isTrue();
        assertThat(leaf.getKeyUsage()[2]).isTrue();
    }

    @Test
    void serialNumbersAreRandom() {
        Issued ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        var a = CertificateMinter.leaf(ca, "a", List.of("a.test"), KeyType.EC_P256, YEAR_AGO, IN_A_YEAR, Set.of());
        var b = CertificateMinter.leaf(ca, "a", List.of("a.test"), KeyType.EC_P256, YEAR_AGO, IN_A_YEAR, Set.of());

        assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
    }

    @Test
    void storesInternationalizedNamesAsALabels() throws Exception {
        Issued ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);
        X509Certificate leaf = CertificateMinter.leaf(ca, "bücher", List.of("bücher.example"), KeyType.EC_P256,
                YEAR_AGO, IN_A_YEAR, Set.of(Usage.SERVER)).certificate();

        assertThat(HostnameMatcher.describeNames(leaf)).isEqualTo("DNS:xn--bcher-kva.example");
        assertThat(HostnameMatcher.matches(leaf, "bücher.example")).isTrue();
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=bücher");
    }

    @Test
    void refusesValidityThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> CertificateMinter.ca("CA", KeyType.EC_P256, IN_A_YEAR, YEAR_AGO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after notBefore");
    }

    @Test
    void parsesKeyTypeNamesAndListsTheChoices() {
        assertThat(KeyType.parse("ec-p256")).isEqualTo(KeyType.EC_P256);
        assertThat(KeyType.parse("RSA_PSS_2048")).isEqualTo(KeyType.RSA_PSS_2048);
        assertThat(KeyType.parse(" Ed25519 ")).isEqualTo(KeyType.ED25519);
        assertThatThrownBy(() -> KeyType.parse("dsa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown key type 'dsa'; choose one of ec-p256, ec-p384, rsa-2048, rsa-3072, "
                        + "rsa-pss-2048, ed25519, ml-dsa-44, ml-dsa-65, ml-dsa-87");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void derivesThePublicKeyFromThePrivateKey(KeyType type) {
        var pair = type.generate(new SecureRandom());

        assertThat(PublicKeys.of(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void issuedNeverPrintsKeyMaterial() {
        Issued ca = CertificateMinter.ca("Test CA", KeyType.EC_P256, YEAR_AGO, IN_A_YEAR);

        assertThat(ca.toString()).isEqualTo("Issued[CN=Test CA, EC]");
        assertThat(ca.withChain().chain()).containsExactly(ca.certificate());
    }
}
