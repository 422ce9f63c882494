package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider's registration, and SSLSocket/SSLServerSocket against each other and against SunJSSE. */
class TlsjSocketTest {
    private static final JssePki PKI = new JssePki();

    @Test
    void providerIsFoundByServiceLoaderAndOffersTheFourContexts() throws Exception {
        Provider found = ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getName().equals("TLSJ")).findFirst().orElseThrow();
        for (String alg : new String[] {"TLS", "TLSv1.3", "TLSv1.2", "Default"}) {
            assertThat(SSLContext.getInstance(alg, found).getProvider().getName()).isEqualTo("TLSJ");
        }
        assertThat(SSLContext.getInstance("TLSv1.2", found).getDefaultSSLParameters().getProtocols())
                .containsExactly("TLSv1.2");
        SSLContext def = SSLContext.getInstance("Default", found);
        assertThat(def.createSSLEngine().getSupportedProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThatThrownBy(() -> def.init(null, null, null)).isInstanceOf(java.security.KeyManagementException.class);
        assertThat(Security.getProvider("TLSJ")).isNull();
        assertThatThrownBy(() -> SSLContext.getInstance("TLS", found).createSSLEngine())
                .isInstanceOf(IllegalStateException.class);
    }

    private static SSLServerSocket listen(SSLContext ctx) throws IOException {
        return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** Accepts one connection, reads a line-less greeting and echoes it upper-cased. */
    private static CompletableFuture<String> echoOnce(SSLServerSocket ss) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[5];
                int n = in.readNBytes(buf, 0, 5);
                String got = new String(buf, 0, n, StandardCharsets.UTF_8);
                s.getOutputStream().write(got.toUpperCase().getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                return got + " " + s.getSession().getProtocol();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk", "TLSv1.2, jdk"})
    void socketsTalkAndHandshakeListenersHearTheCompletion(String protocol, String serverSide) throws Exception {
        SSLContext sc = serverSide.equals("tlsj") ? PKI.tlsjServer(protocol) : PKI.jdk(PKI.server);
        try (SSLServerSocket ss = listen(sc)) {
            CompletableFuture<String> served = echoOnce(ss);
            SSLContext cc = PKI.tlsjClient(protocol, false);
            try (SSLSocket s = (SSLSocket) cc.getSocketFactory().createSocket("localhost", ss.getLocalPort())) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setProtocols(new String[] {protocol});
                s.setSSLParameters(p);
                CompletableFuture<HandshakeCompletedEvent> event = new CompletableFuture<>();
                s.addHandshakeCompletedListener(event::complete);
                s.startHandshake();
                OutputStream out = s.getOutputStream();
                out.write("hello".getBytes(StandardCharsets.UTF_8));
                out.flush();
                byte[] back = s.getInputStream().readNBytes(5);

                assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("HELLO");
                assertThat(served.get(20, TimeUnit.SECONDS)).isEqualTo("hello " + protocol);
                HandshakeCompletedEvent e = event.getNow(null);
                assertThat(e).isNotNull();
                assertThat(e.getSocket()).isSameAs(s);
                assertThat(e.getCipherSuite()).isEqualTo(s.getSession().getCipherSuite());
                assertThat(e.getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
            }
        }
    }

    @Test
    void sunJsseClientSocketTalksToATlsjServerSocketWithClientAuth() throws Exception {
        try (SSLServerSocket ss = listen(PKI.tlsjServer("TLS"))) {
            ss.setNeedClientAuth(true);
            CompletableFuture<String> served = echoOnce(ss);
            try (SSLSocket s = (SSLSocket) PKI.jdk(PKI.client).getSocketFactory()
                    .createSocket("localhost", ss.getLocalPort())) {
                s.getOutputStream().write("abcde".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("ABCDE");
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            assertThat(served.get(20, TimeUnit.SECONDS)).isEqualTo("abcde TLSv1.3");
        }
    }

    @Test
    void untrustedServerFailsStartHandshake() throws Exception {
        try (SSLServerSocket ss = listen(new JssePki().tlsjServer("TLS"))) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                } catch (IOException expected) {
                    // the client rejects our certificate
                }
            });
            try (SSLSocket s = (SSLSocket) PKI.tlsjClient("TLS", false).getSocketFactory()
                    .createSocket("localhost", ss.getLocalPort())) {
                assertThatThrownBy(s::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("trust manager");
            }
            served.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void httpClientNegotiatesH2WithAlpnOverTlsj() throws Exception {
        SSLContext sc = PKI.tlsjServer("TLS");
        try (SSLServerSocket ss = listen(sc)) {
            SSLParameters sp = ss.getSSLParameters();
            sp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            ss.setSSLParameters(sp);
            CompletableFuture<String> preface = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    byte[] head = s.getInputStream().readNBytes(24);
                    return s.getApplicationProtocol() + " " + new String(head, StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (HttpClient client = HttpClient.newBuilder().sslContext(PKI.tlsjClient("TLS", false))
                    .version(HttpClient.Version.HTTP_2).build()) {
                client.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + ss.getLocalPort() + "/"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                assertThat(preface.get(20, TimeUnit.SECONDS)).isEqualTo("h2 PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            }
        }
    }
}
