package org.tlsj.bench;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.testkit.TestPki;

/**
 * One PKI (a CA and a server certificate per key type, minted by tlsj-certs through the test kit) and the
 * tlsj configs and JSSE contexts built from it, so both stacks serve the very same certificate.
 */
public final class Fixtures {
    /** The name the server certificates carry and the clients verify. */
    public static final String HOST = "localhost";

    private final TestPki pki = TestPki.create("tlsj bench CA");
    private final CryptoProvider crypto;
    private final CertifiedKey ecP256 = pki.server(KeyType.EC_P256);
    private final CertifiedKey rsa2048 = pki.server(KeyType.RSA_2048);
    private final CertifiedKey mlDsa65 = pki.server(KeyType.ML_DSA_65);

    /** Fixtures whose tlsj configs keep the config default crypto provider (the JCA one). */
    public Fixtures() {
        this.crypto = null;
    }

    /**
     * Fixtures whose tlsj configs (client and server) use one provider from {@code factory}, shared by every
     * connection (providers over the system's SecureRandom are thread-safe).
     */
    public Fixtures(CryptoProviderFactory factory) {
        this.crypto = factory.create();
    }

    /** The server certificate and key of this type (EC_P256, RSA_2048 or ML_DSA_65; the CA is EC P-256). */
    public CertifiedKey key(KeyType type) {
        return switch (type) {
            case EC_P256 -> ecP256;
            case RSA_2048 -> rsa2048;
            case ML_DSA_65 -> mlDsa65;
            default -> throw new IllegalArgumentException("the bench mints EC_P256, RSA_2048 and ML_DSA_65 only, not "
                    + type);
        };
    }

    /** The CA certificate both stacks trust. */
    public X509Certificate ca() {
        return pki.ca().certificate();
    }

    /** A tlsj client offering only {@code group} (so no HelloRetryRequest) and the given versions. */
    public ClientConfig.Builder client(NamedGroup group, ProtocolVersion... versions) {
        return ClientConfig.builder()
                .verifier(PkixVerifier.withTrustedCertificates(List.of(ca())))
                .clock(Clock.systemUTC())
                .versions(List.of(versions))
                .groups(List.of(group))
                .keyShareGroups(List.of(group))
                .sessionCache(ClientSessionCache.NONE)
                .crypto(crypto);
    }

    /** A tlsj server serving the certificate of {@code type}. */
    public ServerConfig.Builder server(KeyType type) {
        return ServerConfig.builder(key(type)).clock(Clock.systemUTC()).crypto(crypto);
    }

    /** A JSSE "TLSv1.3" context (TLS 1.2 enabled too) with the key of {@code type} and trusting the CA. */
    public SSLContext jsse(KeyType type) {
        return jsse(type, null, null, null);
    }

    /**
     * A context of {@code provider} (SunJSSE for null) with the key of {@code type} and trusting the CA, as an
     * application would set it up: "TLSv1.3" for SunJSSE, "TLS" for another provider; key managers from the
     * JDK's default KeyManagerFactory (SunX509), or the PKIX one of {@code keyProvider}; trust managers from
     * the PKIX TrustManagerFactory of {@code trustProvider} (the JDK's for null).
     */
    public SSLContext jsse(KeyType type, Provider provider, Provider keyProvider, Provider trustProvider) {
        try {
            CertifiedKey k = key(type);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "bench".toCharArray();
            keys.setKeyEntry("server", k.privateKey(), password, k.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = keyProvider == null
                    ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                    : KeyManagerFactory.getInstance("PKIX", keyProvider);
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca());
            TrustManagerFactory tmf = trustProvider == null ? TrustManagerFactory.getInstance("PKIX")
                    : TrustManagerFactory.getInstance("PKIX", trustProvider);
            tmf.init(trust);
            SSLContext ctx = provider == null ? SSLContext.getInstance("TLSv1.3")
                    : SSLContext.getInstance("TLS", provider);
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the JSSE context for " + type, e);
        }
    }

    /** A group by the name JSSE and OpenSSL use: x25519, secp256r1, X25519MLKEM768. */
    public static NamedGroup group(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "x25519" -> NamedGroup.X25519;
            case "secp256r1" -> NamedGroup.SECP256R1;
            case "x25519mlkem768" -> NamedGroup.X25519MLKEM768;
            default -> throw new IllegalArgumentException("unknown group " + name);
        };
    }
}
