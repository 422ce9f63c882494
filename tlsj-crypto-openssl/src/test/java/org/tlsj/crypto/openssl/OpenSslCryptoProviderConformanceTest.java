package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.RandomSource;
import org.tlsj.testkit.crypto.CryptoProviderConformance;

/** The OpenSSL provider against the shared conformance kit (JCA on the other side). */
class OpenSslCryptoProviderConformanceTest extends CryptoProviderConformance {
    @BeforeAll
    static void requireLibcrypto() {
        RequireLibcrypto.check();
    }

    @Override
    protected CryptoProvider provider(RandomSource random) {
        return OpenSslCryptoProvider.create(random);
    }

    @Test
    void theKitRunsTheProviderTheRegisteredFactoryMakes() {
        CryptoProviderFactory factory = CryptoProviders.named("openssl").orElseThrow();
        assertThat(factory.unavailableReason()).isEmpty();
        assertThat(factory.create(random -> java.util.Arrays.fill(random, (byte) 1)))
                .isInstanceOf(OpenSslCryptoProvider.class)
                .isExactlyInstanceOf(provider(random -> java.util.Arrays.fill(random, (byte) 1)).getClass());
    }
}
