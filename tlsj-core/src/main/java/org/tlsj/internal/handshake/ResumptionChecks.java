package org.tlsj.internal.handshake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.PreSharedKeyServerExt;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.Bytes;
import org.tlsj.internal.wire.ConstantTime;

/**
 * The checks that let a peer resume a session instead of proving itself with a certificate: the only place a
 * {@link Proofs.SessionResumed} is made. The peer's Finished, keyed from the session's secret, completes the proof.
 */
public final class ResumptionChecks {
    private ResumptionChecks() {
    }

    /**
     * A resumed session and the proof that resuming it was checked.
     *
     * @param session what the session remembered
     * @param proof the check passed
     */
    public record Accepted<T>(T session, Proofs.SessionResumed proof) {
        public Accepted {
            Objects.requireNonNull(session);
            Objects.requireNonNull(proof);
        }
    }

    /**
     * The TLS 1.3 client: RFC 8446 section 4.2.11, a PSK the server selects must be the one we offered, with a suite
     * of the same hash. Empty when the server selected none (a full handshake).
     */
    public static Optional<Accepted<ResumableSession>> pskSelected(Optional<ResumableSession> offered,
                                                                   Optional<PreSharedKeyServerExt> psk,
                                                                   CipherSuite suite) throws TlsFatalAlertException {
        if (psk.isEmpty()) {
            return Optional.empty();
        }
        if (offered.isEmpty() || psk.get().selectedIdentity() != 0) {
            throw Fatal.of(Reason.PeerMisbehaved.UNOFFERED_PSK, "identity " + psk.get().selectedIdentity());
        }
        if (offered.get().suite().hash() != suite.hash()) {
            throw Fatal.of(Reason.PeerMisbehaved.PSK_HASH_MISMATCH, suite.toString());
        }
        return Optional.of(new Accepted<>(offered.get(), Proofs.sessionResumed()));
    }

    /**
     * The TLS 1.2 client: the session the server resumed, if any. RFC 5246 section 7.4.1.3 and RFC 5077 section
     * 3.4: echoing our non-empty session id means resuming the session we offered with it (by id or alongside a
     * ticket); an echo of an id that names no offered session (the random one of TLS 1.3 compatibility mode) is
     * illegal_parameter. The resumption keeps the session's suite and, RFC 7627 section 5.3, its use of the
     * extended master secret.
     */
    public static Optional<Accepted<ResumableSession>> sessionEchoed(Optional<ResumableSession> offered,
                                                                     Bytes offeredId, Bytes echo, CipherSuite suite,
                                                                     boolean ems) throws TlsFatalAlertException {
        if (echo.isEmpty() || !echo.equals(offeredId)) {
            return Optional.empty();
        }
        ResumableSession r = offered.orElseThrow(() -> Fatal.of(Reason.PeerMisbehaved.UNOFFERED_SESSION_RESUMED,
                "we offered no TLS 1.2 session"));
        if (!r.suite().equals(suite)) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE, "the resumed session's suite is "
                    + r.suite() + ", the server chose " + suite);
        }
        if (r.extendedMasterSecret() != ems) {
            throw Fatal.of(Reason.PeerMisbehaved.EMS_MISMATCH_ON_RESUMPTION, "the session was created "
                    + (r.extendedMasterSecret() ? "with" : "without") + " it, the ServerHello "
                    + (ems ? "has" : "lacks") + " extended_master_secret");
        }
        return Optional.of(new Accepted<>(r, Proofs.sessionResumed()));
    }

    /**
     * The TLS 1.3 server: RFC 8446 section 4.2.11, the binder of the offered ticket at {@code index} must verify
     * (else decrypt_error): it proves the client holds the ticket's PSK.
     */
    public static Proofs.SessionResumed verifyBinder(KeySchedule13.EarlySecret early, Transcript before,
                                                     Bytes truncatedClientHello, Bytes received, int index)
            throws TlsFatalAlertException {
        Bytes expected = Psk13.binder(early, before, truncatedClientHello);
        if (!ConstantTime.equals(expected, received)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_BINDER, "for ticket " + index);
        }
        return Proofs.sessionResumed();
    }

    /**
     * The TLS 1.2 server: a session this ClientHello may resume, by ticket (RFC 5077; only while we issue tickets)
     * or by session id (RFC 5246); either opens only under our ticket keys. RFC 7627 section 5.3: a session with the
     * extended master secret offered in a ClientHello without it aborts the handshake; a session without it is never
     * resumed (the RFC's SHOULD abort, softened to a full handshake that then uses the extension if the client
     * offers it).
     */
    public static Optional<Accepted<Tickets.State>> tls12Session(ServerConfig config, ClientHello ch,
                                                                 Optional<SessionTicketExt> ticket,
                                                                 Optional<String> sni, boolean ems, Instant now)
            throws TlsFatalAlertException {
        Optional<Bytes> sealed = ticket.filter(t -> config.ticketsPerHandshake() > 0)
                .map(SessionTicketExt::ticket).filter(t -> !t.isEmpty())
                .or(() -> ch.legacySessionId().isEmpty() ? Optional.empty() : config.sessionCache().get(ch.legacySessionId()));
        Optional<Tickets.State> found = sealed.flatMap(b -> Tickets.open(config.crypto(), config.ticketKeys(), now, b))
                .filter(s -> s.version().equals(ProtocolVersion.TLS12) && ch.cipherSuites().contains(s.suite())
                        && config.cipherSuites().contains(s.suite()) && s.sni().equals(sni)
                        && now.isBefore(s.issued().plusSeconds(s.lifetimeSeconds()))
                        && authenticatesAsRequired(config, s));
        if (found.isPresent() && found.get().extendedMasterSecret() && !ems) {
            throw Fatal.of(Reason.PeerMisbehaved.EMS_MISMATCH_ON_RESUMPTION,
                    "the client resumes a session created with it but does not offer extended_master_secret");
        }
        return found.filter(s -> s.extendedMasterSecret() && ems)
                .map(s -> new Accepted<>(s, Proofs.sessionResumed()));
    }

    /**
     * A server that requires a client certificate resumes only sessions whose full handshake verified one: a
     * ticket issued without it (under optional client auth, or by another server sharing the ticket keys)
     * would otherwise let a client in without a certificate. Such a client gets a full handshake instead.
     */
    public static boolean authenticatesAsRequired(ServerConfig config, Tickets.State s) {
        return config.clientAuth() != org.tlsj.ClientAuth.REQUIRED || !s.peerChain().isEmpty();
    }
}
