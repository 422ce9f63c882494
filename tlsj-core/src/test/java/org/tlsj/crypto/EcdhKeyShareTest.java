package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** ECDHE over secp256r1, secp384r1 and secp521r1: round trips and rejection of malformed points. */
class EcdhKeyShareTest {
    private final CryptoProvider provider = JcaCryptoProvider.create();

    @Test
    void p256ClientAndServerDeriveTheSameSecret() throws TlsFatalAlertException {
        assertRoundTrip(NamedGroup.SECP256R1, 65, 32);
    }

    @Test
    void p384ClientAndServerDeriveTheSameSecret() throws TlsFatalAlertException {
        assertRoundTrip(NamedGroup.SECP384R1, 97, 48);
    }

    @Test
    void p521ClientAndServerDeriveTheSameSecretOf66Bytes() throws TlsFatalAlertException {
        // 521-bit coordinates and secret, each left-padded to 66 bytes (RFC 8446 section 4.2.8.2, 7.4.2).
        assertRoundTrip(NamedGroup.SECP521R1, 133, 66);
    }

    @Test
    void p521IsImplementedButNotADefaultGroup() {
        assertThat(provider.groups()).contains(NamedGroup.SECP521R1);
        assertThat(NamedGroup.SUPPORTED).doesNotContain(NamedGroup.SECP521R1);
        assertThat(NamedGroup.SECP521R1.isSupported()).isTrue();
        assertThat(NamedGroup.byName("P-521")).contains(NamedGroup.SECP521R1);
    }

    @Test
    void rejectsP521PointOffTheCurve() {
        byte[] share = provider.startKeyExchange(NamedGroup.SECP521R1).publicShare().toArray();
        share[132] ^= 0x01;
        assertIllegalParameter(NamedGroup.SECP521R1, Bytes.wrap(share));
    }

    @Test
    void rejectsP521CoordinateAboveTheFieldPrime() {
        // p = 2^521 - 1: all 521 bits set is p itself, not below it; 66 bytes of 0xff is far above.
        byte[] share = provider.startKeyExchange(NamedGroup.SECP521R1).publicShare().toArray();
        share[1] = 0x01;
        Arrays.fill(share, 2, 67, (byte) 0xff);
        assertIllegalParameter(NamedGroup.SECP521R1, Bytes.wrap(share));
        Arrays.fill(share, 1, 67, (byte) 0xff);
        assertIllegalParameter(NamedGroup.SECP521R1, Bytes.wrap(share));
    }

    @Test
    void rejectsP256ShareOfferedAsP521() {
        assertIllegalParameter(NamedGroup.SECP521R1, provider.startKeyExchange(NamedGroup.SECP256R1).publicShare());
    }

    @Test
    void rejectsOffCurvePoint() {
        byte[] share = provider.startKeyExchange(NamedGroup.SECP256R1).publicShare().toArray();
        share[64] ^= 0x01;
        assertIllegalParameter(NamedGroup.SECP256R1, Bytes.wrap(share));
    }

    @Test
    void rejectsCoordinateAboveTheFieldPrime() {
        byte[] share = new byte[65];
        share[0] = 0x04;
        Arrays.fill(share, 1, 65, (byte) 0xff);
        assertIllegalParameter(NamedGroup.SECP256R1, Bytes.wrap(share));
    }

    @Test
    void rejectsShareOfWrongLength() {
        Bytes share = provider.startKeyExchange(NamedGroup.SECP256R1).publicShare();
        assertIllegalParameter(NamedGroup.SECP256R1, share.slice(0, 64));
        assertIllegalParameter(NamedGroup.SECP384R1, share);
    }

    @Test
    void rejectsCompressedPoint() {
        Bytes share = provider.startKeyExchange(NamedGroup.SECP256R1).publicShare();
        assertIllegalParameter(NamedGroup.SECP256R1, Bytes.fromHex("02").concat(share.slice(1, 33)));
    }

    @Test
    void rejectsWrongPrefixOnFullLengthShare() {
        byte[] share = provider.startKeyExchange(NamedGroup.SECP256R1).publicShare().toArray();
        share[0] = 0x06;
        assertIllegalParameter(NamedGroup.SECP256R1, Bytes.wrap(share));
    }

    @Test
    void rejectsPointAtInfinityEncoding() {
        assertIllegalParameter(NamedGroup.SECP256R1, Bytes.fromHex("00"));
    }

    private void assertRoundTrip(NamedGroup group, int shareLength, int secretLength) throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(group);
        assertThat(client.group()).isEqualTo(group);
        assertThat(client.publicShare().length()).isEqualTo(shareLength);
        assertThat(client.publicShare().get(0)).isEqualTo(0x04);

        Encapsulation server = provider.encapsulate(group, client.publicShare());
        assertThat(server.serverShare().length()).isEqualTo(shareLength);
        Secret clientSecret = client.complete(server.serverShare());
        assertThat(clientSecret.length()).isEqualTo(secretLength);
        assertThat(clientSecret.expose()).isEqualTo(server.sharedSecret().expose());
    }

    private void assertIllegalParameter(NamedGroup group, Bytes peerShare) {
        KeyShare client = provider.startKeyExchange(group);
        assertThatThrownBy(() -> client.complete(peerShare))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
        assertThatThrownBy(() -> provider.encapsulate(group, peerShare))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
