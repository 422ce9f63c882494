package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** Sign/verify round trips for every scheme, key/scheme mismatches, and malformed signatures. */
class JcaSignaturesTest {
    private static final Bytes MESSAGE = Bytes.wrap(" TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII));

    private static KeyPair p256;
    private static KeyPair p384;
    private static KeyPair p521;
    private static KeyPair ed25519;
    private static KeyPair rsa;
    private static KeyPair rsaPss;
    private static KeyPair rsaPssSha256Only;
    private static KeyPair mlDsa44;
    private static KeyPair mlDsa65;
    private static KeyPair mlDsa87;

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        p256 = generate("EC", new ECGenParameterSpec("secp256r1"));
        p384 = generate("EC", new ECGenParameterSpec("secp384r1"));
        p521 = generate("EC", new ECGenParameterSpec("secp521r1"));
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        rsa = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        rsaPss = generate("RSASSA-PSS", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        PSSParameterSpec sha256Only = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        mlDsa44 = KeyPairGenerator.getInstance("ML-DSA-44").generateKeyPair();
        mlDsa65 = KeyPairGenerator.getInstance("ML-DSA-65").generateKeyPair();
        mlDsa87 = KeyPairGenerator.getInstance("ML-DSA-87").generateKeyPair();
        rsaPssSha256Only = generate("RSASSA-PSS", new RSAKeyGenParameterSpec(1024, BigInteger.valueOf(65537), sha256Only));
    }

    private static Map<SignatureScheme, KeyPair> matchingKeys() {
        return Map.ofEntries(
                Map.entry(SignatureScheme.ECDSA_SECP256R1_SHA256, p256),
                Map.entry(SignatureScheme.ECDSA_SECP384R1_SHA384, p384),
                Map.entry(SignatureScheme.ECDSA_SECP521R1_SHA512, p521),
                Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA256, rsa),
                Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA384, rsa),
                Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA512, rsa),
                Map.entry(SignatureScheme.RSA_PSS_PSS_SHA256, rsaPss),
                Map.entry(SignatureScheme.RSA_PSS_PSS_SHA384, rsaPss),
                Map.entry(SignatureScheme.RSA_PSS_PSS_SHA512, rsaPss),
                Map.entry(SignatureScheme.ED25519, ed25519),
                Map.entry(SignatureScheme.MLDSA44, mlDsa44),
                Map.entry(SignatureScheme.MLDSA65, mlDsa65),
                Map.entry(SignatureScheme.MLDSA87, mlDsa87),
                Map.entry(SignatureScheme.RSA_PKCS1_SHA256, rsa),
                Map.entry(SignatureScheme.RSA_PKCS1_SHA384, rsa),
                Map.entry(SignatureScheme.RSA_PKCS1_SHA512, rsa),
                Map.entry(SignatureScheme.RSA_PKCS1_SHA1, rsa),
                Map.entry(SignatureScheme.ECDSA_SHA1, p256));
    }

    @Test
    void advertisesExactlyTheSchemesItCanSignAndVerify() {
        assertThat(provider.signatureSchemes()).containsExactlyInAnyOrderElementsOf(matchingKeys().keySet());
    }

    @Test
    void everySchemeSignsAndVerifiesWithAMatchingKey() throws TlsFatalAlertException {
        for (SignatureScheme scheme : provider.signatureSchemes()) {
            KeyPair pair = matchingKeys().get(scheme);
            Signer signer = provider.signer(pair.getPrivate(), scheme).orElseThrow();
            Verifier verifier = provider.verifier(pair.getPublic(), scheme).orElseThrow();
            assertThat(signer.scheme()).isEqualTo(scheme);
            assertThat(verifier.scheme()).isEqualTo(scheme);

            Bytes signature = signer.sign(MESSAGE);
            assertThat(verifier.verify(MESSAGE, signature)).as("%s verifies", scheme).isTrue();
            Bytes otherMessage = MESSAGE.concat(Bytes.fromHex("00"));
            assertThat(verifier.verify(otherMessage, signature)).as("%s other message", scheme).isFalse();
        }
    }

    @Test
    void ecdsaSignaturesAreDerEncoded() throws TlsFatalAlertException {
        Bytes signature = provider.signer(p256.getPrivate(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow()
                .sign(MESSAGE);
        assertThat(signature.get(0)).isEqualTo(0x30);
        assertThat(signature.get(1)).isEqualTo(signature.length() - 2);
    }

    @Test
    void malformedSignaturesGiveFalseNotAnException() throws TlsFatalAlertException {
        for (SignatureScheme scheme : provider.signatureSchemes()) {
            KeyPair pair = matchingKeys().get(scheme);
            Verifier verifier = provider.verifier(pair.getPublic(), scheme).orElseThrow();
            byte[] signature = provider.signer(pair.getPrivate(), scheme).orElseThrow().sign(MESSAGE).toArray();
            signature[signature.length / 2] ^= 0x40;
            assertThat(verifier.verify(MESSAGE, Bytes.wrap(signature))).as("%s flipped bit", scheme).isFalse();
            assertThat(verifier.verify(MESSAGE, Bytes.EMPTY)).as("%s empty", scheme).isFalse();
            assertThat(verifier.verify(MESSAGE, Bytes.fromHex("3006020100020100"))).as("%s zero DER", scheme).isFalse();
            assertThat(verifier.verify(MESSAGE, Bytes.fromHex("ff".repeat(600)))).as("%s garbage", scheme).isFalse();
        }
    }

    @Test
    void ecdsaSchemeRequiresAKeyOnItsCurve() {
        assertNoFit(p384, SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertNoFit(p256, SignatureScheme.ECDSA_SECP384R1_SHA384);
        assertNoFit(p256, SignatureScheme.ECDSA_SECP521R1_SHA512);
        assertNoFit(rsa, SignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void rsaeSchemesRequireAnRsaEncryptionKeyAndPssSchemesAnRsassaPssKey() {
        for (SignatureScheme scheme : List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PKCS1_SHA256)) {
            assertNoFit(rsaPss, scheme);
        }
        for (SignatureScheme scheme : List.of(SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
                SignatureScheme.RSA_PSS_PSS_SHA512)) {
            assertNoFit(rsa, scheme);
        }
    }

    @Test
    void rsassaPssKeyWithHashParametersFitsOnlyThatHash() throws TlsFatalAlertException {
        assertNoFit(rsaPssSha256Only, SignatureScheme.RSA_PSS_PSS_SHA384);
        Signer signer = provider.signer(rsaPssSha256Only.getPrivate(), SignatureScheme.RSA_PSS_PSS_SHA256).orElseThrow();
        Verifier verifier = provider.verifier(rsaPssSha256Only.getPublic(), SignatureScheme.RSA_PSS_PSS_SHA256)
                .orElseThrow();
        assertThat(verifier.verify(MESSAGE, signer.sign(MESSAGE))).isTrue();
    }

    @Test
    void ed25519RequiresAnEd25519Key() {
        assertNoFit(rsa, SignatureScheme.ED25519);
        assertNoFit(p256, SignatureScheme.ED25519);
        assertNoFit(ed25519, SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertNoFit(ed25519, SignatureScheme.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void mlDsaSchemesArePureMlDsaOfTheirParameterSetWithFips204Sizes() throws Exception {
        Map<SignatureScheme, KeyPair> keys = Map.of(SignatureScheme.MLDSA44, mlDsa44, SignatureScheme.MLDSA65, mlDsa65,
                SignatureScheme.MLDSA87, mlDsa87);
        Map<SignatureScheme, Integer> sizes = Map.of(SignatureScheme.MLDSA44, 2420, SignatureScheme.MLDSA65, 3309,
                SignatureScheme.MLDSA87, 4627);
        for (var e : keys.entrySet()) {
            Bytes signature = provider.signer(e.getValue().getPrivate(), e.getKey()).orElseThrow().sign(MESSAGE);
            assertThat(signature.length()).as("%s size (FIPS 204 table 2)", e.getKey()).isEqualTo(sizes.get(e.getKey()));
            // The JCA's plain "ML-DSA" is pure ML-DSA with an empty context (FIPS 204 algorithm 3).
            java.security.Signature jca = java.security.Signature.getInstance("ML-DSA");
            jca.initVerify(e.getValue().getPublic());
            jca.update(MESSAGE.toArray());
            assertThat(jca.verify(signature.toArray())).as("%s is pure ML-DSA", e.getKey()).isTrue();
            for (var other : keys.entrySet()) {
                if (other.getKey() != e.getKey()) {
                    assertNoFit(other.getValue(), e.getKey());
                }
            }
        }
        KeyPair otherKey = KeyPairGenerator.getInstance("ML-DSA-65").generateKeyPair();
        Bytes signature = provider.signer(mlDsa65.getPrivate(), SignatureScheme.MLDSA65).orElseThrow().sign(MESSAGE);
        assertThat(provider.verifier(otherKey.getPublic(), SignatureScheme.MLDSA65).orElseThrow()
                .verify(MESSAGE, signature)).as("another ML-DSA-65 key").isFalse();
        assertNoFit(ed25519, SignatureScheme.MLDSA65);
        assertNoFit(mlDsa65, SignatureScheme.ED25519);
        assertNoFit(mlDsa65, SignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void tls12EcdsaSchemeNamesOnlyItsHashSoAKeyOnAnyKnownCurveFits() throws Exception {
        // RFC 5246 section 7.4.1.4.1: ecdsa_secp384r1_sha384 is (sha384, ecdsa) in TLS 1.2, with no curve.
        Signer signer = provider.tls12Signer(p256.getPrivate(), SignatureScheme.ECDSA_SECP384R1_SHA384).orElseThrow();
        Verifier verifier = provider.tls12Verifier(p256.getPublic(), SignatureScheme.ECDSA_SECP384R1_SHA384)
                .orElseThrow();
        Bytes signature = signer.sign(MESSAGE);
        assertThat(verifier.verify(MESSAGE, signature)).isTrue();
        java.security.Signature jca = java.security.Signature.getInstance("SHA384withECDSA");
        jca.initVerify(p256.getPublic());
        jca.update(MESSAGE.toArray());
        assertThat(jca.verify(signature.toArray())).as("it is SHA-384 with ECDSA on P-256").isTrue();
        assertThat(provider.tls12Verifier(p521.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256)).isPresent();
        // TLS 1.3 binds the curve (RFC 8446 section 4.2.3).
        assertNoFit(p256, SignatureScheme.ECDSA_SECP384R1_SHA384);
    }

    @Test
    void tls12SchemesStillNeedTheirKeyType() {
        assertThat(provider.tls12Verifier(rsa.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
        assertThat(provider.tls12Verifier(ed25519.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
        assertThat(provider.tls12Verifier(p256.getPublic(), SignatureScheme.RSA_PKCS1_SHA256)).isEmpty();
        assertThat(provider.tls12Signer(rsaPss.getPrivate(), SignatureScheme.RSA_PKCS1_SHA256)).isEmpty();
        assertThat(provider.tls12Verifier(ed25519.getPublic(), SignatureScheme.ED25519)).isPresent();
        // draft-ietf-tls-mldsa: ML-DSA is TLS 1.3 only, so no TLS 1.2 signer or verifier exists for it.
        assertThat(provider.tls12Signer(mlDsa65.getPrivate(), SignatureScheme.MLDSA65)).isEmpty();
        assertThat(provider.tls12Verifier(mlDsa65.getPublic(), SignatureScheme.MLDSA65)).isEmpty();
        assertThat(provider.tls12Verifier(mlDsa44.getPublic(), SignatureScheme.MLDSA44)).isEmpty();
        assertThat(provider.tls12Verifier(mlDsa87.getPublic(), SignatureScheme.MLDSA87)).isEmpty();
    }

    @Test
    void unimplementedSchemesGiveNoSignerOrVerifier() {
        assertNoFit(ed25519, SignatureScheme.ED448);
        assertNoFit(p256, new SignatureScheme(0x0a0a));
    }

    @Test
    void seededProvidersSignIdenticallyWithRandomizedSchemes() throws TlsFatalAlertException {
        for (SignatureScheme scheme : List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)) {
            KeyPair pair = matchingKeys().get(scheme);
            Bytes first = JcaCryptoProvider.create(TestRandom.seeded(5)).signer(pair.getPrivate(), scheme)
                    .orElseThrow().sign(MESSAGE);
            Bytes second = JcaCryptoProvider.create(TestRandom.seeded(5)).signer(pair.getPrivate(), scheme)
                    .orElseThrow().sign(MESSAGE);
            Bytes third = JcaCryptoProvider.create(TestRandom.seeded(6)).signer(pair.getPrivate(), scheme)
                    .orElseThrow().sign(MESSAGE);
            assertThat(second).as("%s same seed", scheme).isEqualTo(first);
            assertThat(third).as("%s other seed", scheme).isNotEqualTo(first);
        }
    }

    private void assertNoFit(KeyPair pair, SignatureScheme scheme) {
        assertThat(provider.signer(pair.getPrivate(), scheme)).as("signer %s", scheme).isEmpty();
        assertThat(provider.verifier(pair.getPublic(), scheme)).as("verifier %s", scheme).isEmpty();
    }

    private static KeyPair generate(String algorithm, AlgorithmParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(spec);
        return generator.generateKeyPair();
    }
}
