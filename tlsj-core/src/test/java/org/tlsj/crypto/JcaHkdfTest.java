package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tlsj.Bytes;

/** RFC 5869 appendix A test cases 1-3 (HKDF-SHA-256), through the {@link Hkdf} SPI. */
class JcaHkdfTest {
    private final Hkdf hkdf = JcaCryptoProvider.create().hkdf(HashAlgorithm.SHA256);

    @Test
    void rfc5869TestCase1BasicInputs() {
        assertCase("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
                "000102030405060708090a0b0c",
                "f0f1f2f3f4f5f6f7f8f9",
                42,
                "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc5869TestCase2LongInputs() {
        assertCase(range(0x00, 0x50), range(0x60, 0xb0), range(0xb0, 0x100), 82,
                "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc5869TestCase3EmptySaltAndInfo() {
        assertCase("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
                "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void emptySaltEqualsHashLenZeroSalt() {
        Secret ikm = Secret.copyOf(HexFormat.of().parseHex("0b0b0b0b"));
        byte[] withEmpty = hkdf.extract(Secret.wrap(new byte[0]), ikm).expose();
        byte[] withZeros = hkdf.extract(Secret.zeros(32), ikm).expose();
        assertThat(withEmpty).isEqualTo(withZeros);
    }

    @Test
    void extractsWithEmptyInputKeyingMaterial() {
        Secret prk = hkdf.extract(Secret.zeros(32), Secret.wrap(new byte[0]));
        assertThat(prk.length()).isEqualTo(32);
    }

    @Test
    void sha384ExtractGivesHashLenBytes() {
        Hkdf hkdf384 = JcaCryptoProvider.create().hkdf(HashAlgorithm.SHA384);
        Secret prk = hkdf384.extract(Secret.zeros(48), Secret.zeros(48));
        assertThat(hkdf384.algorithm()).isEqualTo(HashAlgorithm.SHA384);
        assertThat(prk.length()).isEqualTo(48);
        assertThat(hkdf384.expand(prk, Bytes.EMPTY, 100).length()).isEqualTo(100);
    }

    /** HKDF-Extract(salt, IKM) is HMAC-Hash(salt, IKM): RFC 4231 test case 1 for HMAC-SHA-384. */
    @Test
    void sha384ExtractIsRfc4231HmacWithShortKey() {
        Hkdf hkdf384 = JcaCryptoProvider.create().hkdf(HashAlgorithm.SHA384);
        Secret mac = hkdf384.extract(Secret.wrap(HexFormat.of().parseHex("0b".repeat(20))),
                Secret.copyOf("Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertThat(HexFormat.of().formatHex(mac.expose())).isEqualTo("afd03944d84895626b0825f4ab46907f15f9dadbe4101ec6"
                + "82aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
    }

    /** RFC 4231 test case 6: a 131-byte key, longer than SHA-384's 128-byte block, is hashed first. */
    @Test
    void sha384ExtractHashesKeyLongerThanBlock() {
        Hkdf hkdf384 = JcaCryptoProvider.create().hkdf(HashAlgorithm.SHA384);
        Secret mac = hkdf384.extract(Secret.wrap(HexFormat.of().parseHex("aa".repeat(131))),
                Secret.copyOf("Test Using Larger Than Block-Size Key - Hash Key First"
                        .getBytes(StandardCharsets.US_ASCII)));
        assertThat(HexFormat.of().formatHex(mac.expose())).isEqualTo("4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f"
                + "3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952");
    }

    private void assertCase(String ikm, String salt, String info, int length, String prk, String okm) {
        Secret extracted = hkdf.extract(secret(salt), secret(ikm));
        assertThat(HexFormat.of().formatHex(extracted.expose())).isEqualTo(prk);
        Secret expanded = hkdf.expand(extracted, Bytes.fromHex(info), length);
        assertThat(HexFormat.of().formatHex(expanded.expose())).isEqualTo(okm);
    }

    private static Secret secret(String hex) {
        return Secret.wrap(HexFormat.of().parseHex(hex));
    }

    private static String range(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(String.format("%02x", i));
        }
        return sb.toString();
    }
}
