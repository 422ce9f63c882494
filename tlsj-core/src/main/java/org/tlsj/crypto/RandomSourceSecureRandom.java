package org.tlsj.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;

/**
 * A {@link SecureRandom} whose every byte comes from a {@link RandomSource}, so that JCA key generation,
 * KEM encapsulation and randomized signatures draw from the provider's one source and a seeded source
 * makes them reproducible. Seeding it does nothing: the source decides its own state. Public so that
 * other {@link CryptoProvider}s can hand their one source to the JCA (for example to the JDK's ML-KEM).
 */
public final class RandomSourceSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    /**
     * A secure random drawing every byte from {@code source}.
     *
     * @param source the provider's random source
     * @throws NullPointerException if {@code source} is null
     */
    public RandomSourceSecureRandom(RandomSource source) {
        super(new Spi(source), null);
    }

    /** The SPI that forwards every request to the source. */
    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        private final transient RandomSource source;

        Spi(RandomSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Deliberately ignored: the RandomSource owns its state (a seeded test source must stay scripted).
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            source.nextBytes(seed);
            return seed;
        }
    }
}
