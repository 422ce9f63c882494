package org.tlsj.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Client sockets of one TLSJ context. Unconnected sockets are not offered ({@code createSocket()} throws
 * as the base class does), so {@code HttpsURLConnection} connects a plain socket and layers TLS over it.
 */
final class TlsjSocketFactory extends SSLSocketFactory {
    private final JsseContext ctx;

    TlsjSocketFactory(JsseContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return JsseNames.suiteNames(JsseNames.defaultSuites(ctx.versions));
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.supportedSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        if (!s.isConnected()) {
            throw new IOException("the socket to layer TLS over is not connected");
        }
        return new TlsjSocket(ctx, s, host, autoClose, true);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(new Socket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(new Socket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(new Socket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(new Socket(address, port, localAddress, localPort), address.getHostName(), port, true);
    }
}
