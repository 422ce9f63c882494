package org.tlsj.cli.common;

import java.util.Locale;
import java.util.stream.Collectors;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;
import picocli.CommandLine.Option;

/**
 * {@code --crypto}: which crypto provider does the key exchange and signatures. By default the fastest one
 * usable on this machine (OpenSSL's libcrypto when present, then Bouncy Castle, then the JDK's), and the
 * commands say which one they use.
 */
public final class CryptoOption {
    static final String AUTO = "auto";

    @Option(names = "--crypto", paramLabel = "NAME",
            description = "crypto provider for key exchange and signatures: auto (the fastest available), "
                    + "openssl (libcrypto 3), bc (Bouncy Castle) or jca (the JDK's) (default: auto)")
    String name = AUTO;

    /**
     * The chosen provider's factory.
     *
     * @throws CliException if the name is unknown or the provider cannot run here
     */
    public CryptoProviderFactory factory() {
        if (name.strip().equalsIgnoreCase(AUTO)) {
            return CryptoProviders.fastest();
        }
        CryptoProviderFactory f = CryptoProviders.named(name.strip()).orElseThrow(() -> new CliException(
                "unknown crypto provider '" + name.strip() + "'; choose auto, " + CryptoProviders.all().stream()
                        .map(CryptoProviderFactory::name).collect(Collectors.joining(", "))));
        f.unavailableReason().ifPresent(why -> {
            throw new CliException("--crypto " + f.name() + " cannot be used here: " + why);
        });
        return f;
    }

    /** A new provider from the chosen factory. */
    public CryptoProvider provider() {
        return factory().create();
    }

    /** For result lines: "crypto openssl" or "crypto jca (fastest available)". */
    public static String describe(CryptoProviderFactory f, boolean auto) {
        return "crypto " + f.name().toLowerCase(Locale.ROOT) + (auto ? " (fastest available)" : "");
    }

    /** Whether the provider was left to the default. */
    public boolean auto() {
        return name.strip().equalsIgnoreCase(AUTO);
    }
}
