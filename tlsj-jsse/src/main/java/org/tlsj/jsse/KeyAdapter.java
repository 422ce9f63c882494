package org.tlsj.jsse;

import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.tlsj.pki.CertifiedKey;

/**
 * Turns a JSSE {@link X509KeyManager} into tlsj {@link CertifiedKey}s: one alias per key type, chosen by
 * {@code chooseEngineServerAlias}/{@code chooseServerAlias} (server) or {@code chooseEngineClientAlias}/
 * {@code chooseClientAlias} (client). The engine then picks among them by what the peer accepts. A server
 * asks once the ClientHello is read (see {@link ServerHelloHook}); a client asks when the handshake starts.
 */
final class KeyAdapter {
    private static final List<String> KEY_TYPES = List.of("EC", "RSA", "RSASSA-PSS", "EdDSA", "Ed25519", "ML-DSA");

    private KeyAdapter() {
    }

    /**
     * The certificates a server engine may serve, asked during the handshake (after the ClientHello) for each
     * key type the client's signature schemes allow, with the CAs the client named as issuers (null if none).
     */
    static List<CertifiedKey> serverKeys(X509KeyManager km, TlsjSSLEngine engine, List<String> keyTypes,
                                         Principal[] issuers) {
        if (km == null) {
            return List.of();
        }
        Set<String> aliases = new LinkedHashSet<>();
        SSLSocket owner = engine.owner();
        for (String type : keyTypes.isEmpty() ? KEY_TYPES : keyTypes) {
            String alias;
            if (owner != null) {
                alias = km.chooseServerAlias(type, issuers, owner);
            } else if (km instanceof X509ExtendedKeyManager x) {
                alias = x.chooseEngineServerAlias(type, issuers, engine);
            } else {
                alias = km.chooseServerAlias(type, issuers, null);
            }
            if (alias != null) {
                aliases.add(alias);
            }
        }
        return load(km, aliases);
    }

    /** The certificates a client engine may offer when the server asks. */
    static List<CertifiedKey> clientKeys(X509KeyManager km, TlsjSSLEngine engine) {
        if (km == null) {
            return List.of();
        }
        Set<String> aliases = new LinkedHashSet<>();
        SSLSocket owner = engine.owner();
        for (String type : KEY_TYPES) {
            String[] types = {type};
            String alias;
            if (owner != null) {
                alias = km.chooseClientAlias(types, null, owner);
            } else if (km instanceof X509ExtendedKeyManager x) {
                alias = x.chooseEngineClientAlias(types, null, engine);
            } else {
                alias = km.chooseClientAlias(types, null, null);
            }
            if (alias != null) {
                aliases.add(alias);
            }
        }
        return load(km, aliases);
    }

    private static List<CertifiedKey> load(X509KeyManager km, Set<String> aliases) {
        List<CertifiedKey> keys = new ArrayList<>();
        for (String alias : aliases) {
            X509Certificate[] chain = km.getCertificateChain(alias);
            PrivateKey key = km.getPrivateKey(alias);
            if (chain != null && chain.length > 0 && key != null) {
                keys.add(new CertifiedKey(List.of(chain), key));
            }
        }
        return keys;
    }
}
