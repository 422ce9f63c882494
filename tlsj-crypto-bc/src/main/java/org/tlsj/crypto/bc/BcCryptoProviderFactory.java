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
     * Above the JCA provider (rank 0), below a native OpenSSL provider (rank 20). Measured with tlsj-bench's
     * CryptoPrimitivesBench: X25519 keygen+agree, P-256 ECDHE, ECDSA P-256 verify and Ed25519 several times
     * faster, ECDSA P-256 sign about equal; HandshakeLoop (TLS 1.3, x25519, ECDSA P-256): about 30% less CPU
     * per handshake (client and server).
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
