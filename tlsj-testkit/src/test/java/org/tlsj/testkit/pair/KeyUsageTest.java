package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.ServerConfig;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * A leaf's keyUsage extension, when present, must allow what the handshake does with the key, whatever the
 * verifier decided about the chain: sign (digitalSignature, RFC 8446 section 4.4.2.2, RFC 5246 section 7.4.2)
 * or, for TLS 1.2 static RSA key exchange, encrypt the pre-master secret (keyEncipherment).
 */
class KeyUsageTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TestPki pki = TestPki.create();

    /** The versions, each with an ECDSA suite. */
    enum Version {
        TLS13(ProtocolVersion.TLS13, CipherSuite.TLS_AES_128_GCM_SHA256),
        TLS12(ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);

        final ProtocolVersion version;
        final CipherSuite suite;

        Version(ProtocolVersion version, CipherSuite suite) {
            this.version = version;
            this.suite = suite;
        }

        ClientConfig.Builder client(TestPki pki) {
            return pki.client().versions(List.of(version)).cipherSuites(List.of(suite));
        }

        ServerConfig.Builder server(CertifiedKey key) {
            return TestPki.server(key).versions(List.of(version)).cipherSuites(List.of(suite));
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void clientRefusesAServerCertificateWhoseKeyUsageForbidsSigning(Version v) {
        // The EC certificate of BoGo's ECDSAKeyUsage tests: keyAgreement only, so good for ECDH, not ECDSA.
        CertifiedKey server = leaf(KeyType.EC_P256, KeyUsage.keyAgreement, KeyPurposeId.id_kp_serverAuth);
        TestPair pair = TestPair.of(v.client(pki).build(), v.server(server).build(), "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.WRONG_KEY_USAGE);
        assertThat(pair.clientFailure().get().getMessage()).contains("digitalSignature");
        assertPeerAlert(pair.serverFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void serverRefusesAClientCertificateWhoseKeyUsageForbidsSigning(Version v) {
        CertifiedKey alice = leaf(KeyType.EC_P256, KeyUsage.keyAgreement, KeyPurposeId.id_kp_clientAuth);
        TestPair pair = TestPair.of(v.client(pki).certificates(List.of(alice)).build(),
                v.server(pki.server(KeyType.EC_P256)).clientAuth(ClientAuth.REQUIRED, pki.verifier()).build(),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.WRONG_KEY_USAGE);
        assertPeerAlert(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    @Test
    void tls12EcdheRsaNeedsDigitalSignatureNotKeyEncipherment() {
        CertifiedKey server = leaf(KeyType.RSA_2048, KeyUsage.keyEncipherment, KeyPurposeId.id_kp_serverAuth);
        TestPair pair = TestPair.of(tls12Client(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                tls12Server(server, false), "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.WRONG_KEY_USAGE);
    }

    @Test
    void tls12StaticRsaNeedsKeyEncipherment() {
        CertifiedKey server = leaf(KeyType.RSA_2048, KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth);
        TestPair pair = TestPair.of(tls12Client(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256), tls12Server(server, true),
                "localhost").run();
        assertFatal(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.WRONG_KEY_USAGE);
        assertThat(pair.clientFailure().get().getMessage()).contains("keyEncipherment");
    }

    @Test
    void tls12StaticRsaAcceptsAKeyEnciphermentOnlyCertificate() {
        CertifiedKey server = leaf(KeyType.RSA_2048, KeyUsage.keyEncipherment, KeyPurposeId.id_kp_serverAuth);
        TestPair pair = TestPair.of(tls12Client(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256), tls12Server(server, true),
                "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().cipherSuite())
                .isEqualTo(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void certificateWithDigitalSignatureAmongOtherBitsSigns(Version v) {
        CertifiedKey server = leaf(KeyType.EC_P256, KeyUsage.keyAgreement | KeyUsage.digitalSignature,
                KeyPurposeId.id_kp_serverAuth);
        TestPair pair = TestPair.of(v.client(pki).build(), v.server(server).build(), "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().version()).isEqualTo(v.version);
    }

    private ClientConfig tls12Client(CipherSuite suite) {
        return pki.client().versions(List.of(ProtocolVersion.TLS12)).cipherSuites(List.of(suite)).build();
    }

    private static ServerConfig tls12Server(CertifiedKey key, boolean rsaKeyExchange) {
        return TestPki.server(key).versions(List.of(ProtocolVersion.TLS12)).rsaKeyExchange(rsaKeyExchange).build();
    }

    /** A leaf for localhost from the test CA, with exactly this keyUsage and extended key usage. */
    private CertifiedKey leaf(KeyType type, int keyUsage, KeyPurposeId purpose) {
        KeyPair keys = type.generate(RANDOM);
        try {
            X500Name issuer = X500Name.getInstance(pki.ca().certificate().getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM), Date.from(TestPki.NOW.minusSeconds(3600)),
                    Date.from(TestPki.NOW.plusSeconds(3600)), new X500Name("CN=localhost"), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(CertificateMinter.signatureAlgorithm(pki.ca().privateKey()))
                            .build(pki.ca().privateKey())));
            return new CertifiedKey(List.of(cert, pki.ca().certificate()), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint the test certificate", e);
        }
    }
}
