package org.tlsj.cli.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.tlsj.ClientConnection;
import org.tlsj.io.TlsSocket;

/** The gateway's connection to one upstream: plain TCP, or TLS over it. */
sealed interface UpstreamLink extends Closeable {
    /** Data from the upstream. */
    InputStream in() throws IOException;

    /** Data for the upstream. */
    OutputStream out() throws IOException;

    /** Tells the upstream no more data comes (TCP FIN, or close_notify); it may still send. */
    void shutdownOutput() throws IOException;

    /** The negotiated TLS summary, for TLS links. */
    Optional<String> tlsSummary();

    /**
     * Connects, sends the PROXY header if there is one, then runs the TLS handshake if asked.
     *
     * @param target where to connect
     * @param tls TLS settings, or empty for plain TCP
     * @param proxyHeader bytes to send before anything else (before the TLS handshake, as HAProxy does), or
     *     an empty array
     * @param handshakeTimeout bounds the TCP connect and the TLS handshake
     * @param readTimeout bounds each read; zero for none
     * @return the open link
     * @throws IOException if connecting or the handshake fails
     */
    static UpstreamLink open(HostPort target, Optional<GatewaySettings.UpstreamTls> tls, byte[] proxyHeader,
                             Duration handshakeTimeout, Duration readTimeout) throws IOException {
        Socket s = new Socket(Proxy.NO_PROXY); // a direct connection: no SOCKS layer, no proxy lookup per connection
        try {
            try {
                s.connect(new InetSocketAddress(target.host(), target.port()), (int) handshakeTimeout.toMillis());
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("connecting to " + target + " timed out");
            }
            s.setTcpNoDelay(true);
            if (proxyHeader.length > 0) {
                s.getOutputStream().write(proxyHeader);
            }
            if (tls.isEmpty()) {
                s.setSoTimeout((int) readTimeout.toMillis());
                return new Plain(s);
            }
            String name = tls.get().serverName().orElse(target.host());
            TlsSocket t = TlsSocket.client(s, ClientConnection.start(tls.get().config(), name), handshakeTimeout,
                    readTimeout);
            t.handshake();
            return new Tls(t);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Plain TCP.
     *
     * @param socket the connected socket
     */
    record Plain(Socket socket) implements UpstreamLink {
        @Override
        public InputStream in() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream out() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        public void shutdownOutput() throws IOException {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
        }

        @Override
        public Optional<String> tlsSummary() {
            return Optional.empty();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * TLS, handshake done.
     *
     * @param socket the TLS socket
     */
    record Tls(TlsSocket socket) implements UpstreamLink {
        @Override
        public InputStream in() {
            return socket.getInputStream();
        }

        @Override
        public OutputStream out() {
            return socket.getOutputStream();
        }

        @Override
        public void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public Optional<String> tlsSummary() {
            return Optional.of(socket.session().summary());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
