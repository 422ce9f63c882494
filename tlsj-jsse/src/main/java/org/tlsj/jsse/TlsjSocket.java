package org.tlsj.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.tlsj.io.LingeringClose;

/**
 * An {@code SSLSocket} layered over a connected plain {@link Socket}, driving a {@link TlsjSSLEngine}. The
 * handshake runs on {@link #startHandshake()} or on first use; {@link HandshakeCompletedListener}s are called
 * on the thread that completed it. Reads and writes may run on two threads at once.
 */
final class TlsjSocket extends SSLSocket {
    private final Socket raw;
    private final boolean autoClose;
    private final TlsjSSLEngine engine;
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final Object handshakeLock = new Object();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Object writeLock = new Object();
    private final InputStream in = new AppInput();
    private final OutputStream out = new AppOutput();
    private ByteBuffer netIn = ByteBuffer.allocate(TlsjSession.PACKET_BUFFER_SIZE);
    private final ByteBuffer appIn = ByteBuffer.allocate(TlsjSession.APPLICATION_BUFFER_SIZE).flip();
    private final ByteBuffer netOut = ByteBuffer.allocate(TlsjSession.PACKET_BUFFER_SIZE);
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    private volatile SSLException truncation;
    private volatile BiFunction<SSLSocket, List<String>, String> socketSelector;

    TlsjSocket(JsseContext ctx, Socket raw, String host, boolean autoClose, boolean clientMode) {
        this.raw = raw;
        this.autoClose = autoClose;
        this.engine = new TlsjSSLEngine(ctx, host, raw.getPort());
        engine.setUseClientMode(clientMode);
    }

    // ---- TLS ----

    @Override
    public void startHandshake() throws IOException {
        synchronized (handshakeLock) {
            if (handshakeDone) {
                return;
            }
            engine.owner(this);
            try {
                engine.beginHandshake();
                HandshakeStatus hs;
                while ((hs = engine.getHandshakeStatus()) != HandshakeStatus.NOT_HANDSHAKING) {
                    if (hs == HandshakeStatus.NEED_WRAP) {
                        flush();
                    } else {
                        readLock.lock();
                        try {
                            if (unwrapStep().getStatus() == SSLEngineResult.Status.CLOSED) {
                                throw new SSLException("connection closed during the TLS handshake");
                            }
                        } finally {
                            readLock.unlock();
                        }
                    }
                }
            } catch (IOException e) {
                abort();
                throw e;
            }
            handshakeDone = true;
        }
        HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, engine.getSession());
        for (HandshakeCompletedListener l : listeners) {
            l.handshakeCompleted(event);
        }
    }

    private void abort() {
        flushQuietly();
        closeRaw();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException ignored) {
            // the peer may be gone already; the TLS error is what the caller needs
        }
    }

    /** One unwrap call; reads from the socket when a record is incomplete. Caller holds readLock. */
    private SSLEngineResult unwrapStep() throws IOException {
        netIn.flip();
        SSLEngineResult r;
        try {
            appIn.compact();
            try {
                r = engine.unwrap(netIn, appIn);
            } catch (SSLException e) {
                flushQuietly(); // the alert the failure queued goes out before the error
                throw e;
            } finally {
                appIn.flip();
            }
        } finally {
            netIn.compact();
        }
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run(); // the socket blocks anyway: run the handshake work on this thread
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            flush();
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            if (!netIn.hasRemaining()) {
                netIn = ByteBuffer.allocate(netIn.capacity() * 2).put(netIn.flip());
            }
            int n = raw.getInputStream().read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
            if (n < 0) {
                throw truncated();
            }
            netIn.position(netIn.position() + n);
        }
        return r;
    }

    /**
     * The end of the stream before the peer's close_notify: a truncation error, as {@code closeInbound} raises
     * it; kept so that every later read throws it too (never -1, which would hide a cut-off response).
     */
    private SSLException truncated() {
        SSLException x;
        try {
            engine.closeInbound();
            x = new SSLException("connection closed by the peer");
        } catch (SSLException e) {
            x = e;
        }
        if (!handshakeDone) {
            SSLException h = new SSLHandshakeException("the peer closed the connection during the TLS handshake");
            h.initCause(x);
            x = h;
        }
        truncation = x;
        return x;
    }

    /** Sends everything the engine has to send. */
    private void flush() throws IOException {
        synchronized (writeLock) {
            ByteBuffer empty = ByteBuffer.allocate(0);
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                netOut.clear();
                SSLEngineResult r = engine.wrap(empty, netOut);
                writeRaw();
                if (r.bytesProduced() == 0) {
                    break;
                }
            }
        }
    }

    private void writeRaw() throws IOException {
        netOut.flip();
        if (netOut.hasRemaining()) {
            raw.getOutputStream().write(netOut.array(), netOut.arrayOffset() + netOut.position(), netOut.remaining());
            raw.getOutputStream().flush();
        }
    }

    private final class AppInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            startHandshake();
            readLock.lock();
            try {
                while (!appIn.hasRemaining()) {
                    if (truncation != null) {
                        throw truncation;
                    }
                    if (engine.isInboundDone()) {
                        return -1;
                    }
                    unwrapStep();
                }
                int n = Math.min(len, appIn.remaining());
                appIn.get(b, off, n);
                return n;
            } finally {
                readLock.unlock();
            }
        }

        @Override
        public int available() {
            readLock.lock();
            try {
                return appIn.remaining();
            } finally {
                readLock.unlock();
            }
        }

        @Override
        public void close() throws IOException {
            TlsjSocket.this.close();
        }
    }

    private final class AppOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            startHandshake();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            synchronized (writeLock) {
                while (src.hasRemaining()) {
                    netOut.clear();
                    SSLEngineResult r = engine.wrap(src, netOut);
                    writeRaw();
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SocketException("the TLS connection is closed");
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            TlsjSocket.this.close();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!raw.isClosed()) {
                if (engine.getSession().isValid()) {
                    engine.closeOutbound();
                }
                flush(); // close_notify, or the alert of a failure not sent yet
            }
        } catch (IOException ignored) {
            // closing anyway: the peer may have gone
        } finally {
            closeRaw();
        }
    }

    private void closeRaw() {
        closed = true;
        if (autoClose) {
            if (engine.sentFatalAlert() && readLock.tryLock()) { // a blocked reader is woken by the close instead
                try {
                    LingeringClose.drain(raw); // a reset after our alert could destroy it
                } finally {
                    readLock.unlock();
                }
            }
            try {
                raw.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    @Override public InputStream getInputStream() throws IOException { checkOpen(); return in; }
    @Override public OutputStream getOutputStream() throws IOException { checkOpen(); return out; }

    private void checkOpen() throws SocketException {
        if (closed) {
            throw new SocketException("socket is closed");
        }
    }

    @Override
    public SSLSession getSession() {
        try {
            startHandshake();
        } catch (IOException e) {
            return engine.getSession();
        }
        return engine.getSession();
    }

    @Override public SSLSession getHandshakeSession() { return engine.getHandshakeSession(); }
    @Override public void addHandshakeCompletedListener(HandshakeCompletedListener l) { listeners.add(java.util.Objects.requireNonNull(l)); }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener l) {
        if (!listeners.remove(l)) {
            throw new IllegalArgumentException("listener is not registered");
        }
    }

    @Override public String[] getSupportedCipherSuites() { return engine.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return engine.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] s) { engine.setEnabledCipherSuites(s); }
    @Override public String[] getSupportedProtocols() { return engine.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return engine.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] p) { engine.setEnabledProtocols(p); }
    @Override public void setUseClientMode(boolean mode) { engine.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return engine.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { engine.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return engine.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { engine.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return engine.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { engine.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return engine.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return engine.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters p) { engine.setSSLParameters(p); }
    @Override public String getApplicationProtocol() { return engine.getApplicationProtocol(); }
    @Override public String getHandshakeApplicationProtocol() { return engine.getHandshakeApplicationProtocol(); }

    /** As {@link TlsjSSLEngine#setHandshakeApplicationProtocolSelector}; a socket's selector comes first. */
    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        socketSelector = selector;
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return socketSelector;
    }

    // ---- plain socket, delegated ----

    @Override public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("a layered TLSJ socket is already connected");
    }
    @Override public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("a layered TLSJ socket is already bound");
    }
    @Override public InetAddress getInetAddress() { return raw.getInetAddress(); }
    @Override public InetAddress getLocalAddress() { return raw.getLocalAddress(); }
    @Override public int getPort() { return raw.getPort(); }
    @Override public int getLocalPort() { return raw.getLocalPort(); }
    @Override public SocketAddress getRemoteSocketAddress() { return raw.getRemoteSocketAddress(); }
    @Override public SocketAddress getLocalSocketAddress() { return raw.getLocalSocketAddress(); }
    @Override public SocketChannel getChannel() { return null; }
    @Override public void setTcpNoDelay(boolean on) throws SocketException { raw.setTcpNoDelay(on); }
    @Override public boolean getTcpNoDelay() throws SocketException { return raw.getTcpNoDelay(); }
    @Override public void setSoLinger(boolean on, int linger) throws SocketException { raw.setSoLinger(on, linger); }
    @Override public int getSoLinger() throws SocketException { return raw.getSoLinger(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { raw.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws SocketException { return raw.getSoTimeout(); }
    @Override public void setSendBufferSize(int size) throws SocketException { raw.setSendBufferSize(size); }
    @Override public int getSendBufferSize() throws SocketException { return raw.getSendBufferSize(); }
    @Override public void setReceiveBufferSize(int size) throws SocketException { raw.setReceiveBufferSize(size); }
    @Override public int getReceiveBufferSize() throws SocketException { return raw.getReceiveBufferSize(); }
    @Override public void setKeepAlive(boolean on) throws SocketException { raw.setKeepAlive(on); }
    @Override public boolean getKeepAlive() throws SocketException { return raw.getKeepAlive(); }
    @Override public void shutdownInput() throws IOException { throw new UnsupportedOperationException("not supported on TLS sockets"); }
    @Override public void shutdownOutput() throws IOException { throw new UnsupportedOperationException("not supported on TLS sockets"); }
    @Override public boolean isConnected() { return raw.isConnected(); }
    @Override public boolean isBound() { return raw.isBound(); }
    @Override public boolean isClosed() { return closed || raw.isClosed(); }
    @Override public boolean isInputShutdown() { return raw.isInputShutdown(); }
    @Override public boolean isOutputShutdown() { return raw.isOutputShutdown(); }

    @Override
    public String toString() {
        return "TlsjSocket[" + raw + ", " + engine.getSession() + "]";
    }
}
