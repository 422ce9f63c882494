package org.tlsj.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Server sockets of one TLSJ context. */
final class TlsjServerSocketFactory extends SSLServerSocketFactory {
    private final JsseContext ctx;

    TlsjServerSocketFactory(JsseContext ctx) {
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
    public ServerSocket createServerSocket() throws IOException {
        return new TlsjServerSocket(ctx);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
        TlsjServerSocket s = new TlsjServerSocket(ctx);
        s.bind(new java.net.InetSocketAddress(ifAddress, port), backlog);
        return s;
    }
}
