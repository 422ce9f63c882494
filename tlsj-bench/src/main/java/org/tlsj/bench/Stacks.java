package org.tlsj.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;

/** Servers and clients of both stacks over 127.0.0.1, as {@link Conn.Acceptor}s and {@link Conn.Dialer}s. */
public final class Stacks {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Stacks() {
    }

    /** A tlsj server on an ephemeral port. */
    public static Conn.Acceptor tlsjServer(ServerConfig config) throws IOException {
        TlsServerSocket server = TlsServerSocket.bind(new InetSocketAddress(LOOPBACK, 0), config, TIMEOUT,
                Duration.ZERO);
        return new Conn.Acceptor() {
            @Override
            public Conn accept() throws IOException {
                TlsSocket s = server.accept();
                return new Conn(s, s.getInputStream(), s.getOutputStream(), false);
            }

            @Override
            public int port() {
                return server.localPort();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    /** A tlsj client; whether it resumes depends on the config's session cache. Dialing ends with a ping. */
    public static Conn.Dialer tlsjClient(ClientConfig config) {
        return port -> {
            TlsSocket s = TlsSocket.connect(LOOPBACK, port, config, Fixtures.HOST, TIMEOUT, Duration.ZERO);
            Conn c = new Conn(s, s.getInputStream(), s.getOutputStream(), s.session().resumed());
            c.ping();
            return c;
        };
    }

    /** A JSSE server socket on an ephemeral port, TLS 1.3 and 1.2 enabled. */
    public static Conn.Acceptor jsseServer(SSLContext ctx) throws IOException {
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(LOOPBACK, 0), 512);
        server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return new Conn.Acceptor() {
            @Override
            public Conn accept() throws IOException {
                SSLSocket s = (SSLSocket) server.accept();
                s.setTcpNoDelay(true);
                return new Conn(s, s.getInputStream(), s.getOutputStream(), false);
            }

            @Override
            public int port() {
                return server.getLocalPort();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    /**
     * A JSSE client offering one group and one protocol, verifying the host name like tlsj does. Dialing ends
     * with a ping.
     *
     * @param group the groups to offer, comma-separated, preferred first
     * @param resume false to invalidate each session after use, so every handshake is full
     * @param suites cipher suites to enable; none for JSSE's defaults
     */
    public static Conn.Dialer jsseClient(SSLContext ctx, String group, String protocol, boolean resume,
                                         String... suites) {
        return port -> {
            Socket raw = new Socket(LOOPBACK, port);
            raw.setTcpNoDelay(true);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, Fixtures.HOST, port, true);
            SSLParameters p = s.getSSLParameters();
            p.setNamedGroups(group.split(","));
            p.setProtocols(new String[] {protocol});
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (suites.length > 0) {
                p.setCipherSuites(suites);
            }
            s.setSSLParameters(p);
            s.startHandshake();
            Conn c = new Conn(s, s.getInputStream(), s.getOutputStream(), false);
            c.ping();
            if (!resume) {
                s.getSession().invalidate(); // after the ping: the tickets have arrived by then
            }
            return c;
        };
    }
}
