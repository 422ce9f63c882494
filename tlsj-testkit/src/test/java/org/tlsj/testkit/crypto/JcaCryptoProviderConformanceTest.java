package org.tlsj.testkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.RandomSource;

/** The kit checked against the reference itself: the JCA provider must pass its own conformance kit. */
class JcaCryptoProviderConformanceTest extends CryptoProviderConformance {
    @Override
    protected CryptoProvider provider(RandomSource random) {
        return JcaCryptoProvider.create(random);
    }

    @Test
    void theKitRunsTheProviderTheRegisteredFactoryMakes() {
        CryptoProviderFactory factory = CryptoProviders.named("jca").orElseThrow();
        assertThat(factory.unavailableReason()).isEmpty();
        assertThat(factory.create(random -> java.util.Arrays.fill(random, (byte) 1)))
                .isInstanceOf(JcaCryptoProvider.class)
                .isExactlyInstanceOf(provider(random -> java.util.Arrays.fill(random, (byte) 1)).getClass());
    }
}
