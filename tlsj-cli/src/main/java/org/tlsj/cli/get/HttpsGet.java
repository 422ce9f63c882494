package org.tlsj.cli.get;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.SessionInfo;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.DurationConverter;
import org.tlsj.cli.common.Failures;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.common.VersionProvider;
import org.tlsj.io.TlsSocket;

/**
 * One HTTPS request over a {@link TlsSocket}: the client half of {@code tlsj demo}, which records the bytes on
 * the wire through its own sockets. {@code tlsj get} uses {@link JdkGet} ({@code java.net.http.HttpClient}) and
 * shares the {@link Target}, {@link Request} and {@link Observer} types from here.
 */
public final class HttpsGet {
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
    public record Target(String connectHost, String serverName, int port, String path) {
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

        /** The URL to fetch: {@code https://}, the connect host, the port unless 443, and the path. */
        URI uri() {
            String h = connectHost.indexOf(':') >= 0 ? "[" + connectHost + "]" : connectHost;
            return URI.create("https://" + h + (port == 443 ? "" : ":" + port) + path);
        }

        /** The Host header value. */
        String hostHeader() {
            String h = serverName.indexOf(':') >= 0 ? "[" + serverName + "]" : serverName;
            return port == 443 ? h : h + ":" + port;
        }
    }

    /**
     * What to send: a GET, or a POST with a body.
     *
     * @param method {@code GET} or {@code POST}
     * @param contentType the body's media type; empty for no body
     * @param body the body as UTF-8 text (JSON is UTF-8); empty for none
     */
    public record Request(String method, String contentType, String body) {
        /** A plain GET. */
        public static final Request GET = new Request("GET", "", "");

        /** A POST of a JSON text. */
        public static Request postJson(String json) {
            return new Request("POST", "application/json", json);
        }
    }

    /** Told about each stage of an exchange, for {@code -v} and the demo. Every method does nothing by default. */
    public interface Observer {
        /** The TCP connection is open. */
        default void connected(String host, InetSocketAddress address) {
        }

        /** The handshake is done; the request goes out next. */
        default void session(SessionInfo session) {
        }

        /** The request's start line and headers, as sent. */
        default void requestHead(List<String> lines) {
        }

        /** The response's status line and headers, as received. */
        default void responseHead(List<String> lines) {
        }
    }

    /**
     * Connects, handshakes, sends a GET and reads the whole response.
     *
     * @param target where and what
     * @param config the client TLS settings
     * @param timeout bounds the connect, the handshake, and each wait for response bytes
     * @param onSession told what the handshake negotiated, before the request goes out
     * @return the response
     * @throws CliException with one plain line on any network, TLS or HTTP failure
     */
    public static Http.Response fetch(Target target, ClientConfig config, Duration timeout, Consumer<SessionInfo> onSession) {
        return exchange(target, Request.GET, config, timeout, Socket::new, new Observer() {
            @Override
            public void session(SessionInfo session) {
                onSession.accept(session);
            }
        });
    }

    /**
     * Connects over a socket from {@code sockets}, handshakes, sends the request and reads the whole response.
     *
     * @param target where and what
     * @param request the method and body
     * @param config the client TLS settings
     * @param timeout bounds the connect, the handshake, and each wait for response bytes
     * @param sockets makes the unconnected TCP socket (the demo records the bytes on the wire through it)
     * @param observer told about each stage
     * @return the response
     * @throws CliException with one plain line on any network, TLS or HTTP failure
     */
    public static Http.Response exchange(Target target, Request request, ClientConfig config, Duration timeout,
            Supplier<Socket> sockets, Observer observer) {
        String peer = target.authority();
        TlsSocket socket;
        try {
            socket = open(target, config, timeout, sockets, observer);
        } catch (IOException e) {
            throw new CliException(Failures.connecting(peer, e), e);
        }
        try (socket) {
            observer.session(socket.session());
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            List<String> head = new ArrayList<>(List.of(
                    request.method() + " " + target.path() + " HTTP/1.1",
                    "Host: " + target.hostHeader(),
                    "User-Agent: tlsj/" + userAgentVersion(),
                    "Accept: */*"));
            if (!request.contentType().isEmpty()) {
                head.add("Content-Type: " + request.contentType());
                head.add("Content-Length: " + body.length);
            }
            head.add("Connection: close");
            observer.requestHead(head);
            byte[] headBytes = (String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            socket.getOutputStream().write(all);
            Http.Response response = Http.readResponse(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
            observer.responseHead(response.head());
            return response;
        } catch (IOException e) {
            throw new CliException("connection to " + peer + " failed: " + Failures.describe(e), e);
        }
    }

    private static TlsSocket open(Target target, ClientConfig config, Duration timeout, Supplier<Socket> sockets,
            Observer observer) throws IOException {
        InetSocketAddress address = new InetSocketAddress(target.connectHost(), target.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException(target.connectHost());
        }
        Socket s = sockets.get();
        try {
            try {
                s.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("connecting to " + target.authority() + " timed out after "
                        + DurationConverter.format(timeout));
            }
            s.setTcpNoDelay(true);
            observer.connected(target.connectHost(), address);
            TlsSocket t = TlsSocket.client(s, ClientConnection.start(config, target.serverName()), timeout, timeout);
            t.handshake();
            return t;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static String userAgentVersion() {
        try {
            return VersionProvider.version().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
