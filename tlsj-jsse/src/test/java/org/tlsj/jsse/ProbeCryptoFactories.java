package org.tlsj.jsse;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.RandomSource;

/**
 * Two crypto provider factories registered for this module's tests (META-INF/services): "probe", ranked above
 * every real one so that it is the fastest usable, counting the providers it makes (they are the JDK's), and
 * "unusable", which never can run.
 */
final class ProbeCryptoFactories {
    private ProbeCryptoFactories() {
    }

    /** The fastest usable factory in these tests; it hands out JCA providers and counts them. */
    public static final class Probe implements CryptoProviderFactory {
        static final AtomicInteger CREATED = new AtomicInteger();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public int rank() {
            return 1000;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public CryptoProvider create(RandomSource random) {
            CREATED.incrementAndGet();
            return JcaCryptoProvider.create(random);
        }
    }

    /** A factory whose provider cannot run here. */
    public static final class Unusable implements CryptoProviderFactory {
        @Override
        public String name() {
            return "unusable";
        }

        @Override
        public int rank() {
            return 500;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("its accelerator card is missing");
        }

        @Override
        public CryptoProvider create(RandomSource random) {
            throw new IllegalStateException("unusable");
        }
    }
}
