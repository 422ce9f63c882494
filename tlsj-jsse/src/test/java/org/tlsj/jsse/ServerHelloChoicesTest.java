package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's choices made after the ClientHello: the ALPN selector, SNI matchers and the key manager,
 * against TLSJ and SunJSSE clients.
 */
class ServerHelloChoicesTest {
    private static final JssePki PKI = new JssePki();

    private static SSLEngine client(String protocol, String peer, String... alpn) throws Exception {
        SSLContext c = peer.equals("tlsj") ? PKI.tlsjClient(protocol, false) : PKI.jdk(null);
        SSLEngine e = TlsjEngineHandshakeTest.client(c);
        e.setEnabledProtocols(new String[] {protocol});
        SSLParameters p = e.getSSLParameters();
        p.setApplicationProtocols(alpn);
        p.setServerNames(List.of(new SNIHostName("localhost"))); // SunJSSE sends no SNI for a dotless name
        e.setSSLParameters(p);
        return e;
    }

    private static SSLEngine server(String protocol) throws Exception {
        return TlsjEngineHandshakeTest.server(PKI.tlsjServer(protocol));
    }

    private static EnginePair pair(SSLEngine c, SSLEngine s) {
        return new EnginePair(c, s, 17000, 17000);
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk", "TLSv1.2, jdk"})
    void alpnSelectorSeesTheOfferAndItsChoiceIsNegotiated(String protocol, String peer) throws Exception {
        SSLEngine c = client(protocol, peer, "h2", "http/1.1");
        SSLEngine s = server(protocol);
        List<String> offered = new ArrayList<>();
        List<Object> handshakeSession = new ArrayList<>();
        s.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
            offered.addAll(protocols);
            handshakeSession.add(((ExtendedSSLSession) engine.getHandshakeSession()).getRequestedServerNames());
            return "h2";
        });
        pair(c, s).handshake();
        assertThat(offered).containsExactly("h2", "http/1.1");
        assertThat(handshakeSession).containsExactly(List.of(new SNIHostName("localhost")));
        assertThat(s.getApplicationProtocol()).isEqualTo("h2");
        assertThat(c.getApplicationProtocol()).isEqualTo("h2");
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, jdk"})
    void alpnSelectorReturningEmptyMeansNoAlpn(String protocol, String peer) throws Exception {
        SSLEngine c = client(protocol, peer, "h2");
        SSLEngine s = server(protocol);
        s.setHandshakeApplicationProtocolSelector((engine, protocols) -> "");
        pair(c, s).handshake();
        assertThat(s.getApplicationProtocol()).isEmpty();
        assertThat(c.getApplicationProtocol()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk"})
    void alpnSelectorReturningNullOrAnUnofferedNameIsNoApplicationProtocol(String protocol, String peer)
            throws Exception {
        for (String answer : new String[] {null, "spdy/3"}) {
            SSLEngine c = client(protocol, peer, "h2");
            SSLEngine s = server(protocol);
            s.setHandshakeApplicationProtocolSelector((engine, protocols) -> answer);
            EnginePair pair = pair(c, s);
            assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("application");
            assertThatThrownBy(() -> pair.pump()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk", "TLSv1.2, jdk"})
    void sniMatcherThatDoesNotMatchIsUnrecognizedName(String protocol, String peer) throws Exception {
        SSLEngine c = client(protocol, peer);
        SSLEngine s = server(protocol);
        SSLParameters p = s.getSSLParameters();
        p.setSNIMatchers(List.of(SNIHostName.createSNIMatcher("other\\.example")));
        s.setSSLParameters(p);
        EnginePair pair = pair(c, s);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> {
            pair.pump();
            c.getSession().getPeerCertificates();
        }).hasMessageContaining(peer.equals("tlsj") ? "unrecognized_name" : "nrecognized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void sniMatcherThatMatchesLetsTheHandshakeThrough(String protocol) throws Exception {
        SSLEngine c = client(protocol, "tlsj");
        SSLEngine s = server(protocol);
        SSLParameters p = s.getSSLParameters();
        List<SNIMatcher> matchers = List.of(SNIHostName.createSNIMatcher("local.*"));
        p.setSNIMatchers(matchers);
        s.setSSLParameters(p);
        pair(c, s).handshake();
        assertThat(((ExtendedSSLSession) s.getSession()).getRequestedServerNames())
                .containsExactly(new SNIHostName("localhost"));
    }

    /** Records what the key manager sees when the engine asks it for a server alias. */
    static final class RecordingKeyManager extends X509ExtendedKeyManager {
        final X509ExtendedKeyManager inner;
        final List<String> keyTypes = new ArrayList<>();
        final List<Object> requestedNames = new ArrayList<>();
        final List<String> peerAlgorithms = new ArrayList<>();
        final List<String> alpn = new ArrayList<>();

        RecordingKeyManager(javax.net.ssl.KeyManager inner) {
            this.inner = (X509ExtendedKeyManager) inner;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            keyTypes.add(keyType);
            ExtendedSSLSession hs = (ExtendedSSLSession) engine.getHandshakeSession();
            requestedNames.add(hs.getRequestedServerNames());
            peerAlgorithms.addAll(List.of(hs.getPeerSupportedSignatureAlgorithms()));
            alpn.add(engine.getHandshakeApplicationProtocol());
            return inner.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override public String[] getClientAliases(String t, Principal[] i) { return inner.getClientAliases(t, i); }
        @Override public String chooseClientAlias(String[] t, Principal[] i, Socket s) { return null; }
        @Override public String[] getServerAliases(String t, Principal[] i) { return inner.getServerAliases(t, i); }
        @Override public String chooseServerAlias(String t, Principal[] i, Socket s) { return inner.chooseServerAlias(t, i, s); }
        @Override public X509Certificate[] getCertificateChain(String a) { return inner.getCertificateChain(a); }
        @Override public PrivateKey getPrivateKey(String a) { return inner.getPrivateKey(a); }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk", "TLSv1.2, jdk"})
    void keyManagerChoosesDuringTheHandshakeWithTheClientsOfferVisible(String protocol, String peer)
            throws Exception {
        RecordingKeyManager km = new RecordingKeyManager(PKI.keys(PKI.server).getKeyManagers()[0]);
        SSLContext ctx = SSLContext.getInstance(protocol, JssePki.TLSJ);
        ctx.init(new javax.net.ssl.KeyManager[] {km}, PKI.trust().getTrustManagers(), null);
        SSLEngine s = TlsjEngineHandshakeTest.server(ctx);
        SSLParameters p = s.getSSLParameters();
        p.setApplicationProtocols(new String[] {"h2"});
        s.setSSLParameters(p);
        SSLEngine c = client(protocol, peer, "h2");
        pair(c, s).handshake();
        assertThat(km.keyTypes).contains("EC");
        assertThat(km.requestedNames).first().isEqualTo(List.of(new SNIHostName("localhost")));
        assertThat(km.peerAlgorithms).contains("SHA256withECDSA");
        assertThat(km.alpn).first().isEqualTo("h2");
        assertThat(s.getSession().getLocalCertificates()[0]).isEqualTo(PKI.server.leaf());
        assertThat(s.getHandshakeApplicationProtocol()).isNull();
    }

    @Test
    void serverSocketSelectorChoosesTheProtocolForASunJsseClient() throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) PKI.tlsjServer("TLS")
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setHandshakeApplicationProtocolSelector((sock, offered) -> offered.contains("h2") ? "h2" : null);
                    s.startHandshake();
                    return s.getApplicationProtocol();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (SSLSocket c = (SSLSocket) PKI.jdk(null).getSocketFactory()
                    .createSocket("localhost", ss.getLocalPort())) {
                SSLParameters p = c.getSSLParameters();
                p.setApplicationProtocols(new String[] {"http/1.1", "h2"});
                c.setSSLParameters(p);
                c.startHandshake();
                assertThat(c.getApplicationProtocol()).isEqualTo("h2");
                c.getOutputStream().write(1);
                c.getOutputStream().flush();
                assertThat(served.get(20, TimeUnit.SECONDS)).isEqualTo("h2");
            }
        }
    }
}
