package org.tlsj.testkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * The signature half of the provider conformance kit: every scheme signs with one provider and verifies
 * with the other (the provider under test and the JCA, both ways), tampered signatures and messages are
 * refused, Ed25519 meets RFC 8032 section 7.1 exactly, and keys that do not fit a scheme are refused.
 * Extend {@link CryptoProviderConformance} rather than this class.
 */
public abstract class SignatureConformance extends KeyExchangeConformance {
    private static final Bytes MESSAGE = Bytes.wrap(" TLS 1.3, server CertificateVerify\0 transcript hash 0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    /** Creates the conformance base. */
    protected SignatureConformance() {
    }

    /** The schemes checked across providers. */
    static List<SignatureScheme> crossCheckedSchemes() {
        return List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.MLDSA44, SignatureScheme.MLDSA65,
                SignatureScheme.MLDSA87);
    }

    @Test
    void providerSignsWithTheSchemesTlsjNegotiates() {
        assertThat(provider().signatureSchemes()).containsAll(crossCheckedSchemes());
    }

    @ParameterizedTest
    @MethodSource("crossCheckedSchemes")
    void signaturesFromTheProviderVerifyWithJca(SignatureScheme scheme) throws TlsFatalAlertException {
        KeyPair pair = keyPair(scheme);
        Signer signer = provider().signer(pair.getPrivate(), scheme).orElseThrow();
        assertThat(signer.scheme()).isEqualTo(scheme);
        for (int i = 0; i < 3; i++) {
            Bytes signature = signer.sign(MESSAGE);
            assertThat(reference().verifier(pair.getPublic(), scheme).orElseThrow().verify(MESSAGE, signature))
                    .as("%s signature %d verified by JCA", scheme, i).isTrue();
            assertThat(provider().verifier(pair.getPublic(), scheme).orElseThrow().verify(MESSAGE, signature))
                    .as("%s signature %d verified by the provider", scheme, i).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("crossCheckedSchemes")
    void signaturesFromJcaVerifyWithTheProvider(SignatureScheme scheme) throws TlsFatalAlertException {
        KeyPair pair = keyPair(scheme);
        Verifier verifier = provider().verifier(pair.getPublic(), scheme).orElseThrow();
        assertThat(verifier.scheme()).isEqualTo(scheme);
        for (int i = 0; i < 3; i++) {
            Bytes signature = reference().signer(pair.getPrivate(), scheme).orElseThrow().sign(MESSAGE);
            assertThat(verifier.verify(MESSAGE, signature)).as("%s JCA signature %d", scheme, i).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("crossCheckedSchemes")
    void refusesTamperedSignaturesAndMessages(SignatureScheme scheme) throws TlsFatalAlertException {
        KeyPair pair = keyPair(scheme);
        Bytes signature = reference().signer(pair.getPrivate(), scheme).orElseThrow().sign(MESSAGE);
        Verifier verifier = provider().verifier(pair.getPublic(), scheme).orElseThrow();
        for (int at : new int[] {0, 1, signature.length() / 2, signature.length() - 1}) {
            byte[] bad = signature.toArray();
            bad[at] ^= 0x01;
            assertThat(verifier.verify(MESSAGE, Bytes.wrap(bad))).as("%s, byte %d flipped", scheme, at).isFalse();
        }
        byte[] message = MESSAGE.toArray();
        message[5] ^= 0x40;
        assertThat(verifier.verify(Bytes.wrap(message), signature)).as("%s, message changed", scheme).isFalse();
        assertThat(verifier.verify(MESSAGE, signature.slice(0, signature.length() - 1))).isFalse();
        assertThat(verifier.verify(MESSAGE, signature.concat(Bytes.fromHex("00")))).isFalse();
        assertThat(verifier.verify(MESSAGE, Bytes.EMPTY)).isFalse();
        assertThat(verifier.verify(MESSAGE, Bytes.wrap(new byte[signature.length()]))).isFalse();
    }

    @Test
    void refusesSignatureFromAnotherKey() throws TlsFatalAlertException {
        SignatureScheme scheme = SignatureScheme.ECDSA_SECP256R1_SHA256;
        Bytes signature = provider().signer(generate("EC", "secp256r1").getPrivate(), scheme).orElseThrow()
                .sign(MESSAGE);
        assertThat(provider().verifier(keyPair(scheme).getPublic(), scheme).orElseThrow().verify(MESSAGE, signature))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("ecdsaSchemes")
    void ecdsaSignaturesAreDerSequencesOfTwoIntegers(SignatureScheme scheme) throws TlsFatalAlertException {
        Bytes signature = provider().signer(keyPair(scheme).getPrivate(), scheme).orElseThrow().sign(MESSAGE);
        assertThat(signature.get(0)).isEqualTo(0x30);
        assertThat(signature.get(1)).isEqualTo(signature.length() - 2);
        assertThat(signature.get(2)).isEqualTo(0x02);
        int r = signature.get(3);
        assertThat(signature.get(4 + r)).isEqualTo(0x02);
        assertThat(4 + r + 2 + signature.get(5 + r)).isEqualTo(signature.length());
    }

    /** The ECDSA schemes. */
    static List<SignatureScheme> ecdsaSchemes() {
        return List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384);
    }

    @Test
    void ed25519SignaturesAreRfc8032Section71Vectors() throws Exception {
        for (String[] v : ConformanceVectors.ED25519) {
            Bytes message = Bytes.fromHex(v[2]);
            Signer signer = provider().signer(ed25519Private(v[0]), SignatureScheme.ED25519).orElseThrow();
            assertThat(signer.sign(message).hex()).as("RFC 8032 key %s", v[1]).isEqualTo(v[3]);
            Verifier verifier = provider().verifier(ed25519Public(v[1]), SignatureScheme.ED25519).orElseThrow();
            assertThat(verifier.verify(message, Bytes.fromHex(v[3]))).isTrue();
            assertThat(verifier.verify(Bytes.fromHex(v[2] + "00"), Bytes.fromHex(v[3]))).isFalse();
        }
    }

    @Test
    void signingTwiceWithTheSameSignerGivesVerifiableSignatures() throws TlsFatalAlertException {
        for (SignatureScheme scheme : crossCheckedSchemes()) {
            KeyPair pair = keyPair(scheme);
            Signer signer = provider().signer(pair.getPrivate(), scheme).orElseThrow();
            Verifier verifier = reference().verifier(pair.getPublic(), scheme).orElseThrow();
            Bytes other = MESSAGE.concat(Bytes.fromHex("01"));
            assertThat(verifier.verify(other, signer.sign(other))).as("%s", scheme).isTrue();
            assertThat(verifier.verify(MESSAGE, signer.sign(MESSAGE))).as("%s", scheme).isTrue();
        }
    }

    @Test
    void keysThatDoNotFitTheSchemeAreRefused() {
        PrivateKey p256 = keyPair(SignatureScheme.ECDSA_SECP256R1_SHA256).getPrivate();
        PublicKey p256Public = keyPair(SignatureScheme.ECDSA_SECP256R1_SHA256).getPublic();
        PrivateKey ed25519 = keyPair(SignatureScheme.ED25519).getPrivate();
        PrivateKey rsa = keyPair(SignatureScheme.RSA_PSS_RSAE_SHA256).getPrivate();
        assertThat(provider().signer(p256, SignatureScheme.ECDSA_SECP384R1_SHA384)).isEmpty();
        assertThat(provider().signer(p256, SignatureScheme.ED25519)).isEmpty();
        assertThat(provider().signer(ed25519, SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
        assertThat(provider().signer(rsa, SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
        assertThat(provider().verifier(p256Public, SignatureScheme.ECDSA_SECP384R1_SHA384)).isEmpty();
        assertThat(provider().verifier(p256Public, SignatureScheme.RSA_PSS_RSAE_SHA256)).isEmpty();
    }

    @Test
    void tls12EcdsaSchemesNameOnlyTheHash() throws TlsFatalAlertException {
        // RFC 5246 section 7.4.1.4.1: in TLS 1.2 ecdsa_secp384r1_sha384 is (sha384, ecdsa), on any curve.
        KeyPair p256 = keyPair(SignatureScheme.ECDSA_SECP256R1_SHA256);
        SignatureScheme sha384 = SignatureScheme.ECDSA_SECP384R1_SHA384;
        Bytes signature = provider().tls12Signer(p256.getPrivate(), sha384).orElseThrow().sign(MESSAGE);
        assertThat(reference().tls12Verifier(p256.getPublic(), sha384).orElseThrow().verify(MESSAGE, signature)).isTrue();
        Bytes jca = reference().tls12Signer(p256.getPrivate(), sha384).orElseThrow().sign(MESSAGE);
        assertThat(provider().tls12Verifier(p256.getPublic(), sha384).orElseThrow().verify(MESSAGE, jca)).isTrue();
        assertThat(provider().tls12Verifier(p256.getPublic(), SignatureScheme.ED25519)).isEmpty();
    }

    @Test
    void mlDsaIsTls13OnlyAndBoundToItsParameterSet() {
        KeyPair mlDsa65 = keyPair(SignatureScheme.MLDSA65);
        assertThat(provider().tls12Signer(mlDsa65.getPrivate(), SignatureScheme.MLDSA65)).isEmpty();
        assertThat(provider().tls12Verifier(mlDsa65.getPublic(), SignatureScheme.MLDSA65)).isEmpty();
        assertThat(provider().signer(mlDsa65.getPrivate(), SignatureScheme.MLDSA44)).isEmpty();
        assertThat(provider().verifier(mlDsa65.getPublic(), SignatureScheme.MLDSA87)).isEmpty();
        assertThat(provider().signer(keyPair(SignatureScheme.ED25519).getPrivate(), SignatureScheme.MLDSA65)).isEmpty();
    }

    /** A key pair for the scheme, generated once per test run. */
    static KeyPair keyPair(SignatureScheme scheme) {
        if (scheme.equals(SignatureScheme.ECDSA_SECP256R1_SHA256)) {
            return KEYS.computeIfAbsent("p256", k -> generate("EC", "secp256r1"));
        }
        if (scheme.equals(SignatureScheme.ECDSA_SECP384R1_SHA384)) {
            return KEYS.computeIfAbsent("p384", k -> generate("EC", "secp384r1"));
        }
        if (scheme.equals(SignatureScheme.ED25519)) {
            return KEYS.computeIfAbsent("ed25519", k -> generate("Ed25519", null));
        }
        if (scheme.isTls13Only()) {
            String set = "ML-DSA-" + scheme.displayName().substring("mldsa".length());
            return KEYS.computeIfAbsent(set, k -> generate(set, null));
        }
        return KEYS.computeIfAbsent("rsa", k -> generate("RSA", null));
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation failed", e);
        }
    }

    private static PrivateKey ed25519Private(String seedHex) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(seedHex)));
    }

    private static PublicKey ed25519Public(String keyHex) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(ED25519_SPKI_PREFIX + keyHex)));
    }
}
