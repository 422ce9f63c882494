package org.tlsj.crypto;

import java.util.Optional;

/** The JDK's own primitives (JCA): always available, the dependency-free default. */
public final class JcaCryptoProviderFactory implements CryptoProviderFactory {
    static final String NAME = "jca";

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public JcaCryptoProviderFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public CryptoProvider create(RandomSource random) {
        return JcaCryptoProvider.create(random);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
