package org.tlsj.crypto.openssl;

import java.util.Objects;
import java.util.Optional;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.RandomSource;

/**
 * Finds {@link OpenSslCryptoProvider} for {@link org.tlsj.crypto.CryptoProviders} (registered in
 * {@code META-INF/services}). It is usable when libcrypto opens, is OpenSSL 3.0 or later and has every
 * function the provider binds; otherwise {@link #unavailableReason()} says why and the JCA provider serves.
 *
 * <p>The library is {@code libcrypto.so.3}, found the way the dynamic linker finds it, unless the system
 * property {@value #LIBRARY_PROPERTY} names another file name or path. Opening it uses restricted methods of
 * the FFM API: without {@code --enable-native-access=ALL-UNNAMED} (or the module's name) JDK 25 prints a
 * one-time warning on standard error and carries on; with {@code --illegal-native-access=deny} the factory
 * reports the provider unavailable.
 */
public final class OpenSslCryptoProviderFactory implements CryptoProviderFactory {
    /** The factory's name. */
    public static final String NAME = "openssl";
    /** The system property naming the libcrypto to open (a file name or a path). */
    public static final String LIBRARY_PROPERTY = "tlsj.openssl.library";
    /** The library opened unless {@value #LIBRARY_PROPERTY} says otherwise. */
    public static final String DEFAULT_LIBRARY = "libcrypto.so.3";

    private final String library;

    /** The factory for {@link java.util.ServiceLoader}: the library from {@value #LIBRARY_PROPERTY}, or the default. */
    public OpenSslCryptoProviderFactory() {
        this(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
    }

    /** A factory over a given library file name or path. */
    public OpenSslCryptoProviderFactory(String library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Above the JCA provider (0): in tlsj-bench's primitive benchmarks X25519 and ECDSA run several times
     * faster here than in the JDK.
     */
    @Override
    public int rank() {
        return 20;
    }

    /** Why libcrypto cannot be used (not found, too old, a symbol missing, native access denied); never throws. */
    @Override
    public Optional<String> unavailableReason() {
        try {
            return LibCrypto.load(library).unavailableReason();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(library + " cannot be used: " + e);
        }
    }

    /**
     * A provider drawing all randomness it controls from {@code random} (ECDSA nonces excepted).
     *
     * @throws IllegalStateException if the provider is unavailable
     */
    @Override
    public CryptoProvider create(RandomSource random) {
        return OpenSslCryptoProvider.create(library, random);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
