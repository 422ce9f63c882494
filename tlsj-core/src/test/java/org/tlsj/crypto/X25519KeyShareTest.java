package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** RFC 7748 sections 5.2 and 6.1 through the {@link KeyShare} SPI, with the private key scripted. */
class X25519KeyShareTest {
    private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    @Test
    void publicShareIsScalarTimesBasePointForRfc7748Alice() {
        KeyShare alice = start(ALICE_PRIVATE);
        assertThat(alice.group()).isEqualTo(NamedGroup.X25519);
        assertThat(alice.publicShare().hex()).isEqualTo(ALICE_PUBLIC);
    }

    @Test
    void publicShareIsScalarTimesBasePointForRfc7748Bob() {
        assertThat(start(BOB_PRIVATE).publicShare().hex()).isEqualTo(BOB_PUBLIC);
    }

    @Test
    void aliceAndBobAgreeOnRfc7748SharedSecret() throws TlsFatalAlertException {
        assertThat(hex(start(ALICE_PRIVATE).complete(Bytes.fromHex(BOB_PUBLIC)))).isEqualTo(SHARED);
        assertThat(hex(start(BOB_PRIVATE).complete(Bytes.fromHex(ALICE_PUBLIC)))).isEqualTo(SHARED);
    }

    @Test
    void serverEncapsulationWithScriptedKeyMatchesRfc7748() throws TlsFatalAlertException {
        CryptoProvider bob = JcaCryptoProvider.create(TestRandom.scripted(BOB_PRIVATE));
        Encapsulation result = bob.encapsulate(NamedGroup.X25519, Bytes.fromHex(ALICE_PUBLIC));
        assertThat(result.serverShare().hex()).isEqualTo(BOB_PUBLIC);
        assertThat(hex(result.sharedSecret())).isEqualTo(SHARED);
    }

    @Test
    void rfc7748Section52FirstVector() throws TlsFatalAlertException {
        KeyShare share = start("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        Secret out = share.complete(Bytes.fromHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
        assertThat(hex(out)).isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    }

    @Test
    void rfc7748Section52SecondVectorMasksTheTopBitOfTheUCoordinate() throws TlsFatalAlertException {
        KeyShare share = start("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d");
        Secret out = share.complete(Bytes.fromHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));
        assertThat(hex(out)).isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void rejectsAllZeroPeerShare() {
        assertRejected("0000000000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void rejectsLowOrderPeerShareOfOrderFour() {
        assertRejected("0100000000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void rejectsLowOrderPeerShareOfOrderEight() {
        assertRejected("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
    }

    @Test
    void rejectsPeerShareOfWrongLength() {
        KeyShare share = start(ALICE_PRIVATE);
        assertThatThrownBy(() -> share.complete(Bytes.fromHex(BOB_PUBLIC + "00")))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }

    @Test
    void drawsExactlyThirtyTwoBytesForThePrivateKey() {
        int[] requested = {0};
        CryptoProvider provider = JcaCryptoProvider.create(out -> requested[0] += out.length);
        provider.startKeyExchange(NamedGroup.X25519);
        assertThat(requested[0]).isEqualTo(32);
    }

    private static void assertRejected(String peerShare) {
        KeyShare share = start(ALICE_PRIVATE);
        assertThatThrownBy(() -> share.complete(Bytes.fromHex(peerShare)))
                .isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.InvalidMessage.BAD_KEY_SHARE);
                    assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
                });
    }

    private static KeyShare start(String privateKey) {
        return JcaCryptoProvider.create(TestRandom.scripted(privateKey)).startKeyExchange(NamedGroup.X25519);
    }

    private static String hex(Secret secret) {
        return HexFormat.of().formatHex(secret.expose());
    }
}
