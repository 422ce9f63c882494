package org.tlsj.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.Signer;
import org.tlsj.Bytes;
import org.tlsj.testkit.ScriptedRandom;

/** What the Bouncy Castle provider does beyond the shared conformance kit. */
class BcCryptoProviderTest {
    /** The P-256 generator, uncompressed (SEC 2 section 2.4.2). */
    private static final String P256_G = "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
            + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
    private static final String P256_ORDER = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

    @Test
    void registersAsBcAndIsPreferredOverJca() {
        assertThat(CryptoProviders.named("BC")).hasValueSatisfying(f -> {
            assertThat(f.name()).isEqualTo("bc");
            assertThat(f.rank()).isGreaterThan(0);
            assertThat(f.unavailableReason()).isEmpty();
            assertThat(f.create()).isInstanceOf(BcCryptoProvider.class);
        });
        assertThat(CryptoProviders.fastest().rank()).isGreaterThanOrEqualTo(BcCryptoProviderFactory.RANK);
    }

    @Test
    void x25519MasksTheTopBitOfThePeerUCoordinateAsRfc7748Section52Says() throws TlsFatalAlertException {
        CryptoProvider provider = BcCryptoProvider.create(new ScriptedRandom(1)
                .then(Bytes.fromHex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")));
        byte[] out = provider.startKeyExchange(NamedGroup.X25519)
                .complete(Bytes.fromHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")).expose();
        assertThat(HexFormat.of().formatHex(out))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void x25519DrawsExactlyThirtyTwoBytes() {
        int[] drawn = {0};
        BcCryptoProvider.create(out -> drawn[0] += out.length).startKeyExchange(NamedGroup.X25519);
        assertThat(drawn[0]).isEqualTo(32);
    }

    @Test
    void ecdhScalarOneGivesTheGeneratorAsTheShare() {
        CryptoProvider provider = BcCryptoProvider.create(new ScriptedRandom(1).then(Bytes.fromHex("00".repeat(31) + "01")));
        assertThat(provider.startKeyExchange(NamedGroup.SECP256R1).publicShare().hex()).isEqualTo(P256_G);
    }

    @Test
    void ecdhScalarsOutsideOneToOrderAreDrawnAgain() {
        ScriptedRandom random = new ScriptedRandom(1).then(Bytes.fromHex("00".repeat(32)))
                .then(Bytes.fromHex(P256_ORDER)).then(Bytes.fromHex("ff".repeat(32)))
                .then(Bytes.fromHex("00".repeat(31) + "01"));
        Bytes share = BcCryptoProvider.create(random).startKeyExchange(NamedGroup.SECP256R1).publicShare();
        assertThat(share.hex()).isEqualTo(P256_G);
        assertThat(random.remaining()).isZero();
    }

    @Test
    void ecdsaNoncesAreRfc6979DeterministicWithTheAppendixA25Vector() throws Exception {
        // RFC 6979 appendix A.2.5: P-256, SHA-256, message "sample".
        ECParameterSpec p256 = ((java.security.interfaces.ECKey) generateEc().getPrivate()).getParams();
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(
                new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16), p256));
        Signer signer = BcCryptoProvider.create(out -> {
            throw new AssertionError("ECDSA signing must not draw randomness");
        }).signer(key, SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        Bytes signature = signer.sign(Bytes.wrap("sample".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String r = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
        String s = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
        assertThat(signature.hex()).isEqualTo("3046022100" + r + "022100" + s);
    }

    @Test
    void signersAreConvertedOncePerKeyObject() throws Exception {
        PrivateKey ec = generateEc().getPrivate();
        PrivateKey ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertThat(BcCryptoProvider.create().signer(ec, SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow())
                .isSameAs(BcCryptoProvider.create().signer(ec, SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow());
        assertThat(BcCryptoProvider.create().signer(ed, SignatureScheme.ED25519).orElseThrow())
                .isSameAs(BcCryptoProvider.create().signer(ed, SignatureScheme.ED25519).orElseThrow());
    }

    @Test
    void signersDoNotShowKeyMaterial() throws Exception {
        PrivateKey ec = generateEc().getPrivate();
        Signer signer = BcCryptoProvider.create().signer(ec, SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        String d = ((java.security.interfaces.ECPrivateKey) ec).getS().toString(16);
        assertThat(signer.toString()).doesNotContain(d).doesNotContainIgnoringCase("ECPrivateKeyParameters");
    }

    @Test
    void rsaAndMlKemStillWorkThroughTheJcaDelegate() throws Exception {
        CryptoProvider provider = BcCryptoProvider.create();
        var rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Bytes pms = Bytes.wrap(new byte[48]);
        assertThat(provider.rsaDecrypt(rsa.getPrivate(), provider.rsaEncrypt(rsa.getPublic(), pms)))
                .hasValueSatisfying(secret -> assertThat(secret.expose()).isEqualTo(new byte[48]));
        assertThat(provider.signer(rsa.getPrivate(), SignatureScheme.RSA_PSS_RSAE_SHA256)).isPresent();
    }

    private static java.security.KeyPair generateEc() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
