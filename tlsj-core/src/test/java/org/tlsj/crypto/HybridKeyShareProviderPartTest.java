package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.NamedGroup.X25519MLKEM768;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * X25519MLKEM768 built over an X25519 part supplied by another provider: the part is what goes on the wire,
 * and under the same seed the result is byte for byte the built-in one (same randomness order).
 */
class HybridKeyShareProviderPartTest {
    private final List<KeyShare> made = new ArrayList<>();
    private RandomSource partRandom;
    private final Function<NamedGroup, KeyShare> part = group -> {
        assertThat(group).isEqualTo(NamedGroup.X25519);
        KeyShare share = X25519KeyShare.generate(partRandom);
        made.add(share);
        return share;
    };

    @Test
    void clientOverAProvidersX25519EqualsTheBuiltInOneUnderTheSameSeed() {
        RandomSource a = TestRandom.seeded(7);
        partRandom = a;
        HybridKeyShare viaPart = HybridKeyShare.client(X25519MLKEM768, new RandomSourceSecureRandom(a), part);
        KeyShare builtIn = JcaCryptoProvider.create(TestRandom.seeded(7)).startKeyExchange(X25519MLKEM768);

        assertThat(made).hasSize(1);
        assertThat(viaPart.group()).isEqualTo(X25519MLKEM768);
        assertThat(viaPart.publicShare()).isEqualTo(builtIn.publicShare());
        assertThat(viaPart.publicShare().slice(1184, 1216)).isEqualTo(made.get(0).publicShare());
    }

    @Test
    void serverOverAProvidersX25519EqualsTheBuiltInOneAndAgreesWithTheClient() throws TlsFatalAlertException {
        RandomSource c = TestRandom.seeded(1);
        partRandom = c;
        HybridKeyShare client = HybridKeyShare.client(X25519MLKEM768, new RandomSourceSecureRandom(c), part);
        RandomSource a = TestRandom.seeded(8);
        partRandom = a;
        Encapsulation viaPart = HybridKeyShare.encapsulate(X25519MLKEM768, client.publicShare(),
                new RandomSourceSecureRandom(a), part);
        Encapsulation builtIn = JcaCryptoProvider.create(TestRandom.seeded(8))
                .encapsulate(X25519MLKEM768, client.publicShare());

        assertThat(made).hasSize(2);
        assertThat(viaPart.serverShare()).isEqualTo(builtIn.serverShare());
        assertThat(viaPart.serverShare().slice(1088, 1120)).isEqualTo(made.get(1).publicShare());
        assertThat(viaPart.sharedSecret().expose()).isEqualTo(builtIn.sharedSecret().expose());
        assertThat(client.complete(viaPart.serverShare()).expose()).isEqualTo(viaPart.sharedSecret().expose());
    }

    @Test
    void rejectsAnX25519PartOfAnotherGroup() {
        RandomSource random = TestRandom.seeded(3);
        partRandom = random;
        Function<NamedGroup, KeyShare> p256 = g -> EcdhKeyShare.generate(NamedGroup.SECP256R1,
                new RandomSourceSecureRandom(random));
        assertThatThrownBy(() -> HybridKeyShare.client(X25519MLKEM768, new RandomSourceSecureRandom(random), p256))
                .isInstanceOf(IllegalArgumentException.class);
        Bytes clientShare = HybridKeyShare.client(X25519MLKEM768, new RandomSourceSecureRandom(random), part)
                .publicShare();
        assertThatThrownBy(() -> HybridKeyShare.encapsulate(X25519MLKEM768, clientShare,
                new RandomSourceSecureRandom(random), p256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverRejectsClientShareOfWrongLengthBeforeDrawingTheX25519Part() {
        RandomSource random = TestRandom.seeded(4);
        partRandom = random;
        assertThatThrownBy(() -> HybridKeyShare.encapsulate(X25519MLKEM768, Bytes.wrap(new byte[1215]),
                new RandomSourceSecureRandom(random), part))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
        assertThat(made).isEmpty();
    }
}
