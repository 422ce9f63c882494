package org.tlsj.testkit.crypto;

import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.RandomSource;

/** The kit checked against the reference itself: the JCA provider must pass its own conformance kit. */
class JcaCryptoProviderConformanceTest extends CryptoProviderConformance {
    @Override
    protected CryptoProvider provider(RandomSource random) {
        return JcaCryptoProvider.create(random);
    }
}
