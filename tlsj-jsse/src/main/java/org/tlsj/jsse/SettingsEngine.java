package org.tlsj.jsse;

import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509KeyManager;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.SignatureScheme;

/**
 * The settings half of {@link TlsjSSLEngine}: enabled protocols and suites, client mode, client
 * authentication and {@code SSLParameters}. Settings apply to the next handshake; changing the mode after
 * the handshake has started is refused as JSSE specifies.
 */
abstract class SettingsEngine extends SSLEngine {
    /** Guards the settings and the connection; the engine may be used from several threads. */
    protected final Object lock = new Object();
    protected final JsseContext ctx;
    protected final EngineSettings settings;
    private BiFunction<SSLEngine, List<String>, String> alpnSelector;
    private volatile SSLSocket owner;

    SettingsEngine(JsseContext ctx, String host, int port) {
        super(host, port);
        this.ctx = ctx;
        this.settings = ctx.base != null ? ctx.base.settings() : EngineSettings.defaults(ctx.versions);
    }

    /** Whether the handshake has begun (the mode can no longer change). */
    abstract boolean started();

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.supportedSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (lock) {
            return JsseNames.suiteNames(settings.suites);
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (lock) {
            settings.setSuites(suites);
        }
    }

    @Override
    public String[] getSupportedProtocols() {
        return JsseNames.PROTOCOLS.clone();
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (lock) {
            return JsseNames.protocolNames(settings.versions);
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (lock) {
            settings.setProtocols(protocols);
        }
    }

    @Override
    public void setUseClientMode(boolean mode) {
        synchronized (lock) {
            if (started() && mode != settings.clientMode) {
                throw new IllegalArgumentException("cannot change the client mode after the handshake has begun");
            }
            settings.clientMode = mode;
        }
    }

    @Override
    public boolean getUseClientMode() {
        synchronized (lock) {
            return settings.clientMode;
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (lock) {
            settings.clientAuth = need ? ClientAuth.REQUIRED : ClientAuth.NONE;
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (lock) {
            return settings.clientAuth == ClientAuth.REQUIRED;
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (lock) {
            settings.clientAuth = want ? ClientAuth.OPTIONAL : ClientAuth.NONE;
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (lock) {
            return settings.clientAuth == ClientAuth.OPTIONAL;
        }
    }

    /** Stored for {@code getEnableSessionCreation}; tlsj always allows new sessions. */
    @Override
    public void setEnableSessionCreation(boolean flag) {
        synchronized (lock) {
            settings.enableSessionCreation = flag;
        }
    }

    @Override
    public boolean getEnableSessionCreation() {
        synchronized (lock) {
            return settings.enableSessionCreation;
        }
    }

    @Override
    public SSLParameters getSSLParameters() {
        synchronized (lock) {
            return settings.toSSLParameters();
        }
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        synchronized (lock) {
            settings.apply(params);
        }
    }

    /**
     * Called by a server engine once the ClientHello is read, if the client offered ALPN: the result is the
     * protocol (which must be one offered), "" for no ALPN, or null to refuse with no_application_protocol.
     * When set it takes precedence over {@code SSLParameters.getApplicationProtocols()}.
     */
    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        synchronized (lock) {
            alpnSelector = selector;
        }
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        synchronized (lock) {
            return alpnSelector;
        }
    }

    /** The socket this engine runs under, if any (key managers are then asked with the socket). */
    SSLSocket owner() {
        return owner;
    }

    void owner(SSLSocket socket) {
        owner = socket;
    }

    /** The names this engine sends in SNI (client) or received (server, once known). */
    List<SNIServerName> requestedServerNames() {
        synchronized (lock) {
            return settings.requestedServerNames(getPeerHost());
        }
    }

    /** The server's SNI matchers (null if none were set). */
    Collection<SNIMatcher> sniMatchers() {
        synchronized (lock) {
            return settings.matchers;
        }
    }

    /** The ALPN protocols set in {@code SSLParameters}, in preference order. */
    List<String> configuredAlpn() {
        synchronized (lock) {
            return settings.alpn;
        }
    }

    /** The context's key manager, or null. */
    X509KeyManager keyManager() {
        return ctx.keyManager;
    }

    /** The largest packet wrap produces: {@code SSLParameters.getMaximumPacketSize()}, 16709 by default. */
    int packetBufferSize() {
        synchronized (lock) {
            return settings.maximumPacketSize;
        }
    }

    /** The schemes this side signs and verifies with. */
    List<SignatureScheme> localSchemes() {
        synchronized (lock) {
            return settings.schemes;
        }
    }

    /** Whether endpoint identification is "HTTPS". */
    boolean checksHostname() {
        synchronized (lock) {
            return settings.checksHostname();
        }
    }
}
