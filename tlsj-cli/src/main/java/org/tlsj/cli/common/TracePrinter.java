package org.tlsj.cli.common;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;
import org.tlsj.trace.TraceListener;

/**
 * Prints handshake events as they happen, one line per step and an indented line per detail:
 * <pre>
 *   +0.3ms  C -&gt; S  ClientHello
 *                    cipher_suites: TLS_AES_128_GCM_SHA256, ...
 *   +4.1ms  C &lt;- S  ServerHello
 *   +4.2ms  keys    handshake traffic keys
 * </pre>
 * Messages and alerts show which way they went; keys, checks and notes show their kind.
 */
public final class TracePrinter implements TraceListener {
    private static final String DETAIL_INDENT = " ".repeat(20);

    private final PrintWriter out;
    private final Supplier<String> prefix;
    private final long start = System.nanoTime();

    /**
     * A printer.
     *
     * @param out where to print
     * @param prefix put before every line, for example a connection number; may return ""
     */
    public TracePrinter(PrintWriter out, Supplier<String> prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void onEvent(HandshakeEvent event) {
        String p = prefix.get();
        StringBuilder sb = new StringBuilder();
        sb.append(p).append(String.format(Locale.ROOT, "%8s  %-6s  ", elapsed(), column(event)));
        sb.append(event.kind() == HandshakeEvent.Kind.ALERT ? "alert " + event.title() : event.title());
        for (HandshakeEvent.Detail d : event.details()) {
            sb.append('\n').append(p).append(DETAIL_INDENT).append(d.name()).append(": ").append(d.value());
        }
        out.println(sb);
        out.flush();
    }

    private String elapsed() {
        double ms = (System.nanoTime() - start) / 1e6;
        return String.format(Locale.ROOT, "+%.1fms", ms);
    }

    /** "C -> S" or "C <- S" for what travels; the kind for the rest. */
    static String column(HandshakeEvent event) {
        return switch (event.kind()) {
            case MESSAGE, ALERT -> event.from() == Role.CLIENT ? "C -> S" : "C <- S";
            case KEYS -> "keys";
            case CHECK -> "check";
            case INFO -> "note";
        };
    }
}
