package org.tlsj.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.RandomSource;
import org.tlsj.testkit.crypto.CryptoProviderConformance;

/** The Bouncy Castle provider against the shared conformance kit (JCA on the other side). */
class BcCryptoProviderConformanceTest extends CryptoProviderConformance {
    @Override
    protected CryptoProvider provider(RandomSource random) {
        return BcCryptoProvider.create(random);
    }

    @Test
    void theKitRunsTheProviderTheRegisteredFactoryMakes() {
        CryptoProviderFactory factory = CryptoProviders.named("bc").orElseThrow();
        assertThat(factory.unavailableReason()).isEmpty();
        assertThat(factory.create(random -> java.util.Arrays.fill(random, (byte) 1)))
                .isInstanceOf(BcCryptoProvider.class)
                .isExactlyInstanceOf(provider(random -> java.util.Arrays.fill(random, (byte) 1)).getClass());
    }
}
