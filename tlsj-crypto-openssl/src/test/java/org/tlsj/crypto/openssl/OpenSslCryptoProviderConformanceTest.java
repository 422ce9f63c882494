package org.tlsj.crypto.openssl;

import org.junit.jupiter.api.BeforeAll;
import org.tlsj.crypto.CryptoProvider;
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
}
