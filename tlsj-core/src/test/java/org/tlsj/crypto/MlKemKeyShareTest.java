package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.KEM;
import org.junit.jupiter.api.Test;
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

    /** RFC 9935 appendix C.2: the ML-KEM-1024 public key (SubjectPublicKeyInfo) from the seed 0x00..0x3f. */
    private static final String RFC9935_ML_KEM_1024_PUBLIC_KEY = """
            MIIGMjALBglghkgBZQMEBAMDggYhAEuUwpRQERGRgjs1FMmsHqPZglzLhjk6LfsE
            ZU+iGS03v60cSXxlAu7lyoCnO/zguvWlSohYWkATl6PSMvQmp6+wgrwhpEMXCQ6q
            x1ksLqiKZTxEkeoZOTEzX1LpiaPEzFbZxVNzLVfEcPtBq3WbZdLQREU4L82cTjRK
            ESj6nhHgQ1jhku0BSyMjKn7isi4jcX9EER7jNXU5nDdkbamBPsmyEq/pTl3FwjMK
            cpTMH0I0ptP7tPFoWriJLASssXzRwXDXsGEbanF2x5TMjGf1X8kjwq0gMQDzZZkY
            gsMCQ9d4E4Q7XsfJZAMiY3BgkuzwDHUWvmTkWYykImwGm7XmfkF1zyKGyN1cSIps
            WGHzG6oL0CaUcOi1Ud07zTjIbBL5zbF2x33ItsAqcB9HiQLIVT9pTA2CcntMSlws
            EEEhKqEnSAi4IRGzd+x1IU6bGXj3YATUE52YYT9LjpjSCve1NAc6UJqVm3p1ZPm0
            DKIYv2GCkyCoUCAXlU0yjXrGx2nsKXAHVuewaFs0DV4RgFlQSkmppQoQGY6xCleE
            Z460J9e0uruVUpM7BiiXlz4TGOrwoOrDdYSmVAGxcD4EKszYN1MUg/JBytzRwdN4
            EZ5pRCnbGZrIkeTFNDdXCFuzrng2ZzUMRFjZdnLoYegLHSZ5UQ6jpvI2DHekaULH
            oGpVTSKAgMhLR67xTbF2IMsWwGqzChvkzacIK+n4fpwhHEaRY0mluo6qUgHHKUo8
            CIW1O2V0UhCIJexkbJCgRhIyTufQMa/lNDEyy+9ntu+xpewoCbdzU4znez2LBOsL
            PCJWAR5McWwZqLoHUr9xSSEXZJ8GFcMpD8KaRv3kvVLbkobWAziCRCWcFaesK2QK
            YMwDN2pYQaP7ikc1aPqbGiZyFfNMAWl7Dw5icXXXIQW3cHwpueYUvcM6b2yBipU3
            C0J4gte0dnlqnsbrmTJ0zZsjkagrpF4zk9Lprpchyp1sG5iLWCdxP5CmWF3pQzUo
            wCsDzhC7X3IBOND7tMMMEma5GOUpJd/hezf5XSK8pU9HWRmshZCYwPDQisWHXvKb
            Vv0UHm7xX3AKC2bzlZXFiBdzc8RmmyG8Bx5MOqXwtKMbYljzXaJKw80px/IJJBDF
            B4NVsTj7U6a5rm4LnAgkPnuqRcRzduuMfxPUz1Gqc2+jFUDJJB83DaVEv5+cKNml
            fi8qfKlaTktGbmQas7zHat8ROdVnpvErUvOmXn7AquJryqjFWDOwTlmZjryaGTD7
            ttIjPFPSwfi5UY48Lec6Gd7ms4Clsylxz2ThKf1sH6bnXUojRQHpZt06VAr1yPTz
            SmtKJT7ihJJWbV5nxvVYVfywUG+wbBVnRNmgOjGib6lMrRTxV7fzA9B6acdzdo/L
            TQecCQWXA6DDqU3kuZ6jovFlg9D5Fwo5UNsHtPC8MIApJ/n3lhtiWYkmNqlQKicF
            MDY3eZ3TRNpFHBz3v2eEDOsweauMa4wZJ/ZAU8YSRQxFyeYDvBZmbllrNHHhA7bx
            VEdCTRcCIEgRH/vTfhxnD2TxS4p7MrlMGkm0XdL8OM1SidkQrWNgLPXhMELGSsZ5
            e4n7VRrQjgWpLSAMzLfnEu8jyTEss1DwKatTfihzR/0wdawQkGp4PxxsB8y4j0Ei
            jEvhxkD3kLXDpdXTynkklddLxGFWJljAesYAJ2uSSrW8m+HwSUy3b4L0YKdICXJm
            M4HhaZlgYdeZhZ7FTU9cpcQRwB2xWXsWWXdmneE6koo0r7rCWP6oxHZCOclCHcMR
            m/W0dpkgaXgyexxTRe90anmDhB8FbiU0EAqyTU6au9CxfGqVvUw8DkD2nhYSrO6y
            i5kIbJURbnIEJziTOQv0a4mbNihrDr8ZR7uYhPcyyifagrGbXcDMf4iFcUkQiIsj
            EMT5MZ1BCzTmQzuQA+IXa7mVJXRWEG6JUhY7i6WSUwzFqgrrQ605j+npe6pSPXpE
            MWd8PTrwcZ5HXbhcqVr1CJvqvrBbL6q0iWumD4HIhHKle0aoKIJqDN+0RvgYkYLS
            v16sTsHMXer1mcihPkgjVAbRf/3cg0S2xmmEqGiqkvoCInoIaVDrDIcB7VjcYod2
            uYOILhF1
            """;
    private static final String SEED_D = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String SEED_Z = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @Test
    void mlKem1024SharesFromTheRfc9935SeedCarryItsEncapsulationKey() {
        byte[] spki = Base64.getMimeDecoder().decode(RFC9935_ML_KEM_1024_PUBLIC_KEY);
        assertThat(spki).hasSize(22 + 1568);
        Bytes ek = Bytes.of(spki, 22, 1568);

        Bytes pure = JcaCryptoProvider.create(TestRandom.scripted(SEED_D, SEED_Z))
                .startKeyExchange(NamedGroup.MLKEM1024).publicShare();
        assertThat(pure).isEqualTo(ek);

        // The hybrid draws the ML-KEM seed first, then its P-384 key; the key comes first on the wire.
        Bytes hybrid = JcaCryptoProvider.create(TestRandom.scriptedThen(TestRandom.seeded(5), SEED_D, SEED_Z))
                .startKeyExchange(NamedGroup.SECP384R1MLKEM1024).publicShare();
        assertThat(hybrid.length()).isEqualTo(97 + 1568);
        assertThat(hybrid.get(0)).isEqualTo((byte) 0x04);
        assertThat(hybrid.slice(97, 97 + 1568)).isEqualTo(ek);
    }

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
