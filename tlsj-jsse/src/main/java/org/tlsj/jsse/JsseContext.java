package org.tlsj.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.tlsj.ClientSessionCache;
import org.tlsj.ProtocolVersion;
import org.tlsj.ResumableSession;
import org.tlsj.ServerSessionCache;
import org.tlsj.TicketKeys;
import org.tlsj.crypto.CryptoProvider;

/**
 * What the engines of one initialized {@code SSLContext} share: the key and trust managers, the crypto
 * provider (chosen by {@link CryptoChoice} for a key/trust manager context, the base config's otherwise), the
 * server's ticket keys and session-id cache, the client's session cache (keyed by {@code host:port}) and the
 * two {@link TlsjSessionContext}s.
 */
final class JsseContext {
    final X509KeyManager keyManager;
    final X509TrustManager trustManager;
    final List<ProtocolVersion> versions;
    /** The tlsj configs engines start from ({@link TlsjContexts}); null for a key/trust manager context. */
    final BaseConfigs base;
    final CryptoProvider crypto;
    final TicketKeys ticketKeys;
    final ServerSessionCache serverCache = ServerSessionCache.inMemory(1024);
    final ClientSessionCache clientCache = ClientSessionCache.inMemory(256);
    final TlsjSessionContext clientContext = new TlsjSessionContext();
    final TlsjSessionContext serverContext = new TlsjSessionContext();
    /** The JSSE session each resumable ticket came from, so a resumed connection shows the same session. */
    private final Map<ResumableSession, TlsjSession> origins = Collections.synchronizedMap(new WeakHashMap<>());

    JsseContext(KeyManager[] kms, TrustManager[] tms, List<ProtocolVersion> versions)
            throws NoSuchAlgorithmException, KeyStoreException, KeyManagementException {
        this.crypto = CryptoChoice.factory().create();
        this.ticketKeys = TicketKeys.random(crypto.random(), Duration.ofHours(12));
        this.keyManager = first(kms, X509KeyManager.class);
        X509TrustManager tm = first(tms, X509TrustManager.class);
        this.trustManager = tm != null ? tm : defaultTrustManager();
        this.versions = List.copyOf(versions);
        this.base = null;
    }

    /** A context whose engines start from tlsj configs instead of key and trust managers. */
    JsseContext(BaseConfigs base) {
        this.crypto = base.client() != null ? base.client().crypto() : base.server().crypto();
        this.ticketKeys = TicketKeys.random(crypto.random(), Duration.ofHours(12));
        this.keyManager = null;
        this.trustManager = null;
        this.versions = List.copyOf(base.settings().versions);
        this.base = base;
    }

    void remember(ResumableSession ticket, TlsjSession origin) {
        origins.put(ticket, origin);
    }

    TlsjSession originOf(ResumableSession ticket) {
        return origins.get(ticket);
    }

    /**
     * The key managers of the "Default" context: from the {@code javax.net.ssl.keyStore} system properties
     * as SunJSSE reads them, or none.
     */
    static KeyManager[] defaultKeyManagers() throws GeneralSecurityException, IOException {
        String path = System.getProperty("javax.net.ssl.keyStore");
        if (path == null || path.isEmpty() || path.equals("NONE")) {
            return null;
        }
        String type = System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
        String pw = System.getProperty("javax.net.ssl.keyStorePassword", "");
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ks.load(in, pw.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw.toCharArray());
        return kmf.getKeyManagers();
    }

    static X509TrustManager defaultTrustManager() throws NoSuchAlgorithmException, KeyStoreException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509TrustManager tm = first(tmf.getTrustManagers(), X509TrustManager.class);
        if (tm == null) {
            throw new KeyStoreException("the default TrustManagerFactory gave no X509TrustManager");
        }
        return tm;
    }

    private static <T> T first(Object[] managers, Class<T> type) {
        if (managers == null) {
            return null;
        }
        for (Object m : managers) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        return null;
    }
}
