package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;

/**
 * {@link NativeAead}: known answers (McGrew-Viega GCM test cases 2, 4 and 16; RFC 8439 section 2.8.2),
 * byte-for-byte equivalence with the JCA's AEAD on random records, in place, at offsets and out of place,
 * and the failures the record layer relies on (-1 for any tampering, exceptions for wrong lengths).
 */
class NativeAeadTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String MV_NONCE = "cafebabefacedbaddecaf888";
    private static final String MV_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String MV_PLAIN = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";

    private static CryptoProvider openssl;
    private static CryptoProvider jca;

    @BeforeAll
    @BeforeContainer
    static void providers() {
        RequireLibcrypto.check();
        openssl = OpenSslCryptoProvider.create(bytes -> Arrays.fill(bytes, (byte) 7));
        jca = JcaCryptoProvider.create();
    }

    @Test
    void theProviderTakesChaCha20Poly1305NativeAndLeavesAesGcmToTheJdk() {
        assertThat(openssl.aead(AeadAlgorithm.CHACHA20_POLY1305, Secret.zeros(32))).isInstanceOf(NativeAead.class);
        assertThat(openssl.aead(AeadAlgorithm.AES_128_GCM, Secret.zeros(16))).isNotInstanceOf(NativeAead.class);
        assertThat(openssl.aead(AeadAlgorithm.AES_256_GCM, Secret.zeros(32))).isNotInstanceOf(NativeAead.class);
    }

    /** The native AEAD itself, for every algorithm it implements (the provider picks it where it pays). */
    private static Aead nativeAead(AeadAlgorithm algorithm, Secret key) {
        return new NativeAead(LibCrypto.load(OpenSslCryptoProviderFactory.DEFAULT_LIBRARY).library().orElseThrow(),
                algorithm, key);
    }

    @Test
    void gcmTestCase2EncryptsOneZeroBlock() {
        knownAnswer(AeadAlgorithm.AES_128_GCM, "00".repeat(16), "00".repeat(12), "", "00".repeat(16),
                "0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf");
    }

    @Test
    void gcmTestCases4And16WithAad() {
        knownAnswer(AeadAlgorithm.AES_128_GCM, "feffe9928665731c6d6a8f9467308308", MV_NONCE, MV_AAD, MV_PLAIN,
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
                        + "1ba30b396a0aac973d58e091" + "5bc94fbc3221a5db94fae95ae7121a47");
        knownAnswer(AeadAlgorithm.AES_256_GCM, "feffe9928665731c6d6a8f9467308308".repeat(2), MV_NONCE, MV_AAD,
                MV_PLAIN,
                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                        + "c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b");
    }

    @Test
    void chacha20Poly1305Rfc8439Section282() {
        String sunscreen = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                + " future, sunscreen would be it.";
        knownAnswer(AeadAlgorithm.CHACHA20_POLY1305,
                "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "070000004041424344454647",
                "50515253c0c1c2c3c4c5c6c7", HEX.formatHex(sunscreen.getBytes(StandardCharsets.US_ASCII)),
                "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
                        + "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b48"
                        + "31d7bc3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691");
    }

    /** Out of place into a fresh array, then in place: both give the vector, and both open back. */
    private static void knownAnswer(AeadAlgorithm algorithm, String key, String nonceHex, String aadHex,
            String plainHex, String sealedHex) {
        Aead aead = nativeAead(algorithm, Secret.wrap(HEX.parseHex(key)));
        byte[] nonce = HEX.parseHex(nonceHex);
        byte[] aad = HEX.parseHex(aadHex);
        byte[] plain = HEX.parseHex(plainHex);
        byte[] sealed = new byte[plain.length + 16];
        assertThat(aead.seal(nonce, aad, aad.length, plain, 0, plain.length, sealed, 0)).isEqualTo(sealed.length);
        assertThat(HEX.formatHex(sealed)).isEqualTo(sealedHex);
        byte[] inPlace = Arrays.copyOf(plain, sealed.length);
        aead.seal(nonce, aad, aad.length, inPlace, 0, plain.length, inPlace, 0);
        assertThat(inPlace).isEqualTo(sealed);
        byte[] opened = new byte[plain.length];
        assertThat(aead.open(nonce, aad, aad.length, sealed, 0, sealed.length, opened, 0)).isEqualTo(plain.length);
        assertThat(opened).isEqualTo(plain);
        assertThat(aead.open(nonce, aad, aad.length, inPlace, 0, inPlace.length, inPlace, 0)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(inPlace, plain.length)).isEqualTo(plain);
    }

    @Property(tries = 300)
    void sealsAndOpensLikeTheJca(@ForAll("algorithms") AeadAlgorithm algorithm, @ForAll("bytes32") byte[] keySeed,
            @ForAll("bytes12") byte[] nonce, @ForAll @IntRange(max = 20) int aadLength,
            @ForAll @IntRange(max = 600) int length, @ForAll @IntRange(max = 9) int offset,
            @ForAll("placements") String placement) {
        byte[] key = Arrays.copyOf(keySeed, algorithm.keyLength());
        Aead ours = nativeAead(algorithm, Secret.copyOf(key));
        Aead theirs = jca.aead(algorithm, Secret.copyOf(key));
        byte[] aad = new byte[aadLength + 3];
        byte[] plain = new byte[length];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 31 + keySeed[i % 32]);
        }
        Arrays.fill(aad, (byte) (nonce[0] ^ 0x5a));

        byte[] expected = new byte[length + 16];
        theirs.seal(nonce, aad, aadLength, plain, 0, length, expected, 0);
        byte[] buffer = new byte[offset + length + 16 + 12];
        System.arraycopy(plain, 0, buffer, offset, length);
        int outOff = switch (placement) {
            case "in place" -> offset;
            case "shifted" -> offset + 5;
            default -> 0;
        };
        byte[] out = placement.equals("separate") ? new byte[length + 16] : buffer;
        assertThat(ours.seal(nonce, aad, aadLength, buffer, offset, length, out, outOff)).isEqualTo(length + 16);
        assertThat(Arrays.copyOfRange(out, outOff, outOff + length + 16)).isEqualTo(expected);

        byte[] sealed = Arrays.copyOfRange(out, outOff, outOff + length + 16);
        byte[] opened = new byte[length];
        assertThat(ours.open(nonce, aad, aadLength, sealed, 0, sealed.length, opened, 0)).isEqualTo(length);
        assertThat(opened).isEqualTo(plain);
        byte[] jcaOpened = new byte[length];
        assertThat(theirs.open(nonce, aad, aadLength, out, outOff, length + 16, jcaOpened, 0)).isEqualTo(length);
        assertThat(jcaOpened).isEqualTo(plain);
    }

    @Provide
    Arbitrary<AeadAlgorithm> algorithms() {
        return Arbitraries.of(AeadAlgorithm.class);
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<byte[]> bytes12() {
        return Arbitraries.bytes().array(byte[].class).ofSize(12);
    }

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of("in place", "shifted", "separate");
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void anyTamperingFailsWithMinusOneAndZeroesTheOutput(AeadAlgorithm algorithm) {
        Aead aead = nativeAead(algorithm, Secret.zeros(algorithm.keyLength()));
        byte[] nonce = new byte[12];
        byte[] aad = {1, 2, 3, 4, 5};
        byte[] plain = new byte[40];
        Arrays.fill(plain, (byte) 0x33);
        byte[] sealed = new byte[56];
        aead.seal(nonce, aad, aad.length, plain, 0, 40, sealed, 0);
        for (int flip : new int[] {0, 39, 40, 55}) {
            byte[] tampered = sealed.clone();
            tampered[flip] ^= 0x01;
            byte[] out = new byte[40];
            assertThat(aead.open(nonce, aad, aad.length, tampered, 0, 56, out, 0)).as("byte %d", flip).isEqualTo(-1);
            assertThat(out).containsOnly(0);
        }
        assertThat(aead.open(nonce, new byte[] {1, 2, 3, 4, 6}, 5, sealed, 0, 56, new byte[40], 0)).isEqualTo(-1);
        assertThat(aead.open(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, aad, 5, sealed, 0, 56, new byte[40], 0))
                .isEqualTo(-1);
        assertThat(aead.open(nonce, aad, aad.length, sealed, 0, 15, new byte[40], 0)).isEqualTo(-1);
        // After failures the context still works.
        byte[] out = new byte[40];
        assertThat(aead.open(nonce, aad, aad.length, sealed, 0, 56, out, 0)).isEqualTo(40);
        assertThat(out).isEqualTo(plain);
    }

    @Test
    void emptyRecordsSealAndOpen() {
        Aead aead = nativeAead(AeadAlgorithm.AES_256_GCM, Secret.zeros(32));
        byte[] tag = new byte[16];
        assertThat(aead.seal(new byte[12], new byte[0], 0, new byte[0], 0, 0, tag, 0)).isEqualTo(16);
        assertThat(tag).isEqualTo(sealWithJca(AeadAlgorithm.AES_256_GCM, new byte[0]));
        assertThat(aead.open(new byte[12], new byte[0], 0, tag, 0, 16, new byte[0], 0)).isZero();
    }

    private static byte[] sealWithJca(AeadAlgorithm algorithm, byte[] plain) {
        byte[] out = new byte[plain.length + 16];
        jca.aead(algorithm, Secret.zeros(algorithm.keyLength())).seal(new byte[12], new byte[0], 0, plain, 0,
                plain.length, out, 0);
        return out;
    }

    @Test
    void wrongLengthsAreRefusedBeforeAnyNativeCall() {
        assertThatThrownBy(() -> nativeAead(AeadAlgorithm.AES_128_GCM, Secret.zeros(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-byte key");
        assertThatThrownBy(() -> nativeAead(AeadAlgorithm.CHACHA20_POLY1305, Secret.zeros(16)))
                .isInstanceOf(IllegalArgumentException.class);
        Aead aead = nativeAead(AeadAlgorithm.AES_128_GCM, Secret.zeros(16));
        assertThatThrownBy(() -> aead.seal(new byte[8], new byte[0], 0, new byte[4], 0, 4, new byte[20], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12-byte nonce");
        assertThatThrownBy(() -> aead.seal(new byte[12], new byte[0], 0, new byte[4], 0, 4, new byte[19], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
        assertThatThrownBy(() -> aead.seal(new byte[12], new byte[0], 0, new byte[4], 1, 4, new byte[20], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.open(new byte[12], new byte[0], 0, new byte[20], 0, 20, new byte[3], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
        assertThatThrownBy(() -> aead.seal(new byte[12], new byte[2], 3, new byte[4], 0, 4, new byte[20], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
