package org.tlsj.jsse;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;

/**
 * {@code SSLContext}s of the TLSJ provider made from tlsj configs instead of key and trust managers, for
 * applications that already speak tlsj and hand the context to a JDK API ({@code java.net.http.HttpClient},
 * {@code com.sun.net.httpserver.HttpsServer}, ...).
 *
 * <p>Every engine of such a context starts from the base config: its certificates, verifier, crypto
 * provider, ticket keys, session caches, key log and trace listener are used as given. The
 * {@code SSLParameters} the application sets on the engine (protocols, cipher suites, named groups,
 * signature schemes, ALPN, SNI, need/want client auth, endpoint identification) are layered on top, and
 * {@link SSLContext#getDefaultSSLParameters()} reports the base's own choices, so an application that copies
 * the defaults keeps them. Client engines resume through the base's session cache keyed by the engine's
 * {@code host:port}; a new engine of the same context (a new connection) finds the sessions of earlier ones.
 * With endpoint identification "HTTPS" the host name is checked by the base verifier, given the peer host
 * when no server name is sent (IP literals). The contexts are initialized: {@code init} is refused.
 */
public final class TlsjContexts {
    /**
     * The {@code SSLSession.getValue} name under which a TLSJ session gives its {@link SessionInfo}; it works
     * through session wrappers that forward {@code getValue}, such as {@code HttpResponse.sslSession()}'s.
     */
    public static final String SESSION_INFO = "org.tlsj.SessionInfo";

    private TlsjContexts() {
    }

    /**
     * A context whose client engines start from {@code base}; server-mode engines of it cannot handshake.
     *
     * @param base the client settings every connection starts from
     * @return an initialized TLSJ {@code SSLContext}
     */
    public static SSLContext client(ClientConfig base) {
        return context(new BaseConfigs(Objects.requireNonNull(base, "base"), null));
    }

    /**
     * A context whose server engines start from {@code base}; client-mode engines of it cannot handshake.
     * Client authentication follows the engine's need/want settings (initially the base's
     * {@link ServerConfig#clientAuth()}), checked by the base's client verifier.
     *
     * @param base the server settings every connection starts from
     * @return an initialized TLSJ {@code SSLContext}
     */
    public static SSLContext server(ServerConfig base) {
        return context(new BaseConfigs(null, Objects.requireNonNull(base, "base")));
    }

    /**
     * What tlsj negotiated on a TLSJ connection: version, suite, group, signature scheme, resumption, peer
     * identity and chain.
     *
     * @param session a session from a TLSJ engine or socket, or a wrapper forwarding {@code getValue}
     * @return the negotiated parameters; empty for another provider's session or before the handshake completes
     */
    public static Optional<SessionInfo> sessionInfo(SSLSession session) {
        return session.getValue(SESSION_INFO) instanceof SessionInfo info ? Optional.of(info) : Optional.empty();
    }

    private static SSLContext context(BaseConfigs base) {
        return new BaseContext(new TlsjSSLContextSpi(new JsseContext(base)));
    }

    /** An {@code SSLContext} around a ready SPI (the constructor is protected). */
    private static final class BaseContext extends SSLContext {
        BaseContext(TlsjSSLContextSpi spi) {
            super(spi, new TlsjProvider(), "TLS");
        }
    }
}
