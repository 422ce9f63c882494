package org.tlsj.crypto.bc;

import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.RandomSource;
import org.tlsj.testkit.crypto.CryptoProviderConformance;

/** The Bouncy Castle provider against the shared conformance kit (JCA on the other side). */
class BcCryptoProviderConformanceTest extends CryptoProviderConformance {
    @Override
    protected CryptoProvider provider(RandomSource random) {
        return BcCryptoProvider.create(random);
    }
}
