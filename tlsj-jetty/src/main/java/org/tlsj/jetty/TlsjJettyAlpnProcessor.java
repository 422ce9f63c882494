package org.tlsj.jetty;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.tlsj.jsse.TlsjSSLEngine;

/**
 * Jetty's server-side ALPN for TLSJ engines. Jetty finds ALPN processors with {@code ServiceLoader}, and its
 * own one for {@code SSLEngine.setHandshakeApplicationProtocolSelector} (jetty-alpn-java-server) applies only
 * to engines of the {@code java.base} module: any other provider's engine is refused ("No ALPN Processor"),
 * even for HTTP/1.1. This one does the same for {@link TlsjSSLEngine}: Jetty chooses among the client's
 * protocols, and a handshake without ALPN falls back to the connector's default protocol.
 */
public final class TlsjJettyAlpnProcessor implements ALPNProcessor.Server {
    /** Creates the processor (for {@code ServiceLoader}). */
    public TlsjJettyAlpnProcessor() {
    }

    @Override
    public boolean appliesTo(SSLEngine engine) {
        return engine instanceof TlsjSSLEngine;
    }

    @Override
    public void configure(SSLEngine engine, Connection connection) {
        ALPNServerConnection alpn = (ALPNServerConnection) connection;
        SslConnection ssl = ((SslConnection.SslEndPoint) alpn.getEndPoint()).getSslConnection();
        ssl.addHandshakeListener(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                if (alpn.getProtocol() == null) {
                    alpn.unsupported();
                }
            }
        });
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            alpn.select(offered);
            return alpn.getProtocol();
        });
    }
}
