package org.tlsj.jsse;

import java.security.KeyManagementException;
import java.security.Security;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;

/**
 * Which tlsj {@code CryptoProvider} the contexts of the TLSJ provider use: the system property
 * {@value #PROPERTY}, else the security property of the same name, else {@value #AUTO}, the fastest usable
 * one on the class path ({@link CryptoProviders#fastest()}: {@code openssl} when tlsj-crypto-openssl is
 * present and libcrypto 3 loads, then {@code bc}, then {@code jca}). Read when a context is initialized.
 */
final class CryptoChoice {
    /** The system and security property naming the provider: {@code auto}, {@code jca}, {@code bc}, {@code openssl}. */
    static final String PROPERTY = "tlsj.crypto";
    static final String AUTO = "auto";

    private CryptoChoice() {
    }

    /** The name asked for, lower case and stripped; {@value #AUTO} when neither property is set. */
    static String requested() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = Security.getProperty(PROPERTY);
        }
        return v == null || v.isBlank() ? AUTO : v.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The factory the properties choose.
     *
     * @throws KeyManagementException naming the property and the cause when the name is unknown or the
     *     provider cannot run here (no cause attached: the message says it all)
     */
    static CryptoProviderFactory factory() throws KeyManagementException {
        String name = requested();
        if (name.equals(AUTO)) {
            return CryptoProviders.fastest();
        }
        CryptoProviderFactory f = CryptoProviders.named(name).orElse(null);
        if (f == null) {
            throw new KeyManagementException(PROPERTY + "=" + name + ": no such tlsj crypto provider on the class path;"
                    + " known: " + AUTO + ", " + CryptoProviders.all().stream().map(CryptoProviderFactory::name)
                            .collect(Collectors.joining(", ")));
        }
        String why = f.unavailableReason().orElse(null);
        if (why != null) {
            throw new KeyManagementException(PROPERTY + "=" + name + ": the provider cannot be used here: " + why);
        }
        return f;
    }
}
