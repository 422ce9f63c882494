package org.tlsj.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.tlsj.certs.KeyType;
import org.tlsj.jsse.TlsjProvider;

/**
 * A Jetty 12 server whose TLS is the TLSJ provider ({@code SslContextFactory.Server.setProvider("TLSJ")}), with
 * three connectors on 127.0.0.1, each speaking HTTP/2 (ALPN h2) and HTTP/1.1: one for anyone, one that needs a
 * client certificate from the PKI's CA, and one with certificates for two names, chosen by SNI. A POST to {@link Ecosystem#ECHO_PATH} gets its body back,
 * {@link Ecosystem#BULK_PATH} gets {@link Ecosystem#BULK}, anything else {@link Ecosystem#BODY}; every
 * response has the {@link Ecosystem#TLS_HEADER} header (protocol and suite of the server's SSLSession) and
 * {@link #PEER_HEADER} (the client certificate's subject, or "anonymous").
 */
final class JettyHello implements AutoCloseable {
    /** The response header naming the client certificate's subject. */
    static final String PEER_HEADER = "x-peer";
    private final Server server;
    private final ServerConnector open;
    private final ServerConnector mutual;
    private final ServerConnector named;
    private final SslContextFactory.Server openTls;

    private JettyHello(Server server, ServerConnector open, ServerConnector mutual, ServerConnector named,
                       SslContextFactory.Server openTls) {
        this.server = server;
        this.open = open;
        this.mutual = mutual;
        this.named = named;
        this.openTls = openTls;
    }

    /** Starts the server with the PKI's EC P-256 localhost certificate. */
    static JettyHello start(InteropPki pki) throws Exception {
        Ecosystem.tlsj();
        Server server = new Server();
        KeyStore localhost = Ecosystem.keyStore(pki.server(KeyType.EC_P256));
        SslContextFactory.Server openTls = tls(localhost, null);
        ServerConnector open = connector(server, openTls);
        ServerConnector mutual = connector(server, tls(localhost, Ecosystem.trustStore(pki)));
        ServerConnector named = connector(server, tls(Ecosystem.keyStore(pki.server(KeyType.EC_P256),
                pki.otherName()), null));
        server.addConnector(open);
        server.addConnector(mutual);
        server.addConnector(named);
        server.setHandler(new Hello());
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyHello(server, open, mutual, named, openTls);
    }

    /** TLSJ with the given keys; with a trust store, a client certificate is needed. */
    private static SslContextFactory.Server tls(KeyStore keys, KeyStore trustOrNull) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setProvider(TlsjProvider.NAME);
        tls.setKeyStore(keys);
        tls.setKeyStorePassword(new String(Ecosystem.PASSWORD));
        if (trustOrNull != null) {
            tls.setTrustStore(trustOrNull);
            tls.setNeedClientAuth(true);
        }
        return tls;
    }

    private static ServerConnector connector(Server server, SslContextFactory.Server tls) {
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslConnectionFactory ssl = new SslConnectionFactory(tls, alpn.getProtocol());
        ServerConnector c = new ServerConnector(server, 1, 1, ssl, alpn, http2, http11);
        c.setHost("127.0.0.1");
        c.setPort(0);
        return c;
    }

    /** The port of the connector that serves anyone (HTTP/2 and HTTP/1.1). */
    int port() {
        return open.getLocalPort();
    }

    /** The port of the connector that needs a client certificate. */
    int mutualPort() {
        return mutual.getLocalPort();
    }

    /**
     * The port of the connector with two certificates, for localhost and for other.example, between which
     * Jetty's SNI key manager chooses by the client's server name.
     */
    int namedPort() {
        return named.getLocalPort();
    }

    /** The name of the provider of the open connector's SSLContext. */
    String providerName() {
        return openTls.getSslContext().getProvider().getName();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    /** Answers every request with the page and the TLS and peer headers. */
    private static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            EndPoint.SslSessionData tls = (EndPoint.SslSessionData) request.getAttribute(
                    EndPoint.SslSessionData.ATTRIBUTE);
            String tlsValue = tls == null ? "none" : tls.sslSession().getProtocol() + " " + tls.cipherSuite();
            X509Certificate[] peer = tls == null ? null : tls.peerCertificates();
            String peerValue = peer == null || peer.length == 0 ? "anonymous"
                    : peer[0].getSubjectX500Principal().getName();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(Ecosystem.TLS_HEADER, tlsValue);
            response.getHeaders().put(PEER_HEADER, peerValue);
            String path = request.getHttpURI().getPath();
            String body = path.equals(Ecosystem.BULK_PATH) ? Ecosystem.BULK : Ecosystem.BODY;
            if (request.getMethod().equals("POST") && path.equals(Ecosystem.ECHO_PATH)) {
                body = Content.Source.asString(request, StandardCharsets.UTF_8);
            }
            Content.Sink.write(response, true, body, callback);
            return true;
        }
    }
}
