package org.tlsj.internal.handshake.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.Proofs;
import org.tlsj.internal.handshake.Psk13;
import org.tlsj.internal.handshake.ResumptionChecks;
import org.tlsj.internal.handshake.Tickets;
import org.tlsj.internal.handshake.TraceEvents;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.PreSharedKeyClientExt;
import org.tlsj.internal.message.PskIdentity;
import org.tlsj.internal.message.PskKeyExchangeModesExt;
import org.tlsj.Bytes;
import org.tlsj.trace.Role;

/** The server's side of TLS 1.3 resumption: accepting a ticket (RFC 8446 4.2.11) and issuing them (4.6.1). */
final class ServerResumption {
    /** How far the client's view of a ticket's age may differ from ours (RFC 8446 section 8.3). */
    private static final Duration AGE_TOLERANCE = Duration.ofSeconds(10);

    private ServerResumption() {
    }

    /**
     * An accepted PSK.
     *
     * @param index the identity the client offered at this position
     * @param state what the ticket remembered
     * @param early the early secret of the ticket's PSK, extracted for the binder and kept for the handshake
     * @param proof the binder verified
     */
    record Resumed(int index, Tickets.State state, KeySchedule13.EarlySecret early, Proofs.SessionResumed proof) {
    }

    /**
     * The first offered ticket that is ours, unexpired, for the same server name and hash, and of a plausible
     * age; its binder must then verify (else decrypt_error). Empty for a full handshake.
     */
    static Optional<Resumed> accept(ServerConfig config, ClientHello ch, Bytes raw, Transcript before, CipherSuite suite,
                                    Optional<String> sni) throws TlsFatalAlertException {
        Optional<Candidate> found = candidate(config, ch, suite, sni);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int i = found.get().index();
        Tickets.State state = found.get().state();
        PreSharedKeyClientExt psk = ch.extensions().find(PreSharedKeyClientExt.class).orElseThrow();
        KeySchedule13.EarlySecret early = KeySchedule13.withPsk(config.crypto(), suite.hash(), state.secret());
        // RFC 8446 section 4.2.11: a binder that does not validate aborts the handshake.
        Proofs.SessionResumed proof = ResumptionChecks.verifyBinder(early, before, Psk13.truncate(raw, psk),
                psk.binders().get(i), i);
        return Optional.of(new Resumed(i, state, early, proof));
    }

    /** An offered ticket we would resume, before its binder is checked. */
    private record Candidate(int index, PskIdentity identity, Tickets.State state) {
    }

    /** The first offered ticket that is ours and usable with {@code suite}, if tickets are on and psk_dhe_ke offered. */
    private static Optional<Candidate> candidate(ServerConfig config, ClientHello ch, CipherSuite suite,
                                                 Optional<String> sni) {
        Optional<PreSharedKeyClientExt> psk = ch.extensions().find(PreSharedKeyClientExt.class);
        if (psk.isEmpty() || !offersDheMode(ch) || config.ticketsPerHandshake() == 0) {
            return Optional.empty();
        }
        Instant now = config.clock().instant();
        List<PskIdentity> ids = psk.get().identities();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Tickets.State> state = Tickets.open(config.crypto(), config.ticketKeys(), now, ids.get(i).identity());
            if (state.isPresent() && usable(state.get(), ids.get(i), suite, sni, now)
                    && ResumptionChecks.authenticatesAsRequired(config, state.get())) {
                return Optional.of(new Candidate(i, ids.get(i), state.get()));
            }
        }
        return Optional.empty();
    }

    /** Whether the client allows resumption with a fresh (EC)DHE exchange, the only PSK mode we use. */
    static boolean offersDheMode(ClientHello ch) {
        return ch.extensions().find(PskKeyExchangeModesExt.class)
                .map(m -> m.modes().contains(PskKeyExchangeModesExt.PSK_DHE_KE)).orElse(false);
    }

    /** RFC 8446 section 4.2.9: a client offering pre_shared_key without psk_key_exchange_modes gets missing_extension. */
    static void checkPskModes(ClientHello ch) throws TlsFatalAlertException {
        if (ch.extensions().has(ExtensionType.PRE_SHARED_KEY) && !ch.extensions().has(ExtensionType.PSK_KEY_EXCHANGE_MODES)) {
            throw Fatal.of(Reason.PeerMisbehaved.MISSING_EXTENSION, "psk_key_exchange_modes, with pre_shared_key");
        }
    }

    /**
     * RFC 8446 section 4.1.2: after HelloRetryRequest the client may drop only the PSKs incompatible with the
     * suite we chose. A ticket of ours in the first ClientHello that this suite can resume must be offered again,
     * else the hello changed more than allowed (illegal_parameter).
     */
    static void checkRetainedPsk(ServerConfig config, ClientHello first, ClientHello second, CipherSuite suite,
                                 Optional<String> sni) throws TlsFatalAlertException {
        Optional<Candidate> offered = candidate(config, first, suite, sni);
        if (offered.isEmpty()) {
            return;
        }
        Bytes ticket = offered.get().identity().identity();
        boolean kept = second.extensions().find(PreSharedKeyClientExt.class)
                .map(p -> p.identities().stream().anyMatch(id -> id.identity().equals(ticket))).orElse(false);
        if (!kept) {
            throw Fatal.of(Reason.PeerMisbehaved.CLIENT_HELLO_CHANGED,
                    "the second ClientHello dropped a PSK that the chosen suite " + suite + " can resume");
        }
    }

    private static boolean usable(Tickets.State s, PskIdentity id, CipherSuite suite, Optional<String> sni, Instant now) {
        if (!s.version().equals(ProtocolVersion.TLS13) || !s.suite().isSupported()
                || s.suite().hash() != suite.hash() || !s.sni().equals(sni)) {
            return false;
        }
        Instant expires = s.issued().plusSeconds(s.lifetimeSeconds());
        if (now.isBefore(s.issued()) || !now.isBefore(expires)) {
            return false;
        }
        long clientAgeMillis = (id.obfuscatedTicketAge() - s.ageAdd()) & 0xffffffffL;
        long serverAgeMillis = Duration.between(s.issued(), now).toMillis();
        return Math.abs(clientAgeMillis - serverAgeMillis) <= AGE_TOLERANCE.toMillis() + 1000;
    }

    /** A fresh random 32-byte session id. */
    static Bytes newSessionId(ServerConfig config) {
        byte[] id = new byte[32];
        config.crypto().random().nextBytes(id);
        return Bytes.wrap(id);
    }

    /** Sends the configured number of NewSessionTickets after the handshake (RFC 8446 section 4.6.1). */
    static void sendTickets(ServerConfig config, CipherSuite suite, Secret resumptionMaster, Optional<String> sni,
                            Optional<String> alpn, List<Bytes> clientChain, SignatureScheme scheme, Bytes sessionId,
                            NamedGroup group, Effects out)
            throws TlsFatalAlertException {
        Instant now = config.clock().instant();
        for (int i = 0; i < config.ticketsPerHandshake(); i++) {
            Bytes nonce = Bytes.wrap(new byte[] {(byte) i});
            byte[] add = new byte[4];
            config.crypto().random().nextBytes(add);
            long ageAdd = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(add).getInt());
            Secret psk = KeySchedule13.resumptionPsk(config.crypto(), suite.hash(), resumptionMaster, nonce);
            long lifetime = config.ticketLifetime().toSeconds();
            Bytes ticket = Tickets.seal(config.crypto(), config.ticketKeys(), now, new Tickets.State(ProtocolVersion.TLS13,
                    suite, psk, ageAdd, now, lifetime, sni, alpn, clientChain, scheme, sessionId, group, false));
            psk.destroy();
            NewSessionTicket13 nst = new NewSessionTicket13(lifetime, ageAdd, nonce, ticket, Extensions.of());
            Bytes raw = HandshakeCodec.encode(nst);
            out.trace(() -> TraceEvents.message(Role.SERVER, nst, raw.length()));
            out.sendHandshake(raw);
        }
    }
}
