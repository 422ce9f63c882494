package org.tlsj.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsj.cli.common.SessionText;
import org.tlsj.cli.server.GreetingServer;
import org.tlsj.trace.Role;

/** The demo for a terminal: the steps table, the sequence diagram, the exchange and the wire. */
final class DemoText {
    private static final int[] WIDTHS = {6, 26, 34, 58};
    private static final String[] HEADINGS = {"Who", "Message", "Purpose", "What happened"};
    /** Room between the two lifelines of the diagram. */
    static final int LANE = 56;
    private static final int WIRE_SHOWN = 12;

    private DemoText() {
    }

    /** Prints the whole report. */
    static void print(DemoReport r, PrintWriter out) {
        DemoOptions o = r.options();
        out.println("tlsj demo: a " + o.scenario().title() + " handshake between tlsj's own client and server on this machine");
        out.println();
        out.println("  local CA     " + r.caName() + " (" + r.caFile() + ")");
        out.println("  server       " + r.url() + " with " + r.serverCertificate());
        out.println("  client       GET " + r.url() + ", trusting only the local CA"
                + o.group().map(g -> ", offering only " + g.displayName()).orElse("")
                + r.clientCertificate().map(c -> ", showing client certificate " + c).orElse(""));
        o.failure().ifPresent(f -> out.println("  --fail       " + f.cliName() + ": the server shows a bad certificate;"
                + " the client must refuse it"));
        out.println();
        out.println("The handshake, step by step:");
        table(r.steps(), out);
        out.println();
        out.println("The same handshake as a sequence diagram (times since the ClientHello, as each side logged them):");
        diagram(r, out);
        out.println();
        if (r.failure().isPresent()) {
            out.println("The client refused the connection:");
            out.println("  reason   " + r.failure().get());
            r.alert().ifPresent(a -> out.println("  alert    " + a));
        } else {
            out.println("Negotiated: " + r.session().map(SessionText::negotiated).orElse("-"));
            out.println("Request (sent encrypted):");
            r.requestHead().forEach(l -> out.println("  > " + l));
            out.println("Response (decrypted by the client): " + r.status());
            out.println("  " + r.body());
        }
        out.println();
        r.resumption().ifPresent(second -> resumption(second, r.steps().size(), out));
        wire(r, out);
        r.serverLog().forEach(l -> out.println("Server log: " + l));
        out.println(String.format(Locale.ROOT, "Server stopped. The whole demo took %.0f ms.", r.elapsedNanos() / 1e6));
        out.flush();
    }

    /** The second connection of --resume: its shorter table, and whether it was resumed. */
    static void resumption(DemoReport.Resumption second, int fullSteps, PrintWriter out) {
        out.println("Connection 2: the client connects again, offering the session ticket it got in connection 1:");
        table(second.steps(), out);
        if (second.failure().isPresent()) {
            out.println("Connection 2 failed: " + second.failure().get());
        } else {
            out.println("Negotiated: " + second.session().map(SessionText::withHandshake).orElse("-"));
            out.println(second.session().map(s -> s.resumed()).orElse(false)
                    ? "  resumed: no certificate, no signature: " + second.steps().size() + " steps instead of "
                            + fullSteps
                    : "  NOT resumed: the server did not accept the ticket");
            out.println("Response (decrypted by the client): " + second.status());
        }
        out.println();
    }

    /** The steps as a boxed table with wrapped cells. */
    static void table(List<DemoSteps.Step> steps, PrintWriter out) {
        String rule = rule();
        out.println(rule);
        out.println(row(List.of(List.of(HEADINGS[0]), List.of(HEADINGS[1]), List.of(HEADINGS[2]), List.of(HEADINGS[3]))));
        out.println(rule);
        for (DemoSteps.Step s : steps) {
            List<String> happened = new ArrayList<>();
            for (String h : s.happened()) {
                List<String> wrapped = wrap(h, WIDTHS[3]);
                happened.add(wrapped.getFirst());
                wrapped.subList(1, wrapped.size()).forEach(w -> happened.add("  " + w));
            }
            out.println(row(List.of(wrap(s.who(), WIDTHS[0]), wrap(s.message(), WIDTHS[1]), wrap(s.purpose(), WIDTHS[2]),
                    rewrap(happened, WIDTHS[3]))));
            out.println(rule);
        }
    }

    /** The diagram: Client and Server lifelines, arrows for what travels, notes for each side's work. */
    static void diagram(DemoReport r, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%10s   %-" + (LANE + 2) + "s", "", "Client" + " ".repeat(LANE - 10) + "Server"));
        for (DemoReport.DiagramEntry e : r.diagram()) {
            String time = String.format(Locale.ROOT, "%8.1fms", e.nanos() / 1e6);
            out.println(time + "   |" + lane(e) + "|");
        }
        if (r.failure().isEmpty() && r.session().isPresent()) {
            out.println(" ".repeat(13) + "|" + center("<==== encrypted application data ====>", LANE) + "|");
        }
    }

    private static String lane(DemoReport.DiagramEntry e) {
        String label = e.label().length() > LANE - 10 ? e.label().substring(0, LANE - 13) + "..." : e.label();
        if (e.arrow()) {
            int dashes = LANE - label.length() - 8;
            return e.side() == Role.CLIENT ? "--- " + label + " " + "-".repeat(dashes) + "-->"
                    : "<--" + "-".repeat(dashes) + " " + label + " ---";
        }
        String note = "* " + label;
        return e.side() == Role.CLIENT ? " " + note + " ".repeat(LANE - note.length() - 1)
                : " ".repeat(LANE - label.length() - 3) + label + " * ";
    }

    /** What an eavesdropper on loopback saw: record types, lengths and first bytes, but no content. */
    static void wire(DemoReport r, PrintWriter out) {
        out.println("What an eavesdropper on the wire saw (the client's TCP bytes, cut into TLS records):");
        int shown = 0;
        for (WireTap.WireRecord w : r.wire()) {
            if (shown++ == WIRE_SHOWN) {
                out.println("  ... " + (r.wire().size() - WIRE_SHOWN) + " more records");
                break;
            }
            out.println(String.format(Locale.ROOT, "  %s  %-18s %5d bytes  %s ...%s",
                    w.from() == Role.CLIENT ? "C -> S" : "C <- S", w.typeName(), w.length(), w.firstBytes(),
                    w.encrypted() ? "  (encrypted)" : ""));
        }
        out.println(r.options().scenario() == DemoOptions.Scenario.TLS13
                ? "  Only the ClientHello and ServerHello travel in the clear; the rest is application_data records "
                        + "of ciphertext."
                : "  In TLS 1.2 the handshake travels in the clear up to each side's change_cipher_spec, the "
                        + "certificate included; Finished and everything after are ciphertext.");
        out.println(r.plaintextVisible() ? "  WARNING: the request or the response text appeared in the clear."
                : "  Neither the request line nor '" + GreetingServer.BODY + "' appears anywhere in these bytes.");
        out.println();
    }

    private static String rule() {
        StringBuilder sb = new StringBuilder("+");
        for (int w : WIDTHS) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String row(List<List<String>> cells) {
        int height = cells.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < height; line++) {
            if (line > 0) {
                sb.append('\n');
            }
            sb.append('|');
            for (int c = 0; c < WIDTHS.length; c++) {
                String text = line < cells.get(c).size() ? cells.get(c).get(line) : "";
                sb.append(' ').append(text).append(" ".repeat(WIDTHS[c] - text.length())).append(" |");
            }
        }
        return sb.toString();
    }

    private static List<String> rewrap(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(l.length() <= width ? List.of(l) : wrap(l, width));
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** Word-wraps {@code text} to {@code width}, breaking words longer than a line. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
    }
}
