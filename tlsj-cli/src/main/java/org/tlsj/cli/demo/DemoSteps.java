package org.tlsj.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsj.SessionInfo;
import org.tlsj.cli.common.SessionText;
import org.tlsj.trace.HandshakeEvent.Kind;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/**
 * Turns the recorded events into the rows of the demo's table: one row per step, with what really happened.
 * The client's events give the order; the server's own checks (mutual TLS) are slotted in after the message
 * they check. The Purpose column is fixed prose per kind of step.
 */
final class DemoSteps {
    /**
     * One row.
     *
     * @param who Client, Server or Both
     * @param message the step's name
     * @param purpose why the step exists
     * @param happened what happened in this run, one line each
     * @param nanos when it happened ({@link System#nanoTime()})
     */
    record Step(String who, String message, String purpose, List<String> happened, long nanos) {
        /** Copies the lines. */
        Step {
            happened = List.copyOf(happened);
        }
    }

    private DemoSteps() {
    }

    /**
     * The rows for one run.
     *
     * @param client the client's events
     * @param server the server's events
     * @param session what was negotiated, if the handshake finished
     * @param secrets traffic secrets by NSS label; empty unless --show-secrets
     */
    static List<Step> build(List<HandshakeEvent> client, List<HandshakeEvent> server, Optional<SessionInfo> session,
            Map<String, String> secrets) {
        List<Step> rows = new ArrayList<>();
        HandshakeEvent clientHello = null;
        HandshakeEvent serverHello = null;
        for (int i = 0; i < client.size(); i++) {
            HandshakeEvent e = client.get(i);
            switch (e.kind()) {
                case MESSAGE -> {
                    if (e.title().equals("ClientHello")) {
                        clientHello = e;
                    } else if (e.title().equals("ServerHello")) {
                        serverHello = e;
                    }
                    rows.add(messageRow(e, client, server));
                    if (e.title().equals("Certificate") && e.from() == Role.CLIENT) {
                        find(server, "Verify client certificate").ifPresent(c -> rows.add(checkRow(c)));
                    }
                }
                case KEYS -> {
                    if (e.title().equals("Handshake keys")) {
                        rows.add(keyExchangeRow(e, clientHello, serverHello));
                    }
                    rows.add(keysRow(e, secrets));
                }
                case CHECK -> {
                    if (!foldedIntoMessage(e.title())) {
                        rows.add(checkRow(e));
                    }
                }
                case ALERT -> {
                    if (!isCloseNotify(e)) {
                        rows.add(new Step(e.from().title(), e.title(), purpose("Alert"), lines(e), e.nanos()));
                    }
                }
                case INFO -> { }
            }
        }
        session.ifPresent(s -> rows.add(new Step("Both", "Secure communication begins", purpose("Secure"),
                secureLines(s, server), client.isEmpty() ? System.nanoTime() : client.getLast().nanos())));
        return rows;
    }

    private static Step messageRow(HandshakeEvent e, List<HandshakeEvent> client, List<HandshakeEvent> server) {
        List<String> happened = lines(e);
        String name = e.title();
        String purposeKey = name + (e.from() == Role.CLIENT ? "/client" : "/server");
        switch (name) {
            case "CertificateVerify" -> {
                String check = e.from() == Role.SERVER ? "Verify CertificateVerify" : "Verify client CertificateVerify";
                (e.from() == Role.SERVER ? find(client, check) : find(server, check))
                        .ifPresent(c -> happened.addAll(checked(c, e.from().peer())));
            }
            case "Finished" -> {
                String check = e.from() == Role.SERVER ? "Verify server Finished" : "Verify client Finished";
                (e.from() == Role.SERVER ? find(client, check) : find(server, check))
                        .ifPresent(c -> happened.addAll(checked(c, e.from().peer())));
            }
            default -> { }
        }
        return new Step(e.from().title(), name, purpose(purposeKey), happened, e.nanos());
    }

    private static boolean foldedIntoMessage(String checkTitle) {
        return checkTitle.equals("Verify CertificateVerify") || checkTitle.equals("Verify server Finished");
    }

    private static Step checkRow(HandshakeEvent e) {
        return new Step(e.from().title(), e.title(), purpose(e.title()), lines(e), e.nanos());
    }

    private static Step keyExchangeRow(HandshakeEvent keys, HandshakeEvent clientHello, HandshakeEvent serverHello) {
        List<String> happened = new ArrayList<>();
        String group = "";
        if (clientHello != null) {
            happened.add("client key shares: " + clientHello.detail("key_shares"));
        }
        if (serverHello != null) {
            String share = serverHello.detail("key_share");
            happened.add("server key share: " + share);
            group = share.contains(" ") ? share.substring(0, share.indexOf(' ')) : share;
        }
        happened.add(keys.detail("key_exchange"));
        String layout = shareLayout(group);
        boolean kem = !layout.isEmpty();
        if (kem) {
            happened.add(layout);
        }
        String kind = group.startsWith("MLKEM") ? "ML-KEM " : kem ? "hybrid " : "ECDHE ";
        return new Step("Both", "Key exchange (" + kind + group + ")", purpose(kem ? "KeyExchange/" + group
                : "KeyExchange"), happened, keys.nanos());
    }

    /** What the two shares of an ML-KEM group hold, in its order; empty for an ECDHE group. */
    private static String shareLayout(String group) {
        return switch (group) {
            case "X25519MLKEM768" -> "the client's share is an ML-KEM-768 encapsulation key plus an X25519 public key; "
                    + "the server's is an ML-KEM ciphertext plus its X25519 public key";
            case "SecP256r1MLKEM768" -> "the client's share is a P-256 public key plus an ML-KEM-768 encapsulation "
                    + "key; the server's is its P-256 public key plus an ML-KEM ciphertext (curve part first here)";
            case "SecP384r1MLKEM1024" -> "the client's share is a P-384 public key plus an ML-KEM-1024 encapsulation "
                    + "key; the server's is its P-384 public key plus an ML-KEM ciphertext (curve part first here)";
            case "MLKEM768", "MLKEM1024" -> "the client's share is an " + group.replace("MLKEM", "ML-KEM-")
                    + " encapsulation key; the server's is an ML-KEM ciphertext; no elliptic curve at all";
            default -> "";
        };
    }

    private static Step keysRow(HandshakeEvent e, Map<String, String> secrets) {
        boolean handshake = e.title().equals("Handshake keys");
        List<String> happened = new ArrayList<>();
        for (HandshakeEvent.Detail d : e.details()) {
            if (!d.name().equals("key_exchange")) {
                happened.add(d.name() + ": " + d.value());
            }
        }
        if (secrets.isEmpty()) {
            happened.add("values not shown (--show-secrets prints them)");
        } else {
            secrets.entrySet().stream()
                    .filter(s -> s.getKey().contains("HANDSHAKE") == handshake)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(s -> happened.add(s.getKey() + " = " + s.getValue()));
        }
        String title = "Generate session keys (" + (handshake ? "handshake" : "application") + ")";
        return new Step("Both", title, purpose(handshake ? "Keys/handshake" : "Keys/application"), happened, e.nanos());
    }

    /** Whether the alert is the close_notify that ends a connection after the exchange: not a handshake step. */
    static boolean isCloseNotify(HandshakeEvent alert) {
        return alert.title().endsWith("close_notify");
    }

    /** The last row's lines: what was negotiated, how the server proved itself, and what travels now. */
    static List<String> secureLines(SessionInfo s, List<HandshakeEvent> server) {
        List<String> happened = new ArrayList<>();
        if (s.resumed()) {
            happened.add(SessionText.negotiated(s) + ", resumed: no certificate was sent and nothing was signed");
            happened.add(s.version().equals(org.tlsj.ProtocolVersion.TLS13)
                    ? "the keys come from the earlier session's resumption secret and a fresh key exchange"
                    : "the keys come from the earlier session's master secret and the two fresh randoms");
        } else if (s.signatureScheme().equals(org.tlsj.SignatureScheme.NONE)) {
            happened.add(SessionText.negotiated(s) + ": the server proved its key by decrypting the pre-master secret "
                    + "(its Finished could not be right otherwise)");
        } else {
            happened.add(SessionText.negotiated(s) + ", server signed with " + s.signatureScheme().displayName());
        }
        s.serverName().ifPresent(n -> happened.add("server name (SNI): " + n));
        happened.add("the request and the response travel as encrypted application_data records");
        boolean clientChecked = server.stream().anyMatch(e -> e.title().equals("Verify client certificate"));
        if (clientChecked) {
            happened.add("mutual TLS: both sides proved who they are");
        }
        return happened;
    }

    /** The check's lines, said as who checked it. */
    private static List<String> checked(HandshakeEvent check, Role by) {
        return check.details().stream().map(d -> "checked by the " + by.title().toLowerCase(java.util.Locale.ROOT)
                + ": " + d.value()).toList();
    }

    private static List<String> lines(HandshakeEvent e) {
        List<String> out = new ArrayList<>();
        for (HandshakeEvent.Detail d : e.details()) {
            out.add(d.name().equals("check") ? d.value() : d.name() + ": " + d.value());
        }
        return out;
    }

    private static Optional<HandshakeEvent> find(List<HandshakeEvent> events, String title) {
        return events.stream().filter(e -> e.kind() == Kind.CHECK && e.title().equals(title)).findFirst();
    }

    /** Why a step exists, in a sentence. */
    static String purpose(String key) {
        return switch (key) {
            case "ClientHello/client" -> "The client opens: the TLS versions, cipher suites and key exchange groups it "
                    + "supports, key shares for its favourite groups, and a fresh random.";
            case "ServerHello/server" -> "The server picks one version, one cipher suite and one group, and answers "
                    + "with its own key share and random.";
            case "KeyExchange/X25519MLKEM768" -> "Both sides compute the same shared secret from the two key shares: "
                    + "X25519 (ECDHE) and ML-KEM-768 together, so it holds even against a future quantum computer.";
            case "KeyExchange/SecP256r1MLKEM768" -> "Both sides compute the same shared secret from the two key shares: "
                    + "P-256 (ECDHE) and ML-KEM-768 together, post-quantum and built only from FIPS-approved parts.";
            case "KeyExchange/SecP384r1MLKEM1024" -> "Both sides compute the same shared secret from the two key "
                    + "shares: P-384 (ECDHE) and ML-KEM-1024 together, the strongest hybrid, post-quantum.";
            case "KeyExchange/MLKEM768" -> "Both sides compute the same shared secret with ML-KEM-768 alone: "
                    + "post-quantum, with no classical key exchange beside it.";
            case "KeyExchange/MLKEM1024" -> "Both sides compute the same shared secret with ML-KEM-1024 alone, as "
                    + "CNSA 2.0 asks: post-quantum, with no classical key exchange beside it.";
            case "KeyExchange" -> "Both sides compute the same shared secret from the two key shares (ephemeral "
                    + "Diffie-Hellman): an eavesdropper who sees both shares cannot.";
            case "Keys/handshake" -> "The key schedule (HKDF) turns the shared secret and the transcript into "
                    + "handshake traffic keys: everything after ServerHello is encrypted.";
            case "Keys/application" -> "The key schedule derives the application traffic keys from the master secret "
                    + "and the whole handshake transcript.";
            case "EncryptedExtensions/server" -> "The rest of the server's choices, already encrypted.";
            case "CertificateRequest/server" -> "The server asks the client for a certificate (mutual TLS), naming the "
                    + "signature algorithms and CAs it accepts.";
            case "Certificate/server" -> "The server shows its identity: its certificate chain, leaf first.";
            case "Certificate/client" -> "The client shows its identity: its own certificate chain.";
            case "Verify certificate" -> "The client checks the chain: it leads to a CA the client trusts, every "
                    + "certificate is in date, it is meant for TLS servers, and it names the host.";
            case "Verify client certificate" -> "The server checks the client's chain leads to a CA it trusts and is "
                    + "meant for TLS clients.";
            case "CertificateVerify/server" -> "The server signs the transcript with the certificate's private key: "
                    + "proof that it holds the key, not just a copy of the certificate.";
            case "CertificateVerify/client" -> "The client signs the transcript with its certificate's private key.";
            case "Finished/server" -> "A MAC over the whole handshake with a key from the shared secret: "
                    + "proves nothing in it was changed.";
            case "Finished/client" -> "The client's MAC over the whole handshake; the server checks it.";
            case "NewSessionTicket/server" -> "A ticket the client may use to resume the session later.";
            case "Alert" -> "One side aborts the handshake and tells the other why.";
            case "Secure" -> "HTTP now flows inside encrypted, authenticated records.";
            default -> "";
        };
    }
}
