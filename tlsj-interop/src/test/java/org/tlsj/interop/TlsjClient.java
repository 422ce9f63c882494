package org.tlsj.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.tlsj.ClientConfig;
import org.tlsj.SessionInfo;
import org.tlsj.io.TlsSocket;

/** Our client for server peers: one HTTP/1.0 GET over {@link TlsSocket}, read to close_notify. */
final class TlsjClient {
    /** Bounds the connect, the handshake and each read. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TlsjClient() {
    }

    /**
     * What came back.
     *
     * @param session what our client negotiated
     * @param body the whole response, head included
     */
    record Response(SessionInfo session, String body) {}

    /** Connects to 127.0.0.1:{@code port} as "localhost", sends {@code GET /} and reads to the end. */
    static Response get(int port, ClientConfig config) throws IOException {
        try (TlsSocket s = TlsSocket.connect("127.0.0.1", port, config, "localhost", TIMEOUT, TIMEOUT)) {
            s.getOutputStream().write("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String body = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Response(s.session(), body);
        }
    }
}
