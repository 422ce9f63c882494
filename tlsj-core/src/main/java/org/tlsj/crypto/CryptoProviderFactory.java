package org.tlsj.crypto;

import java.util.Optional;

/**
 * A crypto provider implementation that can be discovered with {@link java.util.ServiceLoader}: modules
 * such as a Bouncy Castle or an OpenSSL provider register one in
 * {@code META-INF/services/org.tlsj.crypto.CryptoProviderFactory}, and {@link CryptoProviders} picks the
 * fastest one that is usable on this machine.
 */
public interface CryptoProviderFactory {
    /** A short name a person can type, such as {@code jca}, {@code bc} or {@code openssl}. */
    String name();

    /**
     * The measured speed rank: a higher rank is faster for handshakes. The JCA provider has rank 0; ranks
     * come from the benchmarks in tlsj-bench, not from guesses.
     */
    int rank();

    /**
     * Why this provider cannot be used here (a missing native library, say), or empty when it can. Must be
     * cheap after the first call and must never throw.
     */
    Optional<String> unavailableReason();

    /** A provider drawing all randomness from {@code random}. Only called when available. */
    CryptoProvider create(RandomSource random);

    /** A provider using the system's secure randomness. Only called when available. */
    default CryptoProvider create() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        return create(random::nextBytes);
    }
}
