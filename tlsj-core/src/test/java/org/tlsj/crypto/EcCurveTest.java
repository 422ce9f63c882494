package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;

/** The public curve helpers other providers use: group mapping, key matching, point encoding. */
class EcCurveTest {
    /** The P-256 base point G (SEC 2 section 2.4.2), uncompressed. */
    private static final String P256_GENERATOR = "04"
            + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
            + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

    @Test
    void encodesTheP256GeneratorAsSec2Gives() {
        ECPoint g = EcCurve.P256.params().getGenerator();
        assertThat(HexFormat.of().formatHex(EcCurve.P256.uncompressed(g))).isEqualTo(P256_GENERATOR);
        assertThat(EcCurve.P256.isOnCurve(g)).isTrue();
    }

    @Test
    void padsSmallCoordinatesToTheFieldSize() {
        byte[] encoded = EcCurve.P384.uncompressed(new ECPoint(BigInteger.ONE, BigInteger.TWO));
        assertThat(encoded).hasSize(97);
        assertThat(encoded[0]).isEqualTo((byte) 0x04);
        assertThat(encoded[48]).isEqualTo((byte) 1);
        assertThat(encoded[96]).isEqualTo((byte) 2);
        assertThat(new BigInteger(1, Arrays.copyOfRange(encoded, 1, 48))).isZero();
    }

    @Test
    void matchesOnlyKeysOfItsOwnCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        assertThat(EcCurve.P384.matches(key)).isTrue();
        assertThat(EcCurve.P256.matches(key)).isFalse();
        assertThat(EcCurve.P384.isOnCurve(key.getW())).isTrue();
    }

    @Test
    void mapsOnlyTheEcdheGroups() {
        assertThat(EcCurve.forGroup(NamedGroup.SECP256R1)).isEqualTo(EcCurve.P256);
        assertThat(EcCurve.forGroup(NamedGroup.SECP384R1)).isEqualTo(EcCurve.P384);
        assertThat(EcCurve.forGroup(NamedGroup.SECP521R1)).isEqualTo(EcCurve.P521);
        assertThatThrownBy(() -> EcCurve.forGroup(NamedGroup.X25519)).isInstanceOf(IllegalArgumentException.class);
    }
}
