package org.tlsj.jsse;

import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.tlsj.ProtocolVersion;

/**
 * The {@code SSLContext} implementation. {@link #engineInit} takes the first {@code X509KeyManager} and the
 * first {@code X509TrustManager} (the JDK's default trust manager when none is given); the "Default" context
 * reads the {@code javax.net.ssl.keyStore} system properties as SunJSSE does. The tlsj crypto provider is the
 * one the {@code tlsj.crypto} system or security property names ({@code auto}, the default: the fastest usable;
 * {@code jca}, {@code bc}, {@code openssl}); {@code init} throws a {@code KeyManagementException} saying why
 * when that name is unknown or the provider cannot run here. Randomness comes from that provider, so the
 * {@code SecureRandom} argument is not used.
 */
public final class TlsjSSLContextSpi extends SSLContextSpi {
    private final List<ProtocolVersion> versions;
    private final boolean isDefault;
    private volatile JsseContext context;

    TlsjSSLContextSpi(List<ProtocolVersion> versions, boolean isDefault) {
        this.versions = versions;
        this.isDefault = isDefault;
        if (isDefault) {
            try {
                context = new JsseContext(JsseContext.defaultKeyManagers(), null, versions);
            } catch (KeyManagementException e) {
                throw new IllegalStateException(e.getMessage());
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot load the default key or trust store: " + e.getMessage(), e);
            }
        }
    }

    /** A context that is ready as made ({@link TlsjContexts}); {@link #engineInit} refuses to replace it. */
    TlsjSSLContextSpi(JsseContext ready) {
        this.versions = ready.versions;
        this.isDefault = false;
        this.context = ready;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        if (isDefault) {
            throw new KeyManagementException("the Default SSLContext is initialized automatically");
        }
        if (context != null && context.base != null) {
            throw new KeyManagementException("this SSLContext was made from tlsj configs and is already initialized");
        }
        try {
            context = new JsseContext(km, tm, versions);
        } catch (KeyManagementException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyManagementException("cannot initialize the TLSJ context: " + e.getMessage(), e);
        }
    }

    private JsseContext context() {
        JsseContext c = context;
        if (c == null) {
            throw new IllegalStateException("SSLContext is not initialized: call init first");
        }
        return c;
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return new TlsjSocketFactory(context());
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new TlsjServerSocketFactory(context());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return new TlsjSSLEngine(context(), null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return new TlsjSSLEngine(context(), host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return context().serverContext;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return context().clientContext;
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        JsseContext c = context;
        return c != null && c.base != null ? c.base.settings().toSSLParameters()
                : EngineSettings.defaults(versions).toSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        SSLParameters p = new SSLParameters(JsseNames.supportedSuites(), JsseNames.PROTOCOLS.clone());
        return p;
    }
}
