package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tlsj.Bytes;

/** HMAC (RFC 4231 test case 2) and the forkable transcript hash. */
class JcaHmacAndHashTest {
    private final CryptoProvider provider = JcaCryptoProvider.create();

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        Hmac hmac = provider.hmac(HashAlgorithm.SHA256, Secret.copyOf(ascii("Jefe")));
        assertThat(hmac.mac(Bytes.wrap(ascii("what do ya want for nothing?"))).hex())
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmacSha384MatchesRfc4231TestCase2() {
        Hmac hmac = provider.hmac(HashAlgorithm.SHA384, Secret.copyOf(ascii("Jefe")));
        assertThat(hmac.mac(Bytes.wrap(ascii("what do ya want for nothing?"))).hex())
                .isEqualTo("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                        + "8e2240ca5e69e2c78b3239ecfab21649");
    }

    @Test
    void hmacAcceptsAnEmptyKeyAsZeroKey() {
        Bytes data = Bytes.wrap(ascii("data"));
        Bytes withEmpty = provider.hmac(HashAlgorithm.SHA256, Secret.wrap(new byte[0])).mac(data);
        Bytes withZeros = provider.hmac(HashAlgorithm.SHA256, Secret.zeros(32)).mac(data);
        assertThat(withEmpty).isEqualTo(withZeros);
    }

    @Test
    void emptyTranscriptHashIsHashOfEmptyString() {
        assertThat(provider.newHash(HashAlgorithm.SHA256).current().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void currentDoesNotDisturbTheRunningHash() {
        TranscriptHash hash = provider.newHash(HashAlgorithm.SHA256);
        hash.update(Bytes.wrap(ascii("a")));
        hash.current();
        hash.update(Bytes.wrap(ascii("bc")));
        assertThat(hash.current().hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void forkedTranscriptsEvolveIndependently() {
        TranscriptHash original = provider.newHash(HashAlgorithm.SHA384);
        original.update(Bytes.wrap(ascii("ab")));
        TranscriptHash fork = original.fork();
        original.update(Bytes.wrap(ascii("c")));
        fork.update(Bytes.wrap(ascii("x")));

        TranscriptHash abc = provider.newHash(HashAlgorithm.SHA384);
        abc.update(Bytes.wrap(ascii("abc")));
        TranscriptHash abx = provider.newHash(HashAlgorithm.SHA384);
        abx.update(Bytes.wrap(ascii("abx")));
        assertThat(original.current()).isEqualTo(abc.current());
        assertThat(fork.current()).isEqualTo(abx.current());
        assertThat(fork.algorithm()).isEqualTo(HashAlgorithm.SHA384);
        assertThat(abc.current().hex()).startsWith("cb00753f45a35e8bb5a03d699ac65007");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
