package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
    @Test
    void jcaIsAlwaysRegisteredAvailableAndLast() {
        assertThat(CryptoProviders.named("JCA")).get().extracting(CryptoProviderFactory::rank).isEqualTo(0);
        assertThat(CryptoProviders.available()).extracting(CryptoProviderFactory::name).contains("jca");
        assertThat(CryptoProviders.all().stream().filter(f -> f.name().equals("jca")).count()).isEqualTo(1);
        assertThat(CryptoProviders.fastest().rank())
                .isEqualTo(CryptoProviders.available().stream().mapToInt(CryptoProviderFactory::rank).max().orElseThrow());
    }

    @Test
    void createdProviderDrawsFromTheGivenRandomness() {
        int[] calls = {0};
        CryptoProvider p = CryptoProviders.named("jca").orElseThrow().create(out -> calls[0]++);
        p.startKeyExchange(org.tlsj.NamedGroup.X25519);
        assertThat(calls[0]).isPositive();
        assertThat(CryptoProviders.named("no-such")).isEmpty();
    }
}
