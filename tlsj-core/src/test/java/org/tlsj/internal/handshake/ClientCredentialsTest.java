package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.io.TestCertificates;
import org.tlsj.pki.CertifiedKey;

/** Which scheme the client signs its CertificateVerify with, by version, for what the server's request accepts. */
class ClientCredentialsTest {
    private static final SignatureScheme FAKE_1 = new SignatureScheme(0x2a01);
    private static final SignatureScheme FAKE_2 = new SignatureScheme(0xff01);
    private static CertifiedKey rsa;
    private static CertifiedKey p256;
    private static CertifiedKey p521;

    private final CryptoProvider crypto = JcaCryptoProvider.create();
    /** ClientConfig's default client signature schemes. */
    private final List<SignatureScheme> defaults = ClientConfig.builder().crypto(crypto)
            .verifier((chain, name, now) -> { throw new AssertionError("not called"); }).build().clientSignatureSchemes();

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = withKey(r.generateKeyPair());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        p256 = withKey(ec.generateKeyPair());
        ec.initialize(new ECGenParameterSpec("secp521r1"));
        p521 = withKey(ec.generateKeyPair());
    }

    /** choose() reads the chain only for certificate_authorities, which these cases do not send. */
    private static CertifiedKey withKey(KeyPair pair) {
        return new CertifiedKey(List.of(TestCertificates.localhost().leaf()), pair.getPrivate());
    }

    private Optional<SignatureScheme> chosen(CertifiedKey key, ProtocolVersion version, SignatureScheme... accepted) {
        return chosen(defaults, key, version, accepted);
    }

    private Optional<SignatureScheme> chosen(List<SignatureScheme> signing, CertifiedKey key, ProtocolVersion version,
                                             SignatureScheme... accepted) {
        return ClientCredentials.choose(List.of(key), signing, List.of(accepted), List.of(), crypto, version)
                .map(ClientCredentials.Choice::scheme);
    }

    @Test
    void tls12ClientSignsWithPkcs1WhenTheServerAcceptsOnlyThat() {
        // RFC 5246 section 7.4.1.4.1: PKCS#1 v1.5 is TLS 1.2's RSA signature.
        for (SignatureScheme s : List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PKCS1_SHA512)) {
            assertThat(chosen(rsa, ProtocolVersion.TLS12, FAKE_1, s, FAKE_2)).contains(s);
        }
    }

    @Test
    void tls13ClientNeverSignsWithPkcs1EvenIfTheServerAsksForIt() {
        // RFC 8446 section 4.4.3: RSASSA-PSS only. With nothing else accepted the client sends no certificate.
        assertThat(chosen(rsa, ProtocolVersion.TLS13, FAKE_1, SignatureScheme.RSA_PKCS1_SHA256, FAKE_2)).isEmpty();
        assertThat(chosen(rsa, ProtocolVersion.TLS13, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA384)).contains(SignatureScheme.RSA_PSS_RSAE_SHA384);
    }

    @Test
    void sha1IsNeverSignedWithByDefault() {
        assertThat(chosen(rsa, ProtocolVersion.TLS12, SignatureScheme.RSA_PKCS1_SHA1)).isEmpty();
        assertThat(chosen(p256, ProtocolVersion.TLS12, SignatureScheme.ECDSA_SHA1)).isEmpty();
    }

    @Test
    void p521KeySignsWithEcdsaSecp521r1Sha512() {
        assertThat(chosen(p521, ProtocolVersion.TLS13, FAKE_1, SignatureScheme.ECDSA_SECP521R1_SHA512, FAKE_2))
                .contains(SignatureScheme.ECDSA_SECP521R1_SHA512);
        assertThat(chosen(p521, ProtocolVersion.TLS13, SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
    }

    @Test
    void tls12EcdsaKeySignsWithTheHashTheServerNamesWhateverItsCurve() {
        // In TLS 1.2 the scheme is a (hash, signature) pair; TLS 1.3 binds the curve.
        assertThat(chosen(p256, ProtocolVersion.TLS12, SignatureScheme.ECDSA_SECP384R1_SHA384))
                .contains(SignatureScheme.ECDSA_SECP384R1_SHA384);
        assertThat(chosen(p256, ProtocolVersion.TLS13, SignatureScheme.ECDSA_SECP384R1_SHA384)).isEmpty();
    }

    @Test
    void clientSignsWithItsOwnFirstPreferenceAmongWhatTheServerAccepts() {
        List<SignatureScheme> pss384First = List.of(SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA256);
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            assertThat(chosen(pss384First, rsa, v, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384))
                    .as("%s", v).contains(SignatureScheme.RSA_PSS_RSAE_SHA384);
        }
    }

    @Test
    void clientSignsOnlyWithConfiguredSchemesInTls13() {
        // The server would take PSS-SHA256 too, but the client is configured for PSS-SHA512 only.
        List<SignatureScheme> pss512 = List.of(SignatureScheme.RSA_PSS_RSAE_SHA512);
        assertThat(chosen(pss512, rsa, ProtocolVersion.TLS13, SignatureScheme.RSA_PSS_RSAE_SHA256)).isEmpty();
        assertThat(chosen(pss512, rsa, ProtocolVersion.TLS13, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA512)).contains(SignatureScheme.RSA_PSS_RSAE_SHA512);
    }

    @Test
    void theDefaultListEndsWithPkcs1SoTls12RsaKeysPreferPss() {
        assertThat(defaults).endsWith(SignatureScheme.TLS12_PKCS1.toArray(SignatureScheme[]::new));
        assertThat(chosen(rsa, ProtocolVersion.TLS12, SignatureScheme.RSA_PKCS1_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA256)).contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void aConfiguredListIsExactInTls12Too() {
        // BoGo NoCommonAlgorithms: configured for rsa_pkcs1_sha256, the server takes only sha512 and sha1.
        List<SignatureScheme> pkcs1Sha256 = List.of(SignatureScheme.RSA_PKCS1_SHA256);
        assertThat(chosen(pkcs1Sha256, rsa, ProtocolVersion.TLS12, SignatureScheme.RSA_PKCS1_SHA512,
                SignatureScheme.RSA_PKCS1_SHA1)).isEmpty();
        List<SignatureScheme> pss = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(chosen(pss, rsa, ProtocolVersion.TLS12, SignatureScheme.RSA_PKCS1_SHA256)).isEmpty();
    }

    @Test
    void configuredSha1SignsInTls12OnlyWhenListed() {
        List<SignatureScheme> sha1 = List.of(SignatureScheme.ECDSA_SHA1);
        assertThat(chosen(sha1, p256, ProtocolVersion.TLS12, SignatureScheme.ECDSA_SHA1))
                .contains(SignatureScheme.ECDSA_SHA1);
        assertThat(chosen(sha1, p256, ProtocolVersion.TLS13, SignatureScheme.ECDSA_SHA1)).isEmpty();
    }
}
