package org.tlsj.crypto.bc;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;
import org.tlsj.crypto.RandomSource;

/**
 * A {@link SecureRandom} whose every byte comes from a {@link RandomSource}, for the JDK's ML-KEM (the one
 * randomized primitive this provider hands to the JCA itself). Seeding it does nothing.
 */
final class SourceSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    SourceSecureRandom(RandomSource source) {
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
