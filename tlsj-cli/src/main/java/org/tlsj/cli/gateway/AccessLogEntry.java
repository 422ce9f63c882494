package org.tlsj.cli.gateway;

import java.time.Instant;
import java.util.Optional;
import org.tlsj.SessionInfo;

/**
 * One connection through the gateway, logged when it ends: one line, fields in a fixed order, {@code -} for
 * what is not known (for example the TLS parameters of a failed handshake).
 *
 * @param start when the TCP connection was accepted
 * @param id the connection number, from 1
 * @param client the client's address and port
 * @param session what the client's handshake negotiated, if it completed
 * @param upstream where the connection went, if anywhere
 * @param bytesUp plaintext bytes from the client to the upstream
 * @param bytesDown plaintext bytes from the upstream to the client
 * @param durationNanos how long the connection lasted
 * @param outcome how it ended, in plain words ({@code closed}, {@code idle timeout after 30s}, ...)
 */
public record AccessLogEntry(Instant start, long id, String client, Optional<SessionInfo> session,
                             Optional<HostPort> upstream, long bytesUp, long bytesDown, long durationNanos,
                             String outcome) {
    /**
     * The log line, for example {@code 2026-06-01T12:00:00.123Z #7 127.0.0.1:50412 sni=api.example.com
     * TLSv1.3 TLS_AES_128_GCM_SHA256 X25519MLKEM768 client="CN=alice" upstream=127.0.0.1:8080 up=78B
     * down=1024B 12.5ms closed}.
     */
    public String line() {
        StringBuilder b = new StringBuilder(160);
        Timestamps.append(b, start);
        b.append(" #").append(id).append(' ').append(client).append(' ');
        if (session.isPresent()) {
            SessionInfo s = session.get();
            b.append("sni=").append(s.serverName().map(AccessLogEntry::printable).orElse("-"))
                    .append(' ').append(s.summary()).append(" client=");
            if (s.peerIdentity().isPresent()) {
                b.append('"').append(printable(s.peerIdentity().get())).append('"');
            } else {
                b.append('-');
            }
        } else {
            b.append("sni=- tls=- client=-");
        }
        b.append(" upstream=");
        if (upstream.isPresent()) {
            b.append(upstream.get());
        } else {
            b.append('-');
        }
        b.append(" up=").append(bytesUp).append("B down=").append(bytesDown).append("B ");
        long tenths = Math.round(durationNanos / 1e5); // milliseconds to one decimal, as "%.1f" rounds
        return b.append(tenths / 10).append('.').append(tenths % 10).append("ms ").append(outcome).toString();
    }

    /** The text with quotes escaped and control characters replaced, so one entry stays one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }
}
