package org.tlsj.jsse;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;

/**
 * A listening socket whose accepted connections are {@code SSLSocket}s in server mode (or client mode if
 * {@link #setUseClientMode} says so), with this socket's settings. The handshake runs on first use.
 */
final class TlsjServerSocket extends SSLServerSocket {
    private final JsseContext ctx;
    private final EngineSettings settings;

    TlsjServerSocket(JsseContext ctx) throws IOException {
        this.ctx = ctx;
        this.settings = EngineSettings.defaults(ctx.versions);
    }

    @Override
    public Socket accept() throws IOException {
        Socket raw = new Socket();
        implAccept(raw);
        TlsjSocket s = new TlsjSocket(ctx, raw, null, true, false);
        SSLParameters p;
        boolean client;
        synchronized (settings) {
            p = settings.toSSLParameters();
            client = settings.clientMode;
        }
        s.setUseClientMode(client);
        s.setSSLParameters(p);
        return s;
    }

    @Override public String[] getSupportedCipherSuites() { return JsseNames.supportedSuites(); }
    @Override public String[] getSupportedProtocols() { return JsseNames.PROTOCOLS.clone(); }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (settings) {
            return JsseNames.suiteNames(settings.suites);
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (settings) {
            settings.setSuites(suites);
        }
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (settings) {
            return JsseNames.protocolNames(settings.versions);
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (settings) {
            settings.setProtocols(protocols);
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (settings) {
            settings.clientAuth = need ? ClientAuth.REQUIRED : ClientAuth.NONE;
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (settings) {
            return settings.clientAuth == ClientAuth.REQUIRED;
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (settings) {
            settings.clientAuth = want ? ClientAuth.OPTIONAL : ClientAuth.NONE;
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (settings) {
            return settings.clientAuth == ClientAuth.OPTIONAL;
        }
    }

    @Override
    public void setUseClientMode(boolean mode) {
        synchronized (settings) {
            settings.clientMode = mode;
        }
    }

    @Override
    public boolean getUseClientMode() {
        synchronized (settings) {
            return settings.clientMode;
        }
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        synchronized (settings) {
            settings.enableSessionCreation = flag;
        }
    }

    @Override
    public boolean getEnableSessionCreation() {
        synchronized (settings) {
            return settings.enableSessionCreation;
        }
    }

    @Override
    public SSLParameters getSSLParameters() {
        synchronized (settings) {
            return settings.toSSLParameters();
        }
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        synchronized (settings) {
            settings.apply(params);
        }
    }
}
