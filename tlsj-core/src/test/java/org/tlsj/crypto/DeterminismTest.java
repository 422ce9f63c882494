package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;

/** A seeded random source makes every ephemeral share reproducible; all groups are implemented. */
class DeterminismTest {
    @Test
    void sameSeedGivesIdenticalPublicSharesForEveryGroup() {
        for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                NamedGroup.X25519MLKEM768)) {
            CryptoProvider first = JcaCryptoProvider.create(TestRandom.seeded(42));
            CryptoProvider second = JcaCryptoProvider.create(TestRandom.seeded(42));
            CryptoProvider other = JcaCryptoProvider.create(TestRandom.seeded(43));
            assertThat(second.startKeyExchange(group).publicShare()).as("%s", group)
                    .isEqualTo(first.startKeyExchange(group).publicShare());
            assertThat(other.startKeyExchange(group).publicShare()).as("%s", group)
                    .isNotEqualTo(JcaCryptoProvider.create(TestRandom.seeded(42)).startKeyExchange(group).publicShare());
        }
    }

    @Test
    void groupsAreInPreferenceOrder() {
        assertThat(JcaCryptoProvider.create().groups()).containsExactly(NamedGroup.X25519MLKEM768,
                NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP384R1MLKEM1024, NamedGroup.X25519,
                NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1, NamedGroup.MLKEM768,
                NamedGroup.MLKEM1024);
    }

    @Test
    void providerExposesItsRandomSource() {
        RandomSource source = TestRandom.seeded(1);
        assertThat(JcaCryptoProvider.create(source).random()).isSameAs(source);
    }
}
