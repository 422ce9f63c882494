package org.tlsj.internal.handshake.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ResumableSession;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShare;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.HelloStage;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.Bytes;
import org.tlsj.trace.Role;

/**
 * The client's version-neutral hello stage: it owns the {@link Offer} and our ClientHello, and the server's answer
 * settles the version. It hands over to {@link Tls12ClientFlow} or {@link Tls13ClientFlow}, which know the offer
 * but not each other. Its table:
 * <pre>
 * ExpectServerHello + ServerHello without supported_versions (TLS 1.2 offered) -> Tls12ClientFlow
 * ExpectServerHello + ServerHello / HelloRetryRequest                          -> Tls13ClientFlow
 * ExpectServerHello + ChangeCipherSpec                                         -> dropped (RFC 8446 section 5)
 * </pre>
 */
public final class ClientHelloStage implements HelloStage {
    private final Offer offer;
    /** Our ClientHello as sent: the TLS 1.3 transcript starts with it, TLS 1.2's CertificateVerify signs over it. */
    private final Bytes clientHello;
    private final Transcript transcript;
    private final Effects out;

    private ClientHelloStage(Offer offer, Bytes clientHello, Effects out) {
        this.offer = offer;
        this.clientHello = clientHello;
        this.transcript = Transcript.buffering().add(clientHello);
        this.out = out;
    }

    /** Sends the ClientHello and waits for the server. */
    public static ClientHelloStage start(ClientConfig config, String serverName, Effects out)
            throws TlsFatalAlertException {
        Bytes random = randomBytes(config, 32);
        Optional<String> verifyName = Optional.ofNullable(serverName).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s);
        Optional<ResumableSession> kept = ClientResumption.take(config, verifyName);
        Optional<ResumableSession> resumption = kept.filter(r -> r.version().equals(ProtocolVersion.TLS13));
        Optional<ResumableSession> resume12 = kept.filter(r -> r.version().equals(ProtocolVersion.TLS12));
        // RFC 5246 section 7.4.1.2: a TLS 1.2 session is resumed by its id (RFC 5077 section 3.4: a ticket with a
        // fresh one, echoed when accepted); RFC 8446 appendix D.4: in compatibility mode a client offering TLS 1.3
        // sends a non-empty legacy_session_id anyway. Otherwise it is empty: an id names a session to resume.
        boolean compat = config.middleboxCompat() && config.versions().contains(ProtocolVersion.TLS13);
        Bytes sessionId = resume12.map(ResumableSession::sessionId).filter(id -> !id.isEmpty())
                .orElse(compat || resume12.isPresent() ? randomBytes(config, 32) : Bytes.EMPTY);
        List<KeyShare> shares = new ArrayList<>();
        if (config.versions().contains(ProtocolVersion.TLS13)) {
            for (NamedGroup g : config.keyShareGroups()) {
                shares.add(config.crypto().startKeyExchange(g)); // key_share is TLS 1.3 only
            }
        }
        Optional<KeySchedule13.EarlySecret> early = resumption.map(r -> KeySchedule13.withPsk(config.crypto(),
                r.suite().hash(), r.secret()));
        Optional<String> sni = ClientHelloFactory.sniName(serverName);
        ClientHello ch = ClientHelloFactory.build(config, sni, random, sessionId, shares, Optional.empty(),
                resumption.map(r -> ClientResumption.placeholder(config, r)),
                resume12.map(ResumableSession::identity));
        if (resumption.isPresent()) {
            ch = ClientResumption.bind(ch, early.orElseThrow(), Transcript.buffering());
        }
        Offer offer = new Offer(config, sni, verifyName, random, sessionId, List.copyOf(shares), Optional.empty(),
                resumption, resume12, early, Set.copyOf(ch.extensions().types()));
        Bytes raw = send(out, ch);
        return new ClientHelloStage(offer, raw, out);
    }

    /**
     * Test seam for known-answer replay (RFC 8448): sends the given ClientHello instead of building one.
     * The key shares are generated from the config's provider in key_share order and must reproduce the
     * ClientHello's shares (a scripted RandomSource does that).
     */
    public static ClientHelloStage startWithHello(ClientConfig config, String serverName, ClientHello ch, Effects out)
            throws TlsFatalAlertException {
        List<KeyShare> shares = new ArrayList<>();
        for (var entry : ch.extensions().find(org.tlsj.internal.message.KeyShareClientExt.class).orElseThrow().entries()) {
            KeyShare share = config.crypto().startKeyExchange(entry.group());
            if (!share.publicShare().equals(entry.keyExchange())) {
                throw new IllegalStateException("the provider did not reproduce the ClientHello's " + entry.group() + " share");
            }
            shares.add(share);
        }
        Offer offer = new Offer(config, ClientHelloFactory.sniName(serverName), Optional.ofNullable(serverName),
                ch.random(), ch.legacySessionId(), List.copyOf(shares), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Set.copyOf(ch.extensions().types()));
        Bytes raw = send(out, ch);
        return new ClientHelloStage(offer, raw, out);
    }

    /** The table of the hello stage: the answer to our ClientHello picks the machine for the rest. */
    @Override
    public HandshakeMachine onMessage(PeerMessage message, Bytes raw) throws TlsFatalAlertException {
        return switch (message) {
            // RFC 8446 section 4.2.1: no supported_versions in the ServerHello means TLS 1.2 (or older).
            case ServerHello m when !m.isTls13() && offer.config().versions().contains(ProtocolVersion.TLS12) ->
                    Tls12ClientFlow.onServerHello(offer, transcript, clientHello, m, raw, out);
            case ServerHello m -> Tls13ClientFlow.expectingServerHello(offer, transcript, out).onMessage(m, raw);
            case HelloRetryRequest m -> Tls13ClientFlow.expectingServerHello(offer, transcript, out).onMessage(m, raw);
            // RFC 8446 section 5: a change_cipher_spec after our ClientHello and before the server's Finished is
            // dropped (the engine counts it toward the flood limit).
            case ChangeCipherSpec c -> this;
            default -> throw HandshakeMachine.unexpected(message, "ExpectServerHello");
        };
    }

    /**
     * Before the first ServerHello a server that may answer TLS 1.2 can send a warning (some send unrecognized_name
     * before their ServerHello, RFC 6066 section 3); it is tolerated as TLS 1.2 would, as other stacks do.
     */
    @Override
    public boolean toleratesWarningAlerts() {
        return offer.config().versions().contains(ProtocolVersion.TLS12);
    }

    private static Bytes send(Effects out, HandshakeMessage m) throws TlsFatalAlertException {
        return out.send(Role.CLIENT, m);
    }

    private static Bytes randomBytes(ClientConfig config, int n) {
        byte[] b = new byte[n];
        config.crypto().random().nextBytes(b);
        return Bytes.wrap(b);
    }
}
