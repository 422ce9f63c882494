package org.tlsj.crypto.openssl;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;
import org.tlsj.testkit.ScriptedRandom;

/** ECDSA and Ed25519 in libcrypto: RFC 8032 known answers, cross-checks with the JCA, key caching, threads. */
class SignatureTest {
    @BeforeAll
    static void requireLibcrypto() {
        RequireLibcrypto.check();
    }

    private static final Bytes MESSAGE =
            Bytes.wrap("TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII));

    private final OpenSslCryptoProvider ours =
            (OpenSslCryptoProvider) OpenSslCryptoProvider.create(new ScriptedRandom(1));
    private final CryptoProvider jca = JcaCryptoProvider.create(new ScriptedRandom(2));

    static List<Arguments> schemes() throws GeneralSecurityException {
        return List.of(
                Arguments.of(SignatureScheme.ECDSA_SECP256R1_SHA256, ec("secp256r1")),
                Arguments.of(SignatureScheme.ECDSA_SECP384R1_SHA384, ec("secp384r1")),
                Arguments.of(SignatureScheme.ECDSA_SECP521R1_SHA512, ec("secp521r1")),
                Arguments.of(SignatureScheme.ED25519, KeyPairGenerator.getInstance("Ed25519").generateKeyPair()));
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void signaturesVerifyAcrossOpenSslAndTheJca(SignatureScheme scheme, KeyPair pair) throws Exception {
        Signer signer = ours.signer(pair.getPrivate(), scheme).orElseThrow();
        assertThat(signer).hasToString("OpenSslSigner[" + scheme + "]");
        Bytes ourSignature = signer.sign(MESSAGE);
        Bytes jcaSignature = jca.signer(pair.getPrivate(), scheme).orElseThrow().sign(MESSAGE);

        assertThat(jca.verifier(pair.getPublic(), scheme).orElseThrow().verify(MESSAGE, ourSignature)).isTrue();
        Verifier verifier = ours.verifier(pair.getPublic(), scheme).orElseThrow();
        assertThat(verifier).hasToString("OpenSslVerifier[" + scheme + "]");
        assertThat(verifier.verify(MESSAGE, jcaSignature)).isTrue();
        assertThat(verifier.verify(MESSAGE, ourSignature)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void verifierRefusesTamperedAndMalformedSignatures(SignatureScheme scheme, KeyPair pair) throws Exception {
        Bytes signature = ours.signer(pair.getPrivate(), scheme).orElseThrow().sign(MESSAGE);
        Verifier verifier = ours.verifier(pair.getPublic(), scheme).orElseThrow();
        byte[] flipped = signature.toArray();
        flipped[flipped.length - 1] ^= 1;
        byte[] otherMessage = MESSAGE.toArray();
        otherMessage[0] ^= 1;

        assertThat(verifier.verify(MESSAGE, Bytes.wrap(flipped))).isFalse();
        assertThat(verifier.verify(Bytes.wrap(otherMessage), signature)).isFalse();
        assertThat(verifier.verify(MESSAGE, Bytes.EMPTY)).isFalse();
        assertThat(verifier.verify(MESSAGE, Bytes.fromHex("3006020101020101"))).isFalse();
        assertThat(verifier.verify(MESSAGE, signature.slice(0, signature.length() - 1))).isFalse();
    }

    @Test
    void ed25519MatchesRfc8032TestVectors() throws Exception {
        // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte).
        check("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        check("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    private void check(String secret, String publicKey, String message, String signature) throws Exception {
        PrivateKey priv = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Bytes.fromHex(secret).toArray()));
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Bytes.fromHex("302a300506032b6570032100" + publicKey).toArray()));
        Bytes msg = Bytes.fromHex(message);

        Bytes expected = Bytes.fromHex(signature);
        assertThat(ours.signer(priv, SignatureScheme.ED25519).orElseThrow().sign(msg)).isEqualTo(expected);
        assertThat(ours.verifier(pub, SignatureScheme.ED25519).orElseThrow().verify(msg, expected)).isTrue();
    }

    @Test
    void keysAreConvertedOncePerKeyObject() throws Exception {
        KeyPair pair = ec("secp256r1");
        for (int i = 0; i < 5; i++) {
            ours.signer(pair.getPrivate(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow().sign(MESSAGE);
        }
        ours.verifier(pair.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        assertThat(ours.cachedKeys()).isEqualTo(2);
    }

    @Test
    void keysThatDoNotFitTheSchemeGetNoSigner() throws Exception {
        assertThat(ours.signer(ec("secp384r1").getPrivate(), SignatureScheme.ECDSA_SECP256R1_SHA256)).isEmpty();
        assertThat(ours.verifier(ec("secp256r1").getPublic(), SignatureScheme.ED25519)).isEmpty();
    }

    @Test
    void rsaSchemesAreTheJdksAndStillWork() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        Signer signer = ours.signer(rsa.getPrivate(), SignatureScheme.RSA_PSS_RSAE_SHA256).orElseThrow();
        assertThat(signer.toString()).doesNotContain("OpenSsl");
        assertThat(ours.verifier(rsa.getPublic(), SignatureScheme.RSA_PSS_RSAE_SHA256).orElseThrow()
                .verify(MESSAGE, signer.sign(MESSAGE))).isTrue();
        assertThat(ours.signatureSchemes()).containsAll(jca.signatureSchemes());
    }

    @Test
    void oneSignerServesManyThreadsAtOnce() throws Exception {
        KeyPair pair = ec("secp256r1");
        Signer signer = ours.signer(pair.getPrivate(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        Verifier verifier = ours.verifier(pair.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Bytes message = Bytes.wrap(("message " + i).getBytes(StandardCharsets.US_ASCII));
                results.add(pool.submit(() -> verifier.verify(message, signer.sign(message))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }
}
