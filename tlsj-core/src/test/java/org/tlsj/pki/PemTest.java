package org.tlsj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemTest {

    static Path fixture(String name) {
        try {
            return Path.of(PemTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA, 2048", "RSASSA-PSS, 2048", "EC, secp256r1", "EC, secp384r1", "Ed25519, 0", "Ed448, 0"})
    void readsBackPkcs8KeysItWrote(String algorithm, String parameter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.startsWith("RSA")) {
            generator.initialize(Integer.parseInt(parameter));
        } else if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec(parameter));
        }
        PrivateKey key = generator.generateKeyPair().getPrivate();

        String pem = Pem.toPem(key);
        PrivateKey read = Pem.privateKey(pem);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
        assertThat(read.getAlgorithm()).isEqualTo(key.getAlgorithm());
    }

    @ParameterizedTest
    @CsvSource({
        "test-only-ec-p256-sec1-cert.pem, test-only-ec-p256-sec1.pem, EC, EC PRIVATE KEY",
        "test-only-ec-p384-sec1-with-params-cert.pem, test-only-ec-p384-sec1-with-params.pem, EC, EC PRIVATE KEY",
        "test-only-rsa-2048-pkcs1-cert.pem, test-only-rsa-2048-pkcs1.pem, RSA, RSA PRIVATE KEY",
        "test-only-ed25519-pkcs8-cert.pem, test-only-ed25519-pkcs8.pem, EdDSA, PRIVATE KEY",
    })
    void readsOpensslKeysAndMatchesThemToTheirCertificates(String cert, String key, String algorithm, String label)
            throws IOException {
        CertifiedKey certified = Pem.certifiedKey(fixture(cert), fixture(key));

        assertThat(certified.privateKey().getAlgorithm()).isEqualTo(algorithm);
        assertThat(certified.chain()).hasSize(1);
        assertThat(Files.readString(fixture(key))).contains("-----BEGIN " + label + "-----");
    }

    @Test
    void convertsPkcs1RsaKeyWithAllCrtParameters() throws IOException {
        PrivateKey key = Pem.privateKey(fixture("test-only-rsa-2048-pkcs1.pem"));

        assertThat(key).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(((RSAPrivateCrtKey) key).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void rejectsEncryptedPkcs8KeyNamingTheFileAndTheFix() {
        Path file = fixture("test-only-encrypted-pkcs8.pem");
        assertThatThrownBy(() -> Pem.privateKey(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("encrypted private keys are not supported; decrypt with openssl pkcs8");
    }

    @Test
    void rejectsEncryptedTraditionalKey() {
        assertThatThrownBy(() -> Pem.privateKey(fixture("test-only-encrypted-rsa-pkcs1.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted private keys are not supported");
    }

    @ParameterizedTest
    @CsvSource({
        "test-only-ec-p256-sec1-cert.pem, test-only-rsa-2048-pkcs1.pem",
        "test-only-ec-p256-sec1-cert.pem, test-only-ec-p384-sec1-with-params.pem",
        "test-only-ec-p256-sec1-cert.pem, test-only-ed25519-pkcs8.pem",
        "test-only-rsa-2048-pkcs1-cert.pem, test-only-ec-p256-sec1.pem",
    })
    void rejectsKeyThatDoesNotBelongToTheCertificate(String cert, String key) {
        assertThatThrownBy(() -> Pem.certifiedKey(fixture(cert), fixture(key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the first certificate")
                .hasMessageContaining(cert)
                .hasMessageContaining(key);
    }

    @Test
    void readsAChainInFileOrder(@TempDir Path dir) throws IOException {
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, "leading text is ignored\n"
                + Files.readString(fixture("test-only-ec-p256-sec1-cert.pem"))
                + Files.readString(fixture("test-only-rsa-2048-pkcs1-cert.pem")));

        List<X509Certificate> certs = Pem.certificates(chain);

        assertThat(certs).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=test-only ec-p256-sec1", "CN=test-only rsa-2048-pkcs1");
    }

    @Test
    void writesCertificatesThatReadBackEqual() throws IOException {
        X509Certificate cert = Pem.certificates(fixture("test-only-ed25519-pkcs8-cert.pem")).getFirst();

        assertThat(Pem.certificates(Pem.toPem(cert))).containsExactly(cert);
        assertThat(Pem.certificates(Pem.toPem(List.of(cert, cert)))).containsExactly(cert, cert);
    }

    @Test
    void saysWhatItFoundWhenACertificateWasExpected() {
        assertThatThrownBy(() -> Pem.certificates(fixture("test-only-ec-p256-sec1.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-only-ec-p256-sec1.pem")
                .hasMessageContaining("expected at least one '-----BEGIN CERTIFICATE-----' block, found only 'EC PRIVATE KEY'");
        assertThatThrownBy(() -> Pem.certificates("hello"))
                .hasMessageContaining("no PEM blocks at all");
    }

    @Test
    void saysWhatItFoundWhenAKeyWasExpected() {
        assertThatThrownBy(() -> Pem.privateKey(fixture("test-only-rsa-2048-pkcs1-cert.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a '-----BEGIN PRIVATE KEY-----'")
                .hasMessageContaining("found only 'CERTIFICATE'");
    }

    @Test
    void rejectsTwoKeysInOneFile() throws IOException {
        String two = Files.readString(fixture("test-only-ec-p256-sec1.pem"))
                + Files.readString(fixture("test-only-ed25519-pkcs8.pem"));
        assertThatThrownBy(() -> Pem.privateKey(two)).hasMessage("expected one private key, found 2");
    }

    @Test
    void reportsAMissingFileByName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> Pem.certificates(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read certificate file " + missing + ": no such file");
        assertThatThrownBy(() -> Pem.privateKey(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read private key file " + missing + ": no such file");
    }

    @Test
    void rejectsBrokenBlocksInPlainWords() {
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PEM block 'CERTIFICATE' is not valid base64");
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n"))
                .hasMessage("the PEM block 'CERTIFICATE' has no END line");
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .hasMessageStartingWith("certificate #1 cannot be parsed");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the 'PRIVATE KEY' block is malformed (DER:");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"))
                .hasMessageContaining("'OPENSSH PRIVATE KEY' keys are not supported");
    }
}
