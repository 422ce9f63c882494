package org.tlsj.jsse;

import java.io.Serial;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import org.tlsj.ProtocolVersion;

/**
 * The "TLSJ" JSSE provider: {@code SSLContext} "TLS", "TLSv1.3", "TLSv1.2" and "Default" over the tlsj
 * engine. Use it with {@code SSLContext.getInstance("TLS", new TlsjProvider())}, after
 * {@code Security.insertProviderAt(new TlsjProvider(), 1)}, or by naming it in the {@code java.security} file
 * (it is found by {@code ServiceLoader}).
 *
 * <p>Crypto: each context initialized with key and trust managers uses the tlsj {@code CryptoProvider} named by
 * the system property {@code tlsj.crypto}, else by the security property {@code tlsj.crypto}, else
 * {@code auto}: the fastest one usable on the class path, as the {@code tlsj} command line picks it
 * ({@code openssl} with tlsj-crypto-openssl and libcrypto 3, then {@code bc} with tlsj-crypto-bc, then
 * {@code jca}, the JDK's). The names are {@code auto}, {@code jca}, {@code bc} and {@code openssl};
 * {@code SSLContext.init} throws a {@code KeyManagementException} that names the cause when the named provider
 * is not on the class path or cannot run here. Contexts from {@link TlsjContexts} use their config's provider.
 */
public final class TlsjProvider extends Provider {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    public static final String NAME = "TLSJ";

    /** Creates the provider and registers its services. */
    public TlsjProvider() {
        super(NAME, "0.1", "tlsj: TLS 1.3 and 1.2 in Java (SSLContext TLS, TLSv1.3, TLSv1.2, Default)");
        List<ProtocolVersion> both = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        register("TLS", both, false, List.of("SSL", "TLSv1"));
        register("TLSv1.3", both, false, List.of());
        register("TLSv1.2", List.of(ProtocolVersion.TLS12), false, List.of());
        register("Default", both, true, List.of());
    }

    private void register(String algorithm, List<ProtocolVersion> versions, boolean isDefault, List<String> aliases) {
        putService(new ContextService(this, algorithm, aliases, versions, isDefault));
    }

    /** A service that builds its SPI directly, without reflection. */
    private static final class ContextService extends Service {
        private final List<ProtocolVersion> versions;
        private final boolean isDefault;

        ContextService(Provider provider, String algorithm, List<String> aliases, List<ProtocolVersion> versions,
                       boolean isDefault) {
            super(provider, "SSLContext", algorithm, TlsjSSLContextSpi.class.getName(), aliases, Map.of());
            this.versions = versions;
            this.isDefault = isDefault;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new TlsjSSLContextSpi(versions, isDefault);
        }
    }
}
