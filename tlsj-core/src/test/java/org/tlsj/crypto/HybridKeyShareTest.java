package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.KEM;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * X25519MLKEM768: share and secret layout (ML-KEM first, then X25519), checked against the JDK's ML-KEM
 * and RFC 7748's X25519 keys directly, plus length and key validation.
 */
class HybridKeyShareTest {
    /** DER prefix of an ML-KEM-768 SubjectPublicKeyInfo, written out independently of the provider. */
    private static final String SPKI_PREFIX = "308204b2300b0609608648016503040402038204a100";
    private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String X25519_SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @Test
    void clientAndServerDeriveEqual64ByteSecrets() throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(NamedGroup.X25519MLKEM768);
        assertThat(client.group()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(client.publicShare().length()).isEqualTo(1216);

        Encapsulation server = provider.encapsulate(NamedGroup.X25519MLKEM768, client.publicShare());
        assertThat(server.serverShare().length()).isEqualTo(1120);
        assertThat(server.sharedSecret().length()).isEqualTo(64);
        assertThat(client.complete(server.serverShare()).expose()).isEqualTo(server.sharedSecret().expose());
    }

    @Test
    void clientShareIsRawEncapsulationKeyThenX25519Share() throws Exception {
        KeyShare client = provider.startKeyExchange(NamedGroup.X25519MLKEM768);
        Bytes share = client.publicShare();

        PublicKey encapsulationKey = KeyFactory.getInstance("ML-KEM").generatePublic(
                new X509EncodedKeySpec(Bytes.fromHex(SPKI_PREFIX).concat(share.slice(0, 1184)).toArray()));
        KEM.Encapsulated kem = KEM.getInstance("ML-KEM").newEncapsulator(encapsulationKey).encapsulate();
        KeyShare bob = JcaCryptoProvider.create(TestRandom.scripted(BOB_PRIVATE)).startKeyExchange(NamedGroup.X25519);
        Secret x25519 = bob.complete(share.slice(1184, 1216));

        Secret secret = client.complete(Bytes.wrap(kem.encapsulation()).concat(bob.publicShare()));
        byte[] expected = Bytes.wrap(kem.key().getEncoded()).concat(Bytes.wrap(x25519.expose())).toArray();
        assertThat(secret.expose()).isEqualTo(expected);
    }

    @Test
    void serverShareIsCiphertextThenX25519ShareAndSecretIsMlKemThenX25519() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
        generator.initialize(NamedParameterSpec.ML_KEM_768);
        KeyPair mlKem = generator.generateKeyPair();
        byte[] spki = mlKem.getPublic().getEncoded();
        assertThat(HexFormat.of().formatHex(spki, 0, 22)).isEqualTo(SPKI_PREFIX);
        Bytes clientShare = Bytes.of(spki, 22, 1184).concat(Bytes.fromHex(ALICE_PUBLIC));

        CryptoProvider server = JcaCryptoProvider.create(
                TestRandom.scriptedThen(TestRandom.seeded(7), BOB_PRIVATE));
        Encapsulation result = server.encapsulate(NamedGroup.X25519MLKEM768, clientShare);

        Bytes serverShare = result.serverShare();
        assertThat(serverShare.slice(1088, 1120).hex()).isEqualTo(BOB_PUBLIC);
        byte[] mlKemSecret = KEM.getInstance("ML-KEM").newDecapsulator(mlKem.getPrivate())
                .decapsulate(serverShare.slice(0, 1088).toArray()).getEncoded();
        byte[] secret = result.sharedSecret().expose();
        assertThat(Arrays.copyOfRange(secret, 0, 32)).isEqualTo(mlKemSecret);
        assertThat(HexFormat.of().formatHex(secret, 32, 64)).isEqualTo(X25519_SHARED);
    }

    @Test
    void clientUsesScriptedX25519KeyAfterMlKemKeyGeneration() {
        RandomSource random = TestRandom.seeded(1);
        int[] calls = {0};
        byte[][] last = new byte[1][];
        RandomSource spy = out -> {
            calls[0]++;
            random.nextBytes(out);
            last[0] = out.clone();
        };
        KeyShare client = JcaCryptoProvider.create(spy).startKeyExchange(NamedGroup.X25519MLKEM768);
        KeyShare x25519 = JcaCryptoProvider.create(TestRandom.scripted(HexFormat.of().formatHex(last[0])))
                .startKeyExchange(NamedGroup.X25519);
        assertThat(calls[0]).isGreaterThan(1);
        assertThat(client.publicShare().slice(1184, 1216)).isEqualTo(x25519.publicShare());
    }

    @Test
    void rejectsClientShareOfWrongLength() {
        Bytes share = provider.startKeyExchange(NamedGroup.X25519MLKEM768).publicShare();
        assertIllegalParameter(() -> provider.encapsulate(NamedGroup.X25519MLKEM768, share.slice(0, 1215)));
        assertIllegalParameter(() -> provider.encapsulate(NamedGroup.X25519MLKEM768,
                share.concat(Bytes.fromHex("00"))));
        assertIllegalParameter(() -> provider.encapsulate(NamedGroup.X25519MLKEM768, share.slice(1184, 1216)));
    }

    @Test
    void rejectsServerShareOfWrongLength() throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(NamedGroup.X25519MLKEM768);
        Bytes serverShare = provider.encapsulate(NamedGroup.X25519MLKEM768, client.publicShare()).serverShare();
        assertIllegalParameter(() -> client.complete(serverShare.slice(0, 1119)));
        assertIllegalParameter(() -> client.complete(serverShare.slice(1088, 1120)));
    }

    @Test
    void rejectsEncapsulationKeyWithCoefficientsOutOfRange() {
        byte[] share = provider.startKeyExchange(NamedGroup.X25519MLKEM768).publicShare().toArray();
        Arrays.fill(share, 0, 1152, (byte) 0xff);
        assertIllegalParameter(() -> provider.encapsulate(NamedGroup.X25519MLKEM768, Bytes.wrap(share)));
    }

    @Test
    void rejectsAllZeroX25519PartOfTheServerShare() throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(NamedGroup.X25519MLKEM768);
        byte[] serverShare = provider.encapsulate(NamedGroup.X25519MLKEM768, client.publicShare())
                .serverShare().toArray();
        Arrays.fill(serverShare, 1088, 1120, (byte) 0);
        assertIllegalParameter(() -> client.complete(Bytes.wrap(serverShare)));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertIllegalParameter(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
