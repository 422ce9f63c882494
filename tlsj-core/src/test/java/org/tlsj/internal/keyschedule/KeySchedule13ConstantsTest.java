package org.tlsj.internal.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/** The key schedule's precomputed values equal what the HKDF computes from scratch. */
class KeySchedule13ConstantsTest {
    private final CryptoProvider crypto = JcaCryptoProvider.create();

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void emptyHashIsTheHashOfNoBytes(HashAlgorithm hash) {
        assertThat(KeySchedule13.emptyHash(crypto, hash)).isEqualTo(crypto.newHash(hash).current());
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void earlySecretWithoutPskIsExtractOfZeros(HashAlgorithm hash) {
        Secret computed = crypto.hkdf(hash).extract(Secret.zeros(hash.length()), Secret.zeros(hash.length()));
        assertThat(KeySchedule13.withoutPsk(crypto, hash).secret().expose()).isEqualTo(computed.expose());
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void handshakeSecretWithoutPskMatchesTheFullDerivation(HashAlgorithm hash) {
        Hkdf hkdf = crypto.hkdf(hash);
        Secret early = hkdf.extract(Secret.zeros(hash.length()), Secret.zeros(hash.length()));
        Secret salt = HkdfLabel.derive(hkdf, early, "derived", crypto.newHash(hash).current());
        Secret shared = Secret.wrap(Bytes.fromHex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d")
                .toArray());
        Secret expected = hkdf.extract(salt, shared);
        Secret actual = KeySchedule13.withoutPsk(crypto, hash).handshakeSecret(shared).secret();
        assertThat(actual.expose()).isEqualTo(expected.expose());
    }

    @Test
    void rfc8448HandshakeSecretWithoutPsk() {
        // RFC 8448 section 3: the (EC)DHE shared secret and the handshake secret of the simple 1-RTT handshake.
        Secret shared = Secret.wrap(Bytes.fromHex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d")
                .toArray());
        Secret handshake = KeySchedule13.withoutPsk(crypto, HashAlgorithm.SHA256).handshakeSecret(shared).secret();
        assertThat(Bytes.wrap(handshake.expose()).hex())
                .isEqualTo("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");
    }
}
