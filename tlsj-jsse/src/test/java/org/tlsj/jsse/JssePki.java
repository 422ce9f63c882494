package org.tlsj.jsse;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;

/**
 * A CA, a server certificate for localhost and 127.0.0.1 and a client certificate, all valid around now
 * (the JDK's trust manager checks against the real clock), turned into PKCS12 key stores and SSLContexts
 * of either provider.
 */
final class JssePki {
    private static final char[] PASSWORD = "changeit".toCharArray();
    static final TlsjProvider TLSJ = new TlsjProvider();

    final Issued ca;
    final CertifiedKey server;
    final CertifiedKey client;

    JssePki(KeyType serverKey) {
        this(serverKey.generate(new SecureRandom()));
    }

    /** A PKI whose server certificate holds these keys (a P-521 key, say, which KeyType does not offer). */
    JssePki(KeyPair serverKeys) {
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(30));
        ca = CertificateMinter.ca("jsse test CA", KeyType.EC_P256, from, to);
        server = CertificateMinter.leaf(ca, "localhost", List.of("localhost", "127.0.0.1"), serverKeys, from, to,
                EnumSet.of(Usage.SERVER)).withChain(ca);
        client = CertificateMinter.leaf(ca, "jsse client", List.of(), KeyType.EC_P256, from, to,
                EnumSet.of(Usage.CLIENT)).withChain(ca);
    }

    JssePki() {
        this(KeyType.EC_P256);
    }

    KeyManagerFactory keys(CertifiedKey key) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", key.privateKey(), PASSWORD, key.chain().toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PASSWORD);
        return kmf;
    }

    TrustManagerFactory trust() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        return tmf;
    }

    /** A TLSJ context serving the server certificate and trusting the CA. */
    SSLContext tlsjServer(String protocol) throws Exception {
        SSLContext c = SSLContext.getInstance(protocol, TLSJ);
        c.init(keys(server).getKeyManagers(), trust().getTrustManagers(), null);
        return c;
    }

    /** A TLSJ client context trusting the CA, with the client certificate if {@code withCert}. */
    SSLContext tlsjClient(String protocol, boolean withCert) throws Exception {
        SSLContext c = SSLContext.getInstance(protocol, TLSJ);
        c.init(withCert ? keys(client).getKeyManagers() : null, trust().getTrustManagers(), null);
        return c;
    }

    /** A SunJSSE context with the given certificate (or none) trusting the CA. */
    SSLContext jdk(CertifiedKey key) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
        c.init(key == null ? null : keys(key).getKeyManagers(), trust().getTrustManagers(), null);
        return c;
    }
}
