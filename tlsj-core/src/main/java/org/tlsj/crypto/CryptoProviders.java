package org.tlsj.crypto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the crypto providers on the class path and chooses among them. */
public final class CryptoProviders {
    private CryptoProviders() {
    }

    /** Every registered provider factory, usable or not, fastest first. */
    public static List<CryptoProviderFactory> all() {
        List<CryptoProviderFactory> found = new ArrayList<>();
        ServiceLoader.load(CryptoProviderFactory.class, CryptoProviders.class.getClassLoader()).forEach(found::add);
        if (found.stream().noneMatch(f -> f.name().equals(JcaCryptoProviderFactory.NAME))) {
            found.add(new JcaCryptoProviderFactory());
        }
        found.sort(Comparator.comparingInt(CryptoProviderFactory::rank).reversed());
        return List.copyOf(found);
    }

    /** The usable providers, fastest first; never empty (the JCA provider is always usable). */
    public static List<CryptoProviderFactory> available() {
        return all().stream().filter(f -> f.unavailableReason().isEmpty()).toList();
    }

    /** The fastest usable provider. */
    public static CryptoProviderFactory fastest() {
        return available().getFirst();
    }

    /** The provider with this name (case-insensitive), usable or not. */
    public static Optional<CryptoProviderFactory> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return all().stream().filter(f -> f.name().equals(wanted)).findFirst();
    }
}
