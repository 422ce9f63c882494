package org.tlsj.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.tlsj.ClientConfig;
import org.tlsj.SessionInfo;
import org.tlsj.io.TlsSocket;

/** One HTTPS GET over a {@link TlsSocket}: the client half of {@code tlsj get} and {@code tlsj demo}. */
final class HttpsGet {
    private HttpsGet() {
    }

    /**
     * Where to connect and what to ask for.
     *
     * @param connectHost the host or address to open the TCP connection to
     * @param serverName the name for SNI and certificate checking (an IP literal is checked, not sent)
     * @param port the TCP port
     * @param path the request target, starting with {@code /}
     */
    record Target(String connectHost, String serverName, int port, String path) {
        /** Parses an https URL; a URL without a scheme is taken as https. */
        static Target parse(String url) {
            String text = url.contains("://") ? url : "https://" + url;
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new CliException("'" + url + "' is not a URL");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new CliException("only https:// URLs are supported, not " + uri.getScheme() + "://");
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                throw new CliException("'" + url + "' has no host name");
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            return new Target(host, host, uri.getPort() < 0 ? 443 : uri.getPort(), path);
        }

        /** {@code host:port} for messages. */
        String authority() {
            return (serverName.indexOf(':') >= 0 ? "[" + serverName + "]" : serverName) + ":" + port;
        }

        /** The Host header value. */
        String hostHeader() {
            String h = serverName.indexOf(':') >= 0 ? "[" + serverName + "]" : serverName;
            return port == 443 ? h : h + ":" + port;
        }
    }

    /**
     * Connects, handshakes, sends the GET and reads the whole response.
     *
     * @param target where and what
     * @param config the client TLS settings
     * @param timeout bounds the connect, the handshake, and each wait for response bytes
     * @param onSession told what the handshake negotiated, before the request goes out
     * @return the response
     * @throws CliException with one plain line on any network, TLS or HTTP failure
     */
    static Http.Response fetch(Target target, ClientConfig config, Duration timeout, Consumer<SessionInfo> onSession) {
        String peer = target.authority();
        TlsSocket socket;
        try {
            socket = TlsSocket.connect(target.connectHost(), target.port(), config, target.serverName(), timeout, timeout);
        } catch (IOException e) {
            throw new CliException(Failures.connecting(peer, e), e);
        }
        try (socket) {
            onSession.accept(socket.session());
            String request = "GET " + target.path() + " HTTP/1.1\r\n"
                    + "Host: " + target.hostHeader() + "\r\n"
                    + "User-Agent: tlsj/" + userAgentVersion() + "\r\n"
                    + "Accept: */*\r\n"
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return Http.readResponse(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        } catch (IOException e) {
            throw new CliException("connection to " + peer + " failed: " + Failures.describe(e), e);
        }
    }

    private static String userAgentVersion() {
        try {
            return VersionProvider.version().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
