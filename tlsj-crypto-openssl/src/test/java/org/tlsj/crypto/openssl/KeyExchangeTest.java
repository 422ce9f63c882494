package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;
import org.tlsj.testkit.ScriptedRandom;

/** X25519, P-256, P-384 and X25519MLKEM768 in libcrypto: known answers, agreement with the JCA, refusals. */
class KeyExchangeTest {
    @BeforeAll
    static void requireLibcrypto() {
        RequireLibcrypto.check();
    }

    // RFC 7748 section 6.1.
    private static final Bytes ALICE_PRIVATE =
            Bytes.fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final Bytes ALICE_PUBLIC =
            Bytes.fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final Bytes BOB_PRIVATE =
            Bytes.fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final Bytes BOB_PUBLIC =
            Bytes.fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final Bytes SHARED =
            Bytes.fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    static List<NamedGroup> groups() {
        return List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1);
    }

    private static CryptoProvider openssl(long seed) {
        return OpenSslCryptoProvider.create(new ScriptedRandom(seed));
    }

    @Test
    void x25519MatchesRfc7748KnownAnswer() throws TlsFatalAlertException {
        CryptoProvider alice = OpenSslCryptoProvider.create(new ScriptedRandom(1).then(ALICE_PRIVATE));
        CryptoProvider bob = OpenSslCryptoProvider.create(new ScriptedRandom(2).then(BOB_PRIVATE));

        KeyShare a = alice.startKeyExchange(NamedGroup.X25519);
        KeyShare b = bob.startKeyExchange(NamedGroup.X25519);

        assertThat(a.publicShare()).isEqualTo(ALICE_PUBLIC);
        assertThat(b.publicShare()).isEqualTo(BOB_PUBLIC);
        assertThat(Bytes.wrap(a.complete(BOB_PUBLIC).expose())).isEqualTo(SHARED);
        assertThat(Bytes.wrap(b.complete(ALICE_PUBLIC).expose())).isEqualTo(SHARED);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void agreesWithTheJcaProviderInBothRoles(NamedGroup group) throws TlsFatalAlertException {
        CryptoProvider jca = JcaCryptoProvider.create(new ScriptedRandom(7));
        CryptoProvider ours = openssl(8);

        KeyShare ourClient = ours.startKeyExchange(group);
        Encapsulation jcaServer = jca.encapsulate(group, ourClient.publicShare());
        assertThat(ourClient.complete(jcaServer.serverShare()).expose()).isEqualTo(jcaServer.sharedSecret().expose());

        KeyShare jcaClient = jca.startKeyExchange(group);
        Encapsulation ourServer = ours.encapsulate(group, jcaClient.publicShare());
        assertThat(jcaClient.complete(ourServer.serverShare()).expose()).isEqualTo(ourServer.sharedSecret().expose());
    }

    @ParameterizedTest
    @MethodSource("reproducibleGroups")
    void sameSeedGivesSameShares(NamedGroup group) {
        assertThat(openssl(42).startKeyExchange(group).publicShare())
                .isEqualTo(openssl(42).startKeyExchange(group).publicShare())
                .isNotEqualTo(openssl(43).startKeyExchange(group).publicShare());
    }

    @Test
    void x25519AndHybridSharesEqualTheJcaProvidersUnderTheSameSeed() throws TlsFatalAlertException {
        for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.X25519MLKEM768)) {
            assertThat(openssl(5).startKeyExchange(group).publicShare()).as(group.toString())
                    .isEqualTo(JcaCryptoProvider.create(new ScriptedRandom(5)).startKeyExchange(group).publicShare());
        }
        Bytes client = JcaCryptoProvider.create(new ScriptedRandom(9)).startKeyExchange(NamedGroup.X25519MLKEM768)
                .publicShare();
        Encapsulation ours = openssl(10).encapsulate(NamedGroup.X25519MLKEM768, client);
        Encapsulation theirs = JcaCryptoProvider.create(new ScriptedRandom(10))
                .encapsulate(NamedGroup.X25519MLKEM768, client);
        assertThat(ours.serverShare()).isEqualTo(theirs.serverShare());
        assertThat(ours.sharedSecret().expose()).isEqualTo(theirs.sharedSecret().expose());
    }

    @Test
    void rejectsAllZeroX25519SharedSecret() {
        // u = 0 and u = 1 are small-order points: X25519 with them is all zeros (RFC 7748 section 6.1).
        for (String u : List.of("00".repeat(32), "01" + "00".repeat(31))) {
            KeyShare share = openssl(3).startKeyExchange(NamedGroup.X25519);
            assertIllegalParameter(() -> share.complete(Bytes.fromHex(u)));
        }
    }

    @Test
    void rejectsX25519ShareOfWrongLength() {
        KeyShare share = openssl(3).startKeyExchange(NamedGroup.X25519);
        assertIllegalParameter(() -> share.complete(Bytes.fromHex("09".repeat(31))));
    }

    @ParameterizedTest
    @MethodSource("nistGroups")
    void rejectsNistSharesThatAreNotUncompressedPointsOnTheCurve(NamedGroup group) {
        byte[] valid = openssl(4).startKeyExchange(group).publicShare().toArray();
        byte[] offCurve = valid.clone();
        offCurve[offCurve.length - 1] ^= 1;
        byte[] compressed = valid.clone();
        compressed[0] = 0x02;
        byte[] wrongLength = java.util.Arrays.copyOf(valid, valid.length - 1);
        for (byte[] bad : List.of(offCurve, compressed, wrongLength, new byte[] {0})) {
            KeyShare share = openssl(5).startKeyExchange(group);
            assertIllegalParameter(() -> share.complete(Bytes.wrap(bad)));
        }
    }

    /** P-256/P-384 keys come from OpenSSL's generator (see EcdhShare). */
    static List<NamedGroup> reproducibleGroups() {
        return List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    }

    static List<NamedGroup> nistGroups() {
        return List.of(NamedGroup.SECP256R1, NamedGroup.SECP384R1);
    }

    @Test
    void nistSecretsAreTheFieldSize() throws TlsFatalAlertException {
        for (NamedGroup group : nistGroups()) {
            KeyShare client = openssl(11).startKeyExchange(group);
            Secret secret = openssl(12).encapsulate(group, client.publicShare()).sharedSecret();
            assertThat(secret.length()).isEqualTo(group.equals(NamedGroup.SECP256R1) ? 32 : 48);
            assertThat(client.publicShare().length()).isEqualTo(1 + 2 * secret.length());
        }
    }

    @Test
    void rejectsHybridSharesOfWrongLength() {
        KeyShare client = openssl(6).startKeyExchange(NamedGroup.X25519MLKEM768);
        assertIllegalParameter(() -> client.complete(Bytes.wrap(new byte[1119])));
        assertIllegalParameter(() -> openssl(6).encapsulate(NamedGroup.X25519MLKEM768, Bytes.wrap(new byte[1215])));
    }

    @Test
    void aKeyShareCompletesOnlyOnce() throws TlsFatalAlertException {
        KeyShare client = openssl(13).startKeyExchange(NamedGroup.X25519);
        Bytes server = openssl(14).encapsulate(NamedGroup.X25519, client.publicShare()).serverShare();
        client.complete(server);
        assertThatThrownBy(() -> client.complete(server)).isInstanceOf(IllegalStateException.class);
    }

    private interface Completion {
        Object run() throws TlsFatalAlertException;
    }

    private static void assertIllegalParameter(Completion c) {
        assertThatThrownBy(c::run).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
