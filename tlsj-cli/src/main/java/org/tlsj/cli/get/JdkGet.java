package org.tlsj.cli.get;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.tlsj.ClientConfig;
import org.tlsj.TlsException;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.DurationConverter;
import org.tlsj.cli.common.Failures;
import org.tlsj.cli.common.Http;
import org.tlsj.jsse.TlsjContexts;

/**
 * {@code tlsj get}'s request: the JDK's {@code java.net.http.HttpClient} (HTTP/1.1) on a TLSJ
 * {@code SSLContext} made from the client config. One new client, so one new connection, per call; calls
 * with the same context share its session cache, so later connections resume.
 */
final class JdkGet {
    private JdkGet() {
    }

    /** The context for {@code config}: make it once and pass it to every {@link #exchange}. */
    static SSLContext context(ClientConfig config) {
        return TlsjContexts.client(config);
    }

    /**
     * Opens a new connection, sends the request and reads the whole response; then tells the observer about
     * each stage in order (connection, session, request head, response head).
     *
     * @param target where and what
     * @param request the method and body
     * @param context the TLSJ context (its session cache carries over between calls)
     * @param timeout bounds the connect, and everything up to the end of the response headers
     * @param observer told about each stage
     * @return the response
     * @throws CliException with one plain line on any network, TLS or HTTP failure
     */
    static Http.Response exchange(HttpsGet.Target target, HttpsGet.Request request, SSLContext context,
            Duration timeout, HttpsGet.Observer observer) {
        String peer = target.authority();
        HttpRequest.Builder rb = HttpRequest.newBuilder(target.uri()).timeout(timeout)
                .header("User-Agent", "tlsj/" + HttpsGet.userAgentVersion())
                .header("Accept", "*/*");
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        if (request.contentType().isEmpty()) {
            rb.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            rb.header("Content-Type", request.contentType())
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpRequest httpRequest = rb.build();
        // The host name is checked once, by the config's verifier; "HTTPS" makes the engine hand it the host
        // even when no SNI is sent (an IP address).
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        try (HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<InputStream> r = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            byte[] content;
            try (InputStream in = r.body()) {
                content = in.readNBytes(Http.MAX_BODY + 1);
            }
            if (content.length > Http.MAX_BODY) {
                throw new CliException("the response body from " + peer + " is more than tlsj get keeps ("
                        + Http.MAX_BODY + " bytes)");
            }
            InetAddress address = InetAddress.getByName(target.connectHost());
            observer.connected(target.connectHost(), new InetSocketAddress(address, target.port()));
            r.sslSession().flatMap(TlsjContexts::sessionInfo).ifPresent(observer::session);
            observer.requestHead(requestHead(target, httpRequest, body.length));
            List<String> head = responseHead(r);
            observer.responseHead(head);
            return new Http.Response(r.statusCode(), reason(r.statusCode()), head, content);
        } catch (IOException e) {
            throw new CliException(describe(peer, timeout, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while fetching from " + peer, e);
        }
    }

    /** The request head as HttpClient sends it: request line, Host, then the headers set here. */
    private static List<String> requestHead(HttpsGet.Target target, HttpRequest request, int bodyLength) {
        List<String> head = new ArrayList<>();
        head.add(request.method() + " " + target.path() + " HTTP/1.1");
        head.add("Host: " + target.hostHeader());
        request.headers().map().forEach((name, values) -> values.forEach(v -> head.add(name + ": " + v)));
        if (request.bodyPublisher().map(p -> p.contentLength() > 0).orElse(false)) {
            head.add("Content-Length: " + bodyLength);
        }
        return head;
    }

    /** The status line and headers, sorted by name (HttpClient gives names in lower case: shown as Content-Type). */
    private static List<String> responseHead(HttpResponse<?> r) {
        List<String> head = new ArrayList<>();
        head.add((r.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1") + " " + r.statusCode() + " "
                + reason(r.statusCode()));
        for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
            if (!e.getKey().startsWith(":")) {
                e.getValue().forEach(v -> head.add(headerName(e.getKey()) + ": " + v));
            }
        }
        return head;
    }

    /** {@code content-type} as {@code Content-Type}. */
    static String headerName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return sb.toString();
    }

    /** The standard reason phrase (HttpClient does not keep the server's). */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    /** One line for a failure of HttpClient, naming the cause (the tlsj alert, if TLS failed). */
    static String describe(String peer, Duration timeout, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TlsException tls) {
                return "TLS handshake with " + peer + " failed: " + Failures.describe(tls);
            }
        }
        return switch (e) {
            case HttpConnectTimeoutException t -> "connecting to " + peer + " timed out after " + DurationConverter.format(timeout);
            case HttpTimeoutException t -> "no answer from " + peer + " within " + DurationConverter.format(timeout);
            case ConnectException c when rootCause(c) instanceof UnknownHostException u ->
                    "cannot connect to " + peer + ": unknown host " + u.getMessage();
            case UnknownHostException u -> "cannot connect to " + peer + ": unknown host " + u.getMessage();
            case ConnectException c -> "cannot connect to " + peer + ": " + connectFailure(c);
            case SSLHandshakeException h -> "TLS handshake with " + peer + " failed: " + Failures.describe(h);
            case EOFException eof -> "connection to " + peer + " failed: the server closed the connection early";
            default -> "connection to " + peer + " failed: " + Failures.describe(e);
        };
    }

    private static String connectFailure(ConnectException c) {
        for (Throwable t = c; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return Failures.lowerFirst(t.getMessage());
            }
        }
        return "connection refused";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }
}
