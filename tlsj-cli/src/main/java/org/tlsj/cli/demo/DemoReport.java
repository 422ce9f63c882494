package org.tlsj.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsj.SessionInfo;
import org.tlsj.trace.HandshakeEvent.Kind;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/**
 * Everything one demo run showed, for the text, JSON and HTML renderers.
 *
 * @param options what was asked
 * @param url the URL fetched
 * @param caFile the local CA's certificate file
 * @param caName the local CA's subject
 * @param serverCertificate the served certificate's subject and names
 * @param clientCertificate the client certificate's subject, with --mtls
 * @param steps the table's rows
 * @param diagram the sequence diagram's entries, in time order
 * @param session what was negotiated, if the handshake finished
 * @param requestHead the request's start line and headers, if it was sent
 * @param status the response status, 0 if none
 * @param body the response body, empty if none
 * @param failure the client's one-line reason, if it failed
 * @param alert the alert that ended the handshake, if one did ("client sent certificate_expired")
 * @param wire the TLS records an eavesdropper saw
 * @param plaintextVisible whether the request or the greeting appeared in the clear on the wire
 * @param serverLog the server's log lines
 * @param elapsedNanos how long the run took
 * @param resumption the second, resumed connection, with --resume (when the first one worked)
 */
record DemoReport(DemoOptions options, String url, Path caFile, String caName, String serverCertificate,
                  Optional<String> clientCertificate, List<DemoSteps.Step> steps, List<DiagramEntry> diagram,
                  Optional<SessionInfo> session, List<String> requestHead, int status, String body,
                  Optional<String> failure, Optional<String> alert, List<WireTap.WireRecord> wire,
                  boolean plaintextVisible, List<String> serverLog, long elapsedNanos,
                  Optional<Resumption> resumption) {

    /** Copies the lists. */
    DemoReport {
        steps = List.copyOf(steps);
        diagram = List.copyOf(diagram);
        requestHead = List.copyOf(requestHead);
        wire = List.copyOf(wire);
        serverLog = List.copyOf(serverLog);
    }

    /** Whether the exchange worked (a 2xx response and no failure), and the second one resumed, if asked for. */
    boolean ok() {
        return failure.isEmpty() && status >= 200 && status < 300 && resumption.map(Resumption::ok).orElse(true);
    }

    /**
     * The second connection of {@code --resume}.
     *
     * @param steps its table's rows
     * @param session what it negotiated, if its handshake finished
     * @param status its response status, 0 if none
     * @param failure the client's one-line reason, if it failed
     */
    record Resumption(List<DemoSteps.Step> steps, Optional<SessionInfo> session, int status, Optional<String> failure) {
        /** Copies the rows. */
        Resumption {
            steps = List.copyOf(steps);
        }

        /** Whether it worked and was really resumed. */
        boolean ok() {
            return failure.isEmpty() && status >= 200 && status < 300 && session.map(SessionInfo::resumed).orElse(false);
        }
    }

    /**
     * One line of the sequence diagram.
     *
     * @param nanos when (from the first event)
     * @param arrow whether it travels between the two (a message or an alert); else a note on one side
     * @param side who sent it (arrow) or where it happened (note)
     * @param label what to write
     */
    record DiagramEntry(long nanos, boolean arrow, Role side, String label) {
    }

    /** The diagram from both sides' events: the client's view of every message, and each side's own work. */
    static List<DiagramEntry> diagram(List<HandshakeEvent> client, List<HandshakeEvent> server) {
        List<DiagramEntry> entries = new ArrayList<>();
        long t0 = client.isEmpty() ? 0 : client.getFirst().nanos();
        for (HandshakeEvent e : client) {
            switch (e.kind()) {
                case MESSAGE -> entries.add(new DiagramEntry(e.nanos() - t0, true, e.from(), DemoSteps12.name(e.title())));
                case ALERT -> entries.add(new DiagramEntry(e.nanos() - t0, true, e.from(), e.title()));
                case KEYS -> entries.add(new DiagramEntry(e.nanos() - t0, false, Role.CLIENT, e.title().toLowerCase(
                        java.util.Locale.ROOT) + " derived"));
                case CHECK -> entries.add(new DiagramEntry(e.nanos() - t0, false, Role.CLIENT, e.title() + ": "
                        + verdict(e)));
                case INFO -> { }
            }
        }
        for (HandshakeEvent e : server) {
            if (e.kind() == Kind.CHECK) {
                entries.add(new DiagramEntry(e.nanos() - t0, false, Role.SERVER, e.title() + ": " + verdict(e)));
            }
        }
        entries.sort(java.util.Comparator.comparingLong(DiagramEntry::nanos));
        return entries;
    }

    private static String verdict(HandshakeEvent check) {
        return check.details().stream().anyMatch(d -> d.value().startsWith("FAILED")) ? "FAILED" : "ok";
    }
}
