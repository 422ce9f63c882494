package org.tlsj.crypto.bc;

import java.util.Optional;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.RandomSource;

/**
 * Registers {@link BcCryptoProvider} as {@code bc} for {@link org.tlsj.crypto.CryptoProviders}. Pure Java,
 * so it is usable wherever Bouncy Castle's bcprov is on the class path.
 */
public final class BcCryptoProviderFactory implements CryptoProviderFactory {
    /** The name a person types: {@code bc}. */
    public static final String NAME = "bc";
    /**
     * Faster than the JCA provider (rank 0) on every elliptic-curve primitive in tlsj-bench's
     * CryptoPrimitivesBenchmark, slower than a native OpenSSL provider (rank 20).
     */
    static final int RANK = 10;

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public BcCryptoProviderFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return RANK;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public CryptoProvider create(RandomSource random) {
        return BcCryptoProvider.create(random);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
