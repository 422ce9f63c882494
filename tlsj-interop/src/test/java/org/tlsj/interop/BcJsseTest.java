package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.NamedGroup;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Jsse.Background;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;
import org.tlsj.pki.CertifiedKey;

/**
 * Bouncy Castle's JSSE provider (bctls, on Bouncy Castle's JCA provider as its guide sets it up) as a Java peer
 * for the ML-KEM groups it has (bctls 1.87: all of them), in both roles, one group enabled on each side so that
 * only that group can be negotiated.
 */
class BcJsseTest {
    private static final char[] PASSWORD = "interop".toCharArray();
    private static final Logger BC_LOG = Logger.getLogger("org.bouncycastle.jsse");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;
    static Provider bcjsse;

    @BeforeAll
    static void setUp() {
        pki = InteropPki.create(dir);
        BC_LOG.setLevel(Level.SEVERE); // BCJSSE warns about every jdk.tls.disabledAlgorithms entry it skips
        bcjsse = new BouncyCastleJsseProvider(new BouncyCastleProvider());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024"})
    void ourClientAgainstBcJsseServer(String name) throws Exception {
        NamedGroup group = NamedGroup.byName(name).orElseThrow();
        try (SSLServerSocket ss = (SSLServerSocket) context(pki.server(KeyType.EC_P256)).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setSSLParameters(onlyGroup(ss.getSSLParameters(), name));
            Background<String> bc = Jsse.background(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(10_000);
                    String got = lines(s).readLine();
                    send(s.getOutputStream(), "hello from bcjsse " + s.getSession().getProtocol());
                    return got;
                }
            });
            SessionInfo session;
            String reply;
            try (TlsSocket ours = TlsSocket.connect("127.0.0.1", ss.getLocalPort(),
                    pki.client().groups(List.of(group)).build(), "localhost", TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
                send(ours.getOutputStream(), "hello from tlsj");
                reply = new BufferedReader(new InputStreamReader(ours.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                session = ours.session();
            }
            assertThat(bc.get()).isEqualTo("hello from tlsj");
            assertThat(reply).isEqualTo("hello from bcjsse TLSv1.3");
            assertThat(session.group()).isEqualTo(group);
            assertThat(session.helloRetried()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024"})
    void bcJsseClientAgainstOurServer(String name) throws Exception {
        NamedGroup group = NamedGroup.byName(name).orElseThrow();
        try (TlsServerSocket server = TlsServerSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                pki.serverConfig(KeyType.EC_P256).groups(List.of(group)).build(), TlsjClient.TIMEOUT,
                TlsjClient.TIMEOUT)) {
            Background<SessionInfo> ours = Jsse.background(() -> {
                try (TlsSocket s = server.accept()) {
                    s.handshake();
                    String got = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                    send(s.getOutputStream(), "hello from tlsj, you said " + got);
                    return s.session();
                }
            });
            String reply;
            try (SSLSocket s = (SSLSocket) context(null).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.localPort())) {
                SSLParameters p = onlyGroup(s.getSSLParameters(), name);
                p.setServerNames(List.of(new SNIHostName("localhost")));
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.setSoTimeout(10_000);
                send(s.getOutputStream(), "hello from bcjsse");
                reply = lines(s).readLine();
            }
            assertThat(reply).isEqualTo("hello from tlsj, you said hello from bcjsse");
            assertThat(ours.get().group()).isEqualTo(group);
        }
    }

    /** TLS 1.3 with only {@code group} enabled. */
    private static SSLParameters onlyGroup(SSLParameters p, String group) {
        p.setProtocols(new String[] {"TLSv1.3"});
        p.setNamedGroups(new String[] {group});
        return p;
    }

    /** A BCJSSE context with BC's own key and trust managers, with {@code key} if given, trusting the CA. */
    private static SSLContext context(CertifiedKey key) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", bcjsse);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (key != null) {
            ks.setKeyEntry("server", key.privateKey(), PASSWORD, key.chain().toArray(X509Certificate[]::new));
        }
        kmf.init(ks, PASSWORD);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", pki.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", bcjsse);
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS", bcjsse);
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static BufferedReader lines(SSLSocket s) throws Exception {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
