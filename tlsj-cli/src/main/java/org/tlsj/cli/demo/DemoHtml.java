package org.tlsj.cli.demo;

import java.util.List;
import java.util.Locale;
import org.tlsj.cli.common.SessionText;
import org.tlsj.trace.Role;

/** {@code tlsj demo --format html}: one self-contained page (inline CSS, inline SVG, no scripts, no fetches). */
final class DemoHtml {
    private static final int CLIENT_X = 150;
    private static final int SERVER_X = 750;
    private static final int ROW = 34;
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            th,td{border:1px solid #bbb;padding:.4em;vertical-align:top;text-align:left}
            th{background:#eef}td.who{font-weight:bold;white-space:nowrap}
            td ul{margin:0;padding-left:1.2em}code,pre{font-family:ui-monospace,monospace;font-size:.9em}
            .failed{color:#b00;font-weight:bold}.ok{color:#070}
            pre{background:#f6f6f6;padding:.8em;overflow-x:auto}
            svg text{font-family:system-ui,sans-serif;font-size:13px}
            """;

    private DemoHtml() {
    }

    /** The report as an HTML page. */
    static String render(DemoReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>tlsj demo: ").append(esc(r.options().scenario().title())).append(" handshake</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>tlsj demo: a ").append(esc(r.options().scenario().title()))
                .append(" handshake between tlsj's own client and server</h1>\n<ul>\n")
                .append("<li>Local CA: <code>").append(esc(r.caName())).append("</code></li>\n")
                .append("<li>Server: <code>").append(esc(r.url())).append("</code> with ")
                .append(esc(r.serverCertificate())).append("</li>\n");
        r.clientCertificate().ifPresent(c -> h.append("<li>Client certificate: <code>").append(esc(c)).append("</code></li>\n"));
        h.append("</ul>\n");
        if (r.failure().isPresent()) {
            h.append("<p class=\"failed\" id=\"failure\">The client refused the connection: ")
                    .append(esc(r.failure().get())).append(r.alert().map(a -> " &mdash; alert: " + esc(a)).orElse(""))
                    .append("</p>\n");
        }
        h.append("<h2>The handshake, step by step</h2>\n");
        steps(h, "steps", r.steps());
        h.append("<h2>Sequence diagram</h2>\n").append(svg(r.diagram(), r.failure().isEmpty() && r.session().isPresent()));
        if (r.failure().isEmpty()) {
            h.append("<h2>The request and the decrypted response</h2>\n<pre>");
            r.requestHead().forEach(l -> h.append("&gt; ").append(esc(l)).append('\n'));
            h.append("\n").append(r.status()).append('\n').append(esc(r.body())).append("</pre>\n");
        }
        r.resumption().ifPresent(second -> {
            h.append("<h2>Connection 2: resuming with the ticket from connection 1</h2>\n");
            steps(h, "resumed-steps", second.steps());
            h.append("<p id=\"resumed\">").append(second.failure().map(f -> "<span class=\"failed\">Failed: "
                    + esc(f) + "</span>").orElse(esc(second.session().map(SessionText::withHandshake).orElse("-"))))
                    .append("</p>\n");
        });
        h.append("<h2>What an eavesdropper saw</h2>\n<table id=\"wire\"><thead><tr><th>Direction</th><th>Record</th>")
                .append("<th>Bytes</th><th>First bytes on the wire</th></tr></thead>\n<tbody>\n");
        for (WireTap.WireRecord w : r.wire()) {
            h.append("<tr><td>").append(w.from() == Role.CLIENT ? "client &rarr; server" : "server &rarr; client")
                    .append("</td><td>").append(esc(w.typeName())).append(w.encrypted() ? " (encrypted)" : "")
                    .append("</td><td>").append(w.length()).append("</td><td><code>").append(esc(w.firstBytes()))
                    .append(" &hellip;</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p>").append(r.plaintextVisible()
                ? "<span class=\"failed\">The request or the response appeared in the clear.</span>"
                : "Neither the request line nor the greeting appears anywhere in these bytes.").append("</p>\n");
        h.append("<p>Took ").append(String.format(Locale.ROOT, "%.0f", r.elapsedNanos() / 1e6)).append(" ms.</p>\n");
        h.append("</body>\n</html>");
        return h.toString();
    }

    private static void steps(StringBuilder h, String id, List<DemoSteps.Step> steps) {
        h.append("<table id=\"").append(id).append("\">\n<thead><tr><th>Who</th><th>Message</th>")
                .append("<th>Purpose</th><th>What happened</th></tr></thead>\n<tbody>\n");
        for (DemoSteps.Step s : steps) {
            h.append("<tr><td class=\"who\">").append(esc(s.who())).append("</td><td>").append(esc(s.message()))
                    .append("</td><td>").append(esc(s.purpose())).append("</td><td><ul>");
            for (String line : s.happened()) {
                h.append("<li").append(line.startsWith("FAILED") ? " class=\"failed\"" : "").append(">")
                        .append(esc(line)).append("</li>");
            }
            h.append("</ul></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String svg(List<DemoReport.DiagramEntry> entries, boolean secure) {
        int height = ROW * (entries.size() + (secure ? 3 : 2));
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"").append(height)
                .append("\" viewBox=\"0 0 900 ").append(height).append("\" role=\"img\" aria-label=\"sequence diagram\">\n")
                .append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"10\" refY=\"4\" ")
                .append("orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#336\"/></marker></defs>\n")
                .append(text(CLIENT_X, 20, "middle", "bold", "Client"))
                .append(text(SERVER_X, 20, "middle", "bold", "Server"))
                .append(line(CLIENT_X, 28, CLIENT_X, height - 4, "#999", false))
                .append(line(SERVER_X, 28, SERVER_X, height - 4, "#999", false));
        int y = 28 + ROW;
        for (DemoReport.DiagramEntry e : entries) {
            s.append(text(8, y + 4, "start", "normal", String.format(Locale.ROOT, "%.1f ms", e.nanos() / 1e6)));
            if (e.arrow()) {
                boolean right = e.side() == Role.CLIENT;
                s.append(line(right ? CLIENT_X : SERVER_X, y, right ? SERVER_X : CLIENT_X, y,
                        e.label().startsWith("Alert") ? "#b00" : "#336", true));
                s.append(text((CLIENT_X + SERVER_X) / 2, y - 6, "middle", "normal", e.label()));
            } else if (e.side() == Role.CLIENT) {
                s.append(text(CLIENT_X + 8, y + 4, "start", "normal", "\u2022 " + e.label()));
            } else {
                s.append(text(SERVER_X - 8, y + 4, "end", "normal", e.label() + " \u2022"));
            }
            y += ROW;
        }
        if (secure) {
            s.append(line(CLIENT_X, y, SERVER_X, y, "#070", false))
                    .append(text((CLIENT_X + SERVER_X) / 2, y - 6, "middle", "bold", "encrypted application data"));
        }
        return s.append("</svg>\n").toString();
    }

    private static String text(int x, int y, String anchor, String weight, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-weight=\"" + weight + "\">"
                + esc(content) + "</text>\n";
    }

    private static String line(int x1, int y1, int x2, int y2, String colour, boolean arrow) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + colour
                + "\" stroke-width=\"" + (arrow ? 2 : 1) + "\"" + (arrow ? " marker-end=\"url(#arrow)\"" : "") + "/>\n";
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
