package org.tlsj.cli.server;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@code SSLEngine} that forwards every call to another and notes what a connection log needs: the TLS
 * bytes received and sent, whether the handshake finished, and the exception that ended it. {@link #context}
 * wraps an {@code SSLContext} so that the JDK's HttpsServer gets such engines.
 */
final class ObservedEngine extends SSLEngine {
    private final SSLEngine delegate;
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private volatile boolean finished;
    private volatile SSLException failure;

    private ObservedEngine(SSLEngine delegate) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
    }

    /**
     * A context whose engines are those of {@code context}, observed.
     *
     * @param context the context doing the work
     * @param created told about each engine as it is made, on the thread making it
     * @return the observing context
     */
    static SSLContext context(SSLContext context, Consumer<ObservedEngine> created) {
        return new SSLContext(new Spi(context, created), context.getProvider(), context.getProtocol()) { };
    }

    /** TLS bytes received so far. */
    long bytesIn() {
        return in.get();
    }

    /** TLS bytes sent so far. */
    long bytesOut() {
        return out.get();
    }

    /** Whether the handshake completed. */
    boolean handshakeFinished() {
        return finished;
    }

    /** The exception that failed the connection, or null. */
    SSLException failure() {
        return failure;
    }

    private SSLEngineResult note(SSLEngineResult r, AtomicLong counter, long bytes) {
        counter.addAndGet(bytes);
        if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
            finished = true;
        }
        return r;
    }

    private SSLException fail(SSLException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        try {
            SSLEngineResult r = delegate.wrap(srcs, offset, length, dst);
            return note(r, out, r.bytesProduced());
        } catch (SSLException e) {
            throw fail(e);
        }
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        try {
            SSLEngineResult r = delegate.unwrap(src, dsts, offset, length);
            return note(r, in, r.bytesConsumed());
        } catch (SSLException e) {
            throw fail(e);
        }
    }

    @Override public Runnable getDelegatedTask() { return delegate.getDelegatedTask(); }
    @Override public void closeInbound() throws SSLException { delegate.closeInbound(); }
    @Override public boolean isInboundDone() { return delegate.isInboundDone(); }
    @Override public void closeOutbound() { delegate.closeOutbound(); }
    @Override public boolean isOutboundDone() { return delegate.isOutboundDone(); }
    @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return delegate.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { delegate.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedProtocols() { return delegate.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return delegate.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { delegate.setEnabledProtocols(protocols); }
    @Override public SSLSession getSession() { return delegate.getSession(); }
    @Override public SSLSession getHandshakeSession() { return delegate.getHandshakeSession(); }
    @Override public void beginHandshake() throws SSLException { delegate.beginHandshake(); }
    @Override public SSLEngineResult.HandshakeStatus getHandshakeStatus() { return delegate.getHandshakeStatus(); }
    @Override public void setUseClientMode(boolean mode) { delegate.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return delegate.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { delegate.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return delegate.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { delegate.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return delegate.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { delegate.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return delegate.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return delegate.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { delegate.setSSLParameters(params); }
    @Override public String getApplicationProtocol() { return delegate.getApplicationProtocol(); }
    @Override public String getHandshakeApplicationProtocol() { return delegate.getHandshakeApplicationProtocol(); }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }

    /** Forwards to the wrapped context, observing the engines it makes. */
    private static final class Spi extends SSLContextSpi {
        private final SSLContext context;
        private final Consumer<ObservedEngine> created;

        Spi(SSLContext context, Consumer<ObservedEngine> created) {
            this.context = context;
            this.created = created;
        }

        private SSLEngine observed(SSLEngine engine) {
            ObservedEngine e = new ObservedEngine(engine);
            created.accept(e);
            return e;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            context.init(km, tm, sr);
        }

        @Override protected SSLSocketFactory engineGetSocketFactory() { return context.getSocketFactory(); }
        @Override protected SSLServerSocketFactory engineGetServerSocketFactory() { return context.getServerSocketFactory(); }
        @Override protected SSLEngine engineCreateSSLEngine() { return observed(context.createSSLEngine()); }
        @Override protected SSLEngine engineCreateSSLEngine(String host, int port) { return observed(context.createSSLEngine(host, port)); }
        @Override protected SSLSessionContext engineGetServerSessionContext() { return context.getServerSessionContext(); }
        @Override protected SSLSessionContext engineGetClientSessionContext() { return context.getClientSessionContext(); }
        @Override protected SSLParameters engineGetDefaultSSLParameters() { return context.getDefaultSSLParameters(); }
        @Override protected SSLParameters engineGetSupportedSSLParameters() { return context.getSupportedSSLParameters(); }
    }
}
