package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;

/**
 * Bouncy Castle's JSSE (bctls) and tlsj sign TLS 1.3 handshakes with ML-DSA in both roles. BCJSSE has the
 * ML-DSA schemes since 1.83 but does not enable them by default, so its sockets list them in
 * {@link SSLParameters#setSignatureSchemes}.
 */
class BcJsseMlDsaTest {
    private static final char[] PASSWORD = "interop".toCharArray();
    private static final Instant NOW = Instant.now();
    private static final Provider BCPROV = new BouncyCastleProvider();
    private static final Provider BCJSSE = new BouncyCastleJsseProvider(BCPROV);
    private static final String[] SCHEMES = {"mldsa65", "mldsa87", "mldsa44", "ecdsa_secp256r1_sha256"};

    static {
        Logger.getLogger("org.bouncycastle.jsse").setLevel(Level.SEVERE);
    }

    private static final Issued CA = CertificateMinter.ca("BCJSSE interop CA", KeyType.ML_DSA_65,
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

    /** "ml-dsa-65" names the scheme mldsa65. */
    private static SignatureScheme scheme(String set) {
        return SignatureScheme.byName(set.replace("-", "")).orElseThrow();
    }

    private static CertifiedKey server(KeyType type) {
        return CertificateMinter.leaf(CA, "localhost", List.of("localhost", "127.0.0.1"), type,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), EnumSet.of(Usage.SERVER)).withChain(CA);
    }

    private static SSLContext bcContext(Optional<CertifiedKey> key) throws Exception {
        KeyManagerFactory kmf = null;
        if (key.isPresent()) {
            // Bouncy Castle's key store, certificates and key: from the JDK's PKCS12 store BCJSSE would get the
            // JDK's ML-DSA key class back, which its signer refuses.
            KeyStore ks = KeyStore.getInstance("PKCS12", BCPROV);
            ks.load(null, null);
            // BCJSSE signs with Bouncy Castle's own ML-DSA key (algorithm "ML-DSA-65"), not the JDK's ("ML-DSA").
            PrivateKey bcKey = KeyFactory.getInstance("ML-DSA", BCPROV)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.get().privateKey().getEncoded()));
            CertificateFactory cf = CertificateFactory.getInstance("X.509", BCPROV);
            List<Certificate> chain = new ArrayList<>();
            for (X509Certificate c : key.get().chain()) {
                chain.add(cf.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
            }
            ks.setKeyEntry("key", bcKey, PASSWORD, chain.toArray(Certificate[]::new));
            kmf = KeyManagerFactory.getInstance("PKIX", BCJSSE);
            kmf.init(ks, PASSWORD);
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", CA.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", BCJSSE);
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3", BCJSSE);
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static SSLParameters mlDsa(SSLParameters p) {
        p.setProtocols(new String[] {"TLSv1.3"});
        p.setSignatureSchemes(SCHEMES);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-dsa-44", "ml-dsa-65", "ml-dsa-87"})
    void bcJsseClientVerifiesOurMlDsaServer(String set) throws Exception {
        ServerConfig config = ServerConfig.builder(server(KeyType.parse(set))).build();
        try (TlsServerSocket server = TlsServerSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                config, TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
            Jsse.Background<SessionInfo> ours = Jsse.background(() -> {
                try (TlsSocket s = server.accept()) {
                    s.handshake();
                    s.getOutputStream().write("hello from tlsj\n".getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                    s.getInputStream().readAllBytes();
                    return s.session();
                }
            });
            try (SSLSocket s = (SSLSocket) bcContext(Optional.empty()).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.localPort())) {
                s.setSSLParameters(mlDsa(s.getSSLParameters()));
                s.setSoTimeout(10_000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(line).isEqualTo("hello from tlsj");
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            assertThat(ours.get().signatureScheme()).isEqualTo(scheme(set));
        }
    }

    private static TlsSocket connect(Jsse.Background<String> theirs, String host, int port, ClientConfig config,
                                     Duration a, Duration b) throws Exception {
        try {
            return TlsSocket.connect(host, port, config, "localhost", a, b);
        } catch (Exception e) {
            try {
                theirs.get();
            } catch (Exception their) {
                e.addSuppressed(their);
            }
            throw e;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-dsa-44", "ml-dsa-65", "ml-dsa-87"})
    void ourClientVerifiesABcJsseMlDsaServer(String set) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) bcContext(Optional.of(server(KeyType.parse(set))))
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSSLParameters(mlDsa(server.getSSLParameters()));
            Jsse.Background<String> theirs = Jsse.background(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSSLParameters(mlDsa(s.getSSLParameters()));
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write("hello from bcjsse\n".getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                    return s.getSession().getProtocol();
                }
            });
            ClientConfig config = ClientConfig.builder().versions(List.of(ProtocolVersion.TLS13))
                    .verifier(PkixVerifier.withTrustedCertificates(List.of(CA.certificate()))).build();
            try (TlsSocket s = connect(theirs, "127.0.0.1", server.getLocalPort(), config,
                    TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(line).isEqualTo("hello from bcjsse");
                assertThat(s.session().signatureScheme()).isEqualTo(scheme(set));
            }
            assertThat(theirs.get()).isEqualTo("TLSv1.3");
        }
    }
}
