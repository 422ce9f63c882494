package org.tlsj.cli.demo;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SessionInfo;
import org.tlsj.trace.HandshakeEvent.Kind;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/**
 * The demo's table for a TLS 1.2 handshake (RFC 5246): the client's events give the order; the server's
 * ServerHelloDone comes from the client's own event; each Finished row
 * says the ChangeCipherSpec before it switched that side to the new keys.
 */
final class DemoSteps12 {
    private DemoSteps12() {
    }

    /**
     * The rows for one TLS 1.2 run.
     *
     * @param client the client's events
     * @param server the server's events
     * @param session what was negotiated, if the handshake finished
     * @param secrets the logged secrets by NSS label; empty unless --show-secrets
     */
    static List<DemoSteps.Step> build(List<HandshakeEvent> client, List<HandshakeEvent> server,
            Optional<SessionInfo> session, Map<String, String> secrets) {
        List<DemoSteps.Step> rows = new ArrayList<>();
        boolean resumed = client.stream().anyMatch(e -> e.kind() == Kind.KEYS && e.title().contains("resumed"));
        String group = "";
        for (HandshakeEvent e : client) {
            String name = name(e.title());
            switch (e.kind()) {
                case MESSAGE -> {
                    switch (name) {
                        case "ServerKeyExchange" -> {
                            Optional<HandshakeEvent> check = find(client, Kind.CHECK, "Verify ServerKeyExchange");
                            group = session.map(s -> s.group().displayName()).orElse(groupIn(check));
                            rows.add(serverKeyExchange(e, check, group));
                        }
                        case "ClientKeyExchange" -> rows.add(clientKeyExchange(e, group, session));
                        case "Finished" -> rows.add(finished(e, e.from() == Role.SERVER
                                ? find(client, Kind.CHECK, "Verify server Finished")
                                : find(server, Kind.CHECK, "Verify client Finished")));
                        default -> {
                            List<String> happened = lines(e);
                            if (name.equals("ServerHello") && resumed) {
                                happened.add("the server accepted the client's ticket: an abbreviated handshake, "
                                        + "with no certificate and no key exchange");
                            }
                            if (name.equals("CertificateVerify") && e.from() == Role.CLIENT) {
                                find(server, Kind.CHECK, "Verify client CertificateVerify")
                                        .ifPresent(c -> happened.addAll(checked(c, Role.SERVER)));
                            }
                            String key = name + (e.from() == Role.CLIENT ? "/client" : "/server");
                            rows.add(new DemoSteps.Step(e.from().title(), name, purpose(key), happened, e.nanos()));
                            if (name.equals("Certificate") && e.from() == Role.CLIENT) {
                                find(server, Kind.CHECK, "Verify client certificate").ifPresent(c -> rows.add(
                                        new DemoSteps.Step("Server", c.title(), purpose(c.title()), lines(c), c.nanos())));
                            }
                        }
                    }
                }
                case KEYS -> rows.add(keys(e, secrets));
                case CHECK -> {
                    if (e.title().equals("Verify certificate")) {
                        rows.add(new DemoSteps.Step("Client", e.title(), purpose(e.title()), lines(e), e.nanos()));
                    }
                }
                case ALERT -> {
                    if (!DemoSteps.isCloseNotify(e)) {
                        rows.add(new DemoSteps.Step(e.from().title(), e.title(), purpose("Alert"), lines(e), e.nanos()));
                    }
                }
                case INFO -> { }
            }
        }
        session.ifPresent(s -> rows.add(new DemoSteps.Step("Both", "Secure communication begins", purpose("Secure"),
                DemoSteps.secureLines(s, server), client.isEmpty() ? System.nanoTime() : client.getLast().nanos())));
        return rows;
    }

    /** The RFC name of a TLS 1.2 message from the engine's event title. */
    static String name(String title) {
        if (title.startsWith("ServerKeyExchange")) {
            return "ServerKeyExchange";
        }
        return title.endsWith("12") ? title.substring(0, title.length() - 2) : title;
    }

    private static DemoSteps.Step serverKeyExchange(HandshakeEvent e, Optional<HandshakeEvent> check, String group) {
        List<String> happened = new ArrayList<>();
        happened.add("the server's ephemeral " + group + " public key (" + shareSize(group)
                + " bytes), signed with its certificate's key over both randoms");
        happened.addAll(lines(e));
        check.ifPresent(c -> happened.addAll(checked(c, Role.CLIENT)));
        return new DemoSteps.Step("Server", "ServerKeyExchange", purpose("ServerKeyExchange"), happened, e.nanos());
    }

    private static DemoSteps.Step clientKeyExchange(HandshakeEvent e, String group, Optional<SessionInfo> session) {
        int length = lengthOf(e);
        List<String> happened = new ArrayList<>();
        String key;
        if (group.isEmpty()) {
            String rsa = session.flatMap(s -> s.peerCertificates().stream().findFirst())
                    .map(c -> c.getPublicKey() instanceof RSAPublicKey k ? "RSA " + k.getModulus().bitLength() + "-bit "
                            : "RSA ").orElse("RSA ");
            happened.add("the client made a random 48-byte pre-master secret and encrypted it to the server's " + rsa
                    + "public key (from its certificate): " + (length - 6) + " bytes of ciphertext");
            happened.add("only the holder of the certificate's private key can decrypt it: no forward secrecy");
            key = "ClientKeyExchange/rsa";
        } else {
            happened.add("the client's ephemeral " + group + " public key (" + (length - 5) + " bytes); with the "
                    + "server's share both sides compute the same pre-master secret (ECDHE)");
            key = "ClientKeyExchange/ecdhe";
        }
        happened.addAll(lines(e));
        return new DemoSteps.Step("Client", "ClientKeyExchange", purpose(key), happened, e.nanos());
    }

    private static DemoSteps.Step finished(HandshakeEvent e, Optional<HandshakeEvent> check) {
        String who = e.from().title();
        List<String> happened = new ArrayList<>();
        happened.add("ChangeCipherSpec: from here on the " + who.toLowerCase(Locale.ROOT)
                + "'s records are encrypted with the new keys");
        happened.addAll(lines(e));
        check.ifPresent(c -> happened.addAll(checked(c, e.from().peer())));
        return new DemoSteps.Step(who, "ChangeCipherSpec, Finished", purpose("Finished12/" + who.toLowerCase(Locale.ROOT)),
                happened, e.nanos());
    }

    private static DemoSteps.Step keys(HandshakeEvent e, Map<String, String> secrets) {
        boolean resumed = e.title().contains("resumed");
        List<String> happened = new ArrayList<>();
        for (HandshakeEvent.Detail d : e.details()) {
            happened.add(d.name().equals("derived") ? d.value() : d.name() + ": " + d.value());
        }
        if (secrets.isEmpty()) {
            happened.add("values not shown (--show-secrets prints them)");
        } else {
            secrets.forEach((label, value) -> happened.add(label + " (master secret) = " + value));
        }
        return new DemoSteps.Step("Both", "Generate session keys" + (resumed ? " (resumed)" : ""),
                purpose(resumed ? "Keys12/resumed" : "Keys12"), happened, e.nanos());
    }

    private static String groupIn(Optional<HandshakeEvent> check) {
        String text = check.map(c -> c.details().isEmpty() ? "" : c.details().getFirst().value()).orElse("");
        for (NamedGroup g : java.util.stream.Stream.concat(NamedGroup.SUPPORTED.stream(),
                java.util.stream.Stream.of(NamedGroup.SECP521R1)).toList()) {
            if (text.contains(" " + g.displayName() + " ")) {
                return g.displayName();
            }
        }
        return "ECDHE";
    }

    /** The size of an uncompressed public key of the group, as ServerKeyExchange carries it. */
    private static int shareSize(String group) {
        return switch (group) {
            case "x25519" -> 32;
            case "secp256r1" -> 65;
            case "secp384r1" -> 97;
            case "secp521r1" -> 133;
            default -> 0;
        };
    }

    private static int lengthOf(HandshakeEvent e) {
        String length = e.detail("length");
        return length.isEmpty() ? 0 : Integer.parseInt(length.replace(" bytes", "").strip());
    }

    private static List<String> checked(HandshakeEvent check, Role by) {
        return check.details().stream().map(d -> "checked by the " + by.title().toLowerCase(Locale.ROOT) + ": "
                + d.value()).toList();
    }

    private static List<String> lines(HandshakeEvent e) {
        List<String> out = new ArrayList<>();
        for (HandshakeEvent.Detail d : e.details()) {
            out.add(d.name().equals("check") ? d.value() : d.name() + ": " + d.value());
        }
        return out;
    }

    private static Optional<HandshakeEvent> find(List<HandshakeEvent> events, Kind kind, String title) {
        return events.stream().filter(e -> e.kind() == kind && name(e.title()).equals(title)).findFirst();
    }

    /** Why a TLS 1.2 step exists; the steps TLS 1.3 shares come from {@link DemoSteps#purpose}. */
    static String purpose(String key) {
        return switch (key) {
            case "ClientHello/client" -> "The client opens: the versions, cipher suites and groups it supports, and a "
                    + "fresh random (a ticket too, if it has one to resume).";
            case "ServerHello/server" -> "The server picks TLS 1.2 and one cipher suite, which fixes the key exchange "
                    + "(ECDHE or RSA), and sends its own random.";
            case "ServerKeyExchange" -> "ECDHE only: the server's ephemeral key share, signed with its certificate's "
                    + "key so the client knows it came from the server.";
            case "ServerHelloDone", "ServerHelloDone/server" -> "The server has said all it has to say; the client's turn.";
            case "CertificateRequest/server" -> "The server asks the client for a certificate (mutual TLS).";
            case "ClientKeyExchange/ecdhe" -> "The client's ephemeral key share; both sides now compute the same "
                    + "pre-master secret, and an eavesdropper who sees both shares cannot.";
            case "ClientKeyExchange/rsa" -> "The client picks the pre-master secret itself and sends it encrypted to "
                    + "the server's RSA key: only the server can read it.";
            case "Keys12" -> "Both sides turn the pre-master secret, the randoms and the handshake hash into the "
                    + "48-byte master secret, then expand it into the key block: keys and IVs for each direction.";
            case "Keys12/resumed" -> "The master secret is the one from the earlier session; only the key block is "
                    + "new, from the two fresh randoms.";
            case "Finished12/client", "Finished12/server" -> "ChangeCipherSpec switches this side to the new keys; "
                    + "Finished is its MAC over the whole handshake, already encrypted: proof nothing was changed.";
            case "NewSessionTicket/server" -> "A ticket, encrypted with the server's ticket key, that lets the client "
                    + "resume this session later without a certificate or a key exchange.";
            default -> DemoSteps.purpose(key);
        };
    }
}
