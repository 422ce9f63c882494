package org.tlsj.crypto.openssl;

import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.RandomSource;
import org.tlsj.testkit.crypto.CryptoProviderConformance;

/** The OpenSSL provider against the shared conformance kit (JCA on the other side). */
class OpenSslCryptoProviderConformanceTest extends CryptoProviderConformance {
    @Override
    protected CryptoProvider provider(RandomSource random) {
        return OpenSslCryptoProvider.create(random);
    }
}
