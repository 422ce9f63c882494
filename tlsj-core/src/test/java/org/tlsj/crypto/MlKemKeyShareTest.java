package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.KEM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Bytes;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.NistHybridKeyShareTest.Hybrid;

/**
 * Pure MLKEM768 and MLKEM1024 (draft-ietf-tls-mlkem): the client share is the raw encapsulation key, the server
 * share the ciphertext, the secret ML-KEM's 32 bytes; exact sizes, checked against the JDK directly.
 */
class MlKemKeyShareTest {
    /** The pure group and the matching hybrid, whose ML-KEM sizes are the same. */
    record Case(NamedGroup group, Hybrid sizes, String spkiPrefix) {
        @Override
        public String toString() {
            return group.toString();
        }
    }

    static List<Case> cases() {
        List<Hybrid> hybrids = NistHybridKeyShareTest.hybrids();
        // SubjectPublicKeyInfo prefixes written out by hand: SEQUENCE, AlgorithmIdentifier (OID
        // 2.16.840.1.101.3.4.4.2 or .3), BIT STRING header with no unused bits.
        return List.of(new Case(NamedGroup.MLKEM768, hybrids.get(0), "308204b2300b0609608648016503040402038204a100"),
                new Case(NamedGroup.MLKEM1024, hybrids.get(1), "30820632300b06096086480165030404030382062100"));
    }

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @ParameterizedTest
    @MethodSource("cases")
    void clientShareIsTheRawKeyServerShareTheCiphertextSecretTheKemSecret(Case c) throws Exception {
        KeyShare client = provider.startKeyExchange(c.group());
        assertThat(client.publicShare().length()).isEqualTo(c.sizes().ek());
        KEM.Encapsulated kem = KEM.getInstance("ML-KEM")
                .newEncapsulator(NistHybridKeyShareTest.encapsulationKey(c.sizes(), client.publicShare()))
                .encapsulate();
        assertThat(kem.encapsulation()).hasSize(c.sizes().ct());
        assertThat(client.complete(Bytes.wrap(kem.encapsulation())).expose()).isEqualTo(kem.key().getEncoded());

        Encapsulation server = provider.encapsulate(c.group(), client.publicShare());
        assertThat(server.serverShare().length()).isEqualTo(c.sizes().ct());
        assertThat(server.sharedSecret().length()).isEqualTo(32);
        assertThat(client.complete(server.serverShare()).expose()).isEqualTo(server.sharedSecret().expose());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theJdksKeyEncodingIsThePrefixThenTheRawKey(Case c) throws Exception {
        KeyPair pair = NistHybridKeyShareTest.mlKemKeyPair(c.sizes());
        byte[] spki = pair.getPublic().getEncoded();
        assertThat(HexFormat.of().formatHex(spki, 0, 22)).isEqualTo(c.spkiPrefix());
        MlKem kem = c.group().equals(NamedGroup.MLKEM768) ? MlKem.ML_KEM_768 : MlKem.ML_KEM_1024;
        assertThat(kem.rawPublicKey(pair.getPublic())).isEqualTo(Arrays.copyOfRange(spki, 22, spki.length));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusesSharesOfWrongLengthAndAnInvalidKey(Case c) throws TlsFatalAlertException {
        KeyShare client = provider.startKeyExchange(c.group());
        Bytes ek = client.publicShare();
        assertIllegalParameter(() -> provider.encapsulate(c.group(), ek.slice(0, ek.length() - 1)));
        assertIllegalParameter(() -> provider.encapsulate(c.group(), ek.concat(Bytes.fromHex("00"))));
        byte[] outOfRange = ek.toArray();
        Arrays.fill(outOfRange, 0, outOfRange.length - 32, (byte) 0xff);
        assertIllegalParameter(() -> provider.encapsulate(c.group(), Bytes.wrap(outOfRange)));

        Bytes ct = provider.encapsulate(c.group(), ek).serverShare();
        assertIllegalParameter(() -> client.complete(ct.slice(0, ct.length() - 1)));
        assertIllegalParameter(() -> client.complete(ct.concat(Bytes.fromHex("00"))));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertIllegalParameter(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
