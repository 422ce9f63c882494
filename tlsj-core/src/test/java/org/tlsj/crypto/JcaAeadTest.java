package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers through the {@link Aead} SPI, sealed and opened in place: McGrew-Viega GCM test cases 4
 * (AES-128) and 16 (AES-256), and RFC 8439 section 2.8.2 (ChaCha20-Poly1305).
 */
class JcaAeadTest {
    private static final String GCM_PLAINTEXT = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String GCM_NONCE = "cafebabefacedbaddecaf888";

    private final CryptoProvider provider = JcaCryptoProvider.create();

    @Test
    void aes128GcmMatchesTestCase4InPlace() {
        assertKnownAnswer(AeadAlgorithm.AES_128_GCM, "feffe9928665731c6d6a8f9467308308", GCM_NONCE, GCM_AAD,
                GCM_PLAINTEXT,
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                        + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
                        + "5bc94fbc3221a5db94fae95ae7121a47");
    }

    @Test
    void aes256GcmMatchesTestCase16InPlace() {
        assertKnownAnswer(AeadAlgorithm.AES_256_GCM,
                "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", GCM_NONCE, GCM_AAD,
                GCM_PLAINTEXT,
                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                        + "76fc6ece0f4e1768cddf8853bb2d551b");
    }

    @Test
    void chacha20Poly1305MatchesRfc8439Section282InPlace() {
        String plaintext = HexFormat.of().formatHex(("Ladies and Gentlemen of the class of '99: If I could offer you"
                + " only one tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII));
        assertKnownAnswer(AeadAlgorithm.CHACHA20_POLY1305,
                "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "070000004041424344454647",
                "50515253c0c1c2c3c4c5c6c7", plaintext,
                "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                        + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                        + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                        + "3ff4def08e4b7a9de576d26586cec64b6116"
                        + "1ae10b594f09e26a7e902ecbd0600691");
    }

    @Test
    void openReturnsMinusOneForTamperedCiphertextTagOrAad() {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            Aead aead = provider.aead(algorithm, Secret.zeros(algorithm.keyLength()));
            byte[] nonce = new byte[12];
            byte[] aad = {1, 2, 3, 4, 5};
            byte[] sealed = new byte[20 + 16];
            aead.seal(nonce, aad, aad.length, new byte[20], 0, 20, sealed, 0);
            for (int flip : new int[] {0, 19, 20, 35}) {
                byte[] tampered = sealed.clone();
                tampered[flip] ^= 0x01;
                assertThat(aead.open(nonce, aad, aad.length, tampered, 0, tampered.length, tampered, 0))
                        .as("%s with byte %d flipped", algorithm, flip).isEqualTo(-1);
            }
            byte[] otherAad = {1, 2, 3, 4, 6};
            assertThat(aead.open(nonce, otherAad, otherAad.length, sealed.clone(), 0, sealed.length, new byte[36], 0))
                    .isEqualTo(-1);
            assertThat(aead.open(nonce, aad, aad.length, sealed, 0, 15, new byte[36], 0)).isEqualTo(-1);
            assertThat(aead.open(nonce, aad, aad.length, sealed, 0, sealed.length, new byte[20], 0)).isEqualTo(20);
        }
    }

    @Test
    void sealingTheSameRecordTwiceGivesTheSameBytes() {
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            Aead aead = provider.aead(algorithm, Secret.zeros(algorithm.keyLength()));
            byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b");
            byte[] first = new byte[32];
            byte[] second = new byte[32];
            aead.seal(nonce, new byte[0], 0, new byte[16], 0, 16, first, 0);
            aead.seal(nonce, new byte[0], 0, new byte[16], 0, 16, second, 0);
            assertThat(second).as("%s", algorithm).isEqualTo(first);
        }
    }

    @Test
    void sealsAndOpensAtOffsetsAndWithAadPrefix() {
        Aead aead = provider.aead(AeadAlgorithm.AES_128_GCM, Secret.zeros(16));
        byte[] nonce = new byte[12];
        byte[] aadBuffer = {9, 9, 9, 7, 7, 7, 7};
        byte[] buffer = new byte[5 + 10 + 16];
        Arrays.fill(buffer, 5, 15, (byte) 0x42);
        assertThat(aead.seal(nonce, aadBuffer, 3, buffer, 5, 10, buffer, 5)).isEqualTo(26);
        assertThat(aead.open(nonce, aadBuffer, 3, buffer, 5, 26, buffer, 5)).isEqualTo(10);
        assertThat(Arrays.copyOfRange(buffer, 5, 15)).containsOnly(0x42);
    }

    private void assertKnownAnswer(AeadAlgorithm algorithm, String key, String nonceHex, String aadHex,
                                   String plaintextHex, String sealedHex) {
        Aead aead = provider.aead(algorithm, Secret.wrap(HexFormat.of().parseHex(key)));
        assertThat(aead.algorithm()).isEqualTo(algorithm);
        byte[] nonce = HexFormat.of().parseHex(nonceHex);
        byte[] aad = HexFormat.of().parseHex(aadHex);
        byte[] plaintext = HexFormat.of().parseHex(plaintextHex);
        byte[] buffer = Arrays.copyOf(plaintext, plaintext.length + 16);

        int sealedLength = aead.seal(nonce, aad, aad.length, buffer, 0, plaintext.length, buffer, 0);
        assertThat(sealedLength).isEqualTo(plaintext.length + 16);
        assertThat(HexFormat.of().formatHex(buffer)).isEqualTo(sealedHex);

        int openedLength = aead.open(nonce, aad, aad.length, buffer, 0, sealedLength, buffer, 0);
        assertThat(openedLength).isEqualTo(plaintext.length);
        assertThat(Arrays.copyOf(buffer, openedLength)).isEqualTo(plaintext);
    }
}
