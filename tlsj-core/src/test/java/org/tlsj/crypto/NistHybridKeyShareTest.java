package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Bytes;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;

/**
 * SecP256r1MLKEM768 and SecP384r1MLKEM1024 (RFC 10024): the ECDH part comes first in both shares and in the
 * secret, checked against the JDK's EC and ML-KEM directly (not through tlsj's code); and every part validated
 * with illegal_parameter.
 */
class NistHybridKeyShareTest {
    /** One hybrid and what an independent implementation needs to check it. */
    record Hybrid(NamedGroup group, EcCurve curve, NamedParameterSpec kem, int ek, int ct, int ecdhSecret) {
        int point() {
            return 1 + 2 * curve.fieldBytes();
        }

        @Override
        public String toString() {
            return group.toString();
        }
    }

    static List<Hybrid> hybrids() {
        return List.of(
                new Hybrid(NamedGroup.SECP256R1MLKEM768, EcCurve.P256, NamedParameterSpec.ML_KEM_768, 1184, 1088, 32),
                new Hybrid(NamedGroup.SECP384R1MLKEM1024, EcCurve.P384, NamedParameterSpec.ML_KEM_1024, 1568, 1568,
                        48));
    }

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @ParameterizedTest
    @MethodSource("hybrids")
    void sharesAndSecretHaveTheRfcSizes(Hybrid h) throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(h.group());
        assertThat(client.group()).isEqualTo(h.group());
        assertThat(client.publicShare().length()).isEqualTo(h.point() + h.ek()); // 1249 / 1665
        Encapsulation server = provider.encapsulate(h.group(), client.publicShare());
        assertThat(server.serverShare().length()).isEqualTo(h.point() + h.ct()); // 1153 / 1665
        assertThat(server.sharedSecret().length()).isEqualTo(h.ecdhSecret() + 32); // 64 / 80
        assertThat(client.complete(server.serverShare()).expose()).isEqualTo(server.sharedSecret().expose());
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void clientShareIsPointThenEncapsulationKeyAndSecretIsEcdhThenMlKem(Hybrid h) throws Exception {
        KeyShare client = provider.startKeyExchange(h.group());
        Bytes share = client.publicShare();
        PublicKey clientPoint = point(h, share.slice(0, h.point()));
        KeyPair peer = ecKeyPair(h);
        byte[] ecdh = ecdh(peer, clientPoint);
        PublicKey ek = encapsulationKey(h, share.slice(h.point(), share.length()));
        KEM.Encapsulated kem = KEM.getInstance("ML-KEM").newEncapsulator(ek).encapsulate();

        Bytes serverShare = Bytes.wrap(h.curve().uncompressed(((ECPublicKey) peer.getPublic()).getW()))
                .concat(Bytes.wrap(kem.encapsulation()));
        Secret secret = client.complete(serverShare);

        assertThat(Bytes.wrap(secret.expose())).isEqualTo(Bytes.wrap(ecdh).concat(Bytes.wrap(kem.key().getEncoded())));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void serverShareIsPointThenCiphertextAndSecretIsEcdhThenMlKem(Hybrid h) throws Exception {
        KeyPair ec = ecKeyPair(h);
        KeyPair mlKem = mlKemKeyPair(h);
        byte[] spki = mlKem.getPublic().getEncoded();
        Bytes clientShare = Bytes.wrap(h.curve().uncompressed(((ECPublicKey) ec.getPublic()).getW()))
                .concat(Bytes.of(spki, spki.length - h.ek(), h.ek()));

        Encapsulation result = provider.encapsulate(h.group(), clientShare);

        Bytes serverShare = result.serverShare();
        byte[] ecdh = ecdh(ec, point(h, serverShare.slice(0, h.point())));
        byte[] kem = KEM.getInstance("ML-KEM").newDecapsulator(mlKem.getPrivate())
                .decapsulate(serverShare.slice(h.point(), serverShare.length()).toArray()).getEncoded();
        assertThat(Bytes.wrap(result.sharedSecret().expose())).isEqualTo(Bytes.wrap(ecdh).concat(Bytes.wrap(kem)));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void refusesClientSharesOfWrongLength(Hybrid h) {
        Bytes share = provider.startKeyExchange(h.group()).publicShare();
        assertIllegalParameter(() -> provider.encapsulate(h.group(), share.slice(0, share.length() - 1)));
        assertIllegalParameter(() -> provider.encapsulate(h.group(), share.concat(Bytes.fromHex("00"))));
        assertIllegalParameter(() -> provider.encapsulate(h.group(), share.slice(0, h.point())));
        assertIllegalParameter(() -> provider.encapsulate(h.group(), share.slice(h.point(), share.length())));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void refusesServerSharesOfWrongLength(Hybrid h) throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(h.group());
        Bytes server = provider.encapsulate(h.group(), client.publicShare()).serverShare();
        assertIllegalParameter(() -> client.complete(server.slice(0, server.length() - 1)));
        assertIllegalParameter(() -> client.complete(server.slice(h.point(), server.length())));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void refusesAnEcdhPointOffTheCurveInEitherShare(Hybrid h) throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(h.group());
        byte[] clientShare = client.publicShare().toArray();
        clientShare[h.point() - 1] ^= 1; // last byte of Y: (x, y') is not on the curve
        assertIllegalParameter(() -> provider.encapsulate(h.group(), Bytes.wrap(clientShare)));

        byte[] serverShare = provider.encapsulate(h.group(), client.publicShare()).serverShare().toArray();
        serverShare[h.point() - 1] ^= 1;
        assertIllegalParameter(() -> client.complete(Bytes.wrap(serverShare)));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void refusesACompressedOrAllZeroPointAndAnAllZeroShare(Hybrid h) {
        byte[] share = provider.startKeyExchange(h.group()).publicShare().toArray();
        byte[] compressed = share.clone();
        compressed[0] = 0x02;
        assertIllegalParameter(() -> provider.encapsulate(h.group(), Bytes.wrap(compressed)));
        byte[] zeroPoint = share.clone();
        Arrays.fill(zeroPoint, 1, h.point(), (byte) 0); // 0x04 || (0, 0): not on the curve
        assertIllegalParameter(() -> provider.encapsulate(h.group(), Bytes.wrap(zeroPoint)));
        assertIllegalParameter(() -> provider.encapsulate(h.group(), Bytes.wrap(new byte[share.length])));
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void refusesAnEncapsulationKeyWithCoefficientsOutOfRange(Hybrid h) {
        byte[] share = provider.startKeyExchange(h.group()).publicShare().toArray();
        Arrays.fill(share, h.point(), h.point() + h.ek() - 32, (byte) 0xff); // t-hat coefficients 4095 >= q
        assertIllegalParameter(() -> provider.encapsulate(h.group(), Bytes.wrap(share)));
    }

    private static KeyPair ecKeyPair(Hybrid h) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(h.curve().jcaName()));
        return generator.generateKeyPair();
    }

    static KeyPair mlKemKeyPair(Hybrid h) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
        generator.initialize(h.kem());
        return generator.generateKeyPair();
    }

    /** A raw encapsulation key as a JCA key, with the SubjectPublicKeyInfo prefix of a key the JDK made. */
    static PublicKey encapsulationKey(Hybrid h, Bytes raw) throws Exception {
        byte[] spki = mlKemKeyPair(h).getPublic().getEncoded();
        Bytes prefix = Bytes.of(spki, 0, spki.length - h.ek());
        return KeyFactory.getInstance("ML-KEM").generatePublic(
                new java.security.spec.X509EncodedKeySpec(prefix.concat(raw).toArray()));
    }

    private static PublicKey point(Hybrid h, Bytes encoded) throws Exception {
        int n = h.curve().fieldBytes();
        assertThat(encoded.get(0)).isEqualTo((byte) 0x04);
        ECPoint p = new ECPoint(new BigInteger(1, encoded.slice(1, 1 + n).toArray()),
                new BigInteger(1, encoded.slice(1 + n, 1 + 2 * n).toArray()));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(p, h.curve().params()));
    }

    private static byte[] ecdh(KeyPair own, PublicKey peer) throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own.getPrivate());
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertIllegalParameter(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
