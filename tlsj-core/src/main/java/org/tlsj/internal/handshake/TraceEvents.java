package org.tlsj.internal.handshake;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tlsj.NamedGroup;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateRequest13;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.CookieExt;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareClientExt;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.RecordSizeLimitExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.HandshakeEvent.Kind;
import org.tlsj.trace.Role;

/** Turns handshake messages into trace events with the values a person wants to see (no secrets). */
public final class TraceEvents {
    private TraceEvents() {
    }

    /** A message event: {@code from} sent it. */
    public static HandshakeEvent message(Role from, HandshakeMessage m, int encodedLength) {
        List<Detail> d = new ArrayList<>();
        switch (m) {
            case ClientHello ch -> {
                ch.extensions().find(SupportedVersionsClientExt.class)
                        .ifPresent(v -> d.add(new Detail("versions", join(v.versions()))));
                d.add(new Detail("cipher_suites", join(ch.cipherSuites())));
                ch.extensions().find(SupportedGroupsExt.class).ifPresent(g -> d.add(new Detail("groups", join(g.groups()))));
                ch.extensions().find(KeyShareClientExt.class).ifPresent(k -> d.add(new Detail("key_shares",
                        k.entries().stream().map(e -> e.group() + " (" + e.keyExchange().length() + " bytes)")
                                .collect(Collectors.joining(", ")))));
                ch.extensions().find(SignatureAlgorithmsExt.class)
                        .ifPresent(s -> d.add(new Detail("signature_algorithms", join(s.schemes()))));
                ch.extensions().find(ServerNameExt.class).flatMap(ServerNameExt::hostName)
                        .ifPresent(n -> d.add(new Detail("server_name", n)));
                ch.extensions().find(AlpnExt.class).ifPresent(a -> d.add(new Detail("alpn", join(a.protocols()))));
                ch.extensions().find(CookieExt.class).ifPresent(c -> d.add(new Detail("cookie", c.cookie().length() + " bytes")));
                d.add(new Detail("random", ch.random().hex()));
                d.add(new Detail("legacy_session_id", ch.legacySessionId().isEmpty() ? "empty"
                        : ch.legacySessionId().length() + " bytes"));
                ch.extensions().find(org.tlsj.internal.message.PreSharedKeyClientExt.class).ifPresent(p -> d.add(
                        new Detail("pre_shared_key", p.identities().size() + " ticket(s) offered for resumption")));
                ch.extensions().find(org.tlsj.internal.message.SessionTicketExt.class).ifPresent(t -> d.add(
                        new Detail("session_ticket", t.ticket().isEmpty() ? "empty (asks for a TLS 1.2 ticket)"
                                : t.ticket().length() + " bytes offered for TLS 1.2 resumption")));
            }
            case ServerHello sh -> {
                sh.extensions().find(SupportedVersionsServerExt.class)
                        .ifPresent(v -> d.add(new Detail("version", v.selected().displayName())));
                d.add(new Detail("cipher_suite", sh.cipherSuite().displayName()));
                sh.extensions().find(KeyShareServerExt.class).ifPresent(k -> d.add(new Detail("key_share",
                        k.entry().group() + " (" + k.entry().keyExchange().length() + " bytes)")));
                d.add(new Detail("random", sh.random().hex()));
            }
            case HelloRetryRequest hrr -> {
                d.add(new Detail("cipher_suite", hrr.cipherSuite().displayName()));
                hrr.extensions().find(KeyShareHrrExt.class)
                        .ifPresent(k -> d.add(new Detail("selected_group", k.selectedGroup().displayName())));
                hrr.extensions().find(CookieExt.class)
                        .ifPresent(c -> d.add(new Detail("cookie", c.cookie().length() + " bytes")));
            }
            case EncryptedExtensions ee -> extensionsSummary(ee.extensions(), d);
            case CertificateRequest13 cr -> cr.extensions().find(SignatureAlgorithmsExt.class)
                    .ifPresent(s -> d.add(new Detail("signature_algorithms", join(s.schemes()))));
            case Certificate13 c -> d.add(new Detail("certificates", c.entries().size() + ""));
            case CertificateVerify cv -> {
                d.add(new Detail("signature_scheme", cv.scheme().displayName()));
                d.add(new Detail("signature", cv.signature().length() + " bytes"));
            }
            case Finished f -> d.add(new Detail("verify_data", f.verifyData().length() + " bytes"));
            case org.tlsj.internal.message.ClientKeyExchange k -> d.add(new Detail("exchange_keys",
                    k.body().length() + " bytes (an ECDHE public key, or the RSA-encrypted pre-master secret)"));
            case org.tlsj.internal.message.ServerKeyExchangeEcdhe k -> {
                d.add(new Detail("group", k.group().displayName()));
                d.add(new Detail("public_key", k.publicKey().length() + " bytes"));
                d.add(new Detail("signature_scheme", k.scheme().displayName()));
            }
            case NewSessionTicket13 t -> {
                d.add(new Detail("lifetime", t.lifetime() + " s"));
                d.add(new Detail("ticket", t.ticket().length() + " bytes"));
            }
            default -> { }
        }
        d.add(new Detail("length", encodedLength + " bytes"));
        return new HandshakeEvent(Kind.MESSAGE, from, name(m), d, 0);
    }

    private static void extensionsSummary(Extensions ext, List<Detail> d) {
        ext.find(AlpnExt.class).ifPresent(a -> d.add(new Detail("alpn", join(a.protocols()))));
        ext.find(RecordSizeLimitExt.class).ifPresent(r -> d.add(new Detail("record_size_limit", r.limit() + "")));
        if (ext.find(ServerNameExt.class).isPresent()) {
            d.add(new Detail("server_name", "acknowledged"));
        }
        d.add(new Detail("extensions", ext.types().stream().map(t -> t.displayName()).collect(Collectors.joining(", "))));
    }

    /** The certificate chain, one detail per certificate. */
    public static HandshakeEvent chain(Role from, List<X509Certificate> chain) {
        List<Detail> d = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            d.add(new Detail("certificate[" + i + "]", "subject " + c.getSubjectX500Principal().getName()
                    + "; issuer " + c.getIssuerX500Principal().getName() + "; key " + c.getPublicKey().getAlgorithm()
                    + "; valid " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant()));
        }
        return new HandshakeEvent(Kind.MESSAGE, from, "Certificate", d, 0);
    }

    /** A TLS 1.2 change_cipher_spec: from here on the sender's records are encrypted. */
    public static HandshakeEvent changeCipherSpec(Role from) {
        return new HandshakeEvent(Kind.INFO, from, "ChangeCipherSpec", List.of(new Detail("effect",
                "the " + from.title().toLowerCase(java.util.Locale.ROOT) + "'s next records are encrypted")), 0);
    }

    /** A check and its outcome. */
    public static HandshakeEvent check(Role by, String title, List<String> results) {
        List<Detail> d = new ArrayList<>();
        for (String r : results) {
            d.add(new Detail("check", r));
        }
        return new HandshakeEvent(Kind.CHECK, by, title, d, 0);
    }

    /** Keys derived (names and lengths only). */
    public static HandshakeEvent keys(Role by, String title, List<Detail> details) {
        return new HandshakeEvent(Kind.KEYS, by, title, details, 0);
    }

    /** The message's RFC name. */
    public static String name(PeerMessage m) {
        String n = m.getClass().getSimpleName();
        n = n.endsWith("13") || n.endsWith("12") ? n.substring(0, n.length() - 2) : n;
        return n.endsWith("Ecdhe") ? n.substring(0, n.length() - 5) : n;
    }

    private static String join(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** What a group's shared secret is made of, in plain words (never its value). */
    public static String sharedSecret(NamedGroup group) {
        return switch (group.displayName()) {
            case "X25519MLKEM768" -> "64 bytes (ML-KEM-768 32 + X25519 32)";
            case "SecP256r1MLKEM768" -> "64 bytes (P-256 ECDH 32 + ML-KEM-768 32)";
            case "SecP384r1MLKEM1024" -> "80 bytes (P-384 ECDH 48 + ML-KEM-1024 32)";
            case "MLKEM768" -> "32 bytes (ML-KEM-768 alone)";
            case "MLKEM1024" -> "32 bytes (ML-KEM-1024 alone)";
            default -> "computed";
        };
    }
}
