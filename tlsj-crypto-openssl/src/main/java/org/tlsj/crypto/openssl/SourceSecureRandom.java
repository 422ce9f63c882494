package org.tlsj.crypto.openssl;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;
import org.tlsj.crypto.RandomSource;

/**
 * A {@link SecureRandom} whose every byte comes from a {@link RandomSource}, for the work this provider
 * leaves to the JDK (ML-KEM key generation and encapsulation), so a seeded source keeps that reproducible.
 * Seeding it does nothing: the source owns its state.
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
            // Deliberately ignored: a seeded test source must stay scripted.
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
