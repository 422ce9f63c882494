package org.tlsj.internal.handshake.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ResumableSession;
import org.tlsj.SessionInfo;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Psk13;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.PreSharedKeyClientExt;
import org.tlsj.internal.message.PskIdentity;
import org.tlsj.Bytes;

/** The client's side of TLS 1.3 resumption: offering a ticket with its binder, and keeping new tickets. */
final class ClientResumption {
    private ClientResumption() {
    }

    /** A kept session this client may offer: a version and suite we still offer, still valid. Used once. */
    static Optional<ResumableSession> take(ClientConfig config, Optional<String> cacheKey) {
        if (cacheKey.isEmpty()) {
            return Optional.empty();
        }
        Instant now = config.clock().instant();
        Optional<ResumableSession> s = config.sessionCache().take(cacheKey.get());
        return s.filter(r -> config.versions().contains(r.version()) && r.isValidAt(now)
                && config.cipherSuites().contains(r.suite()));
    }

    /** The pre_shared_key extension with a zero binder of the right length (replaced by {@link #bind}). */
    static PreSharedKeyClientExt placeholder(ClientConfig config, ResumableSession session) {
        return new PreSharedKeyClientExt(
                List.of(new PskIdentity(session.identity(), session.obfuscatedAge(config.clock().instant()))),
                List.of(Bytes.wrap(new byte[session.suite().hash().length()])));
    }

    /**
     * The ClientHello with its real binder, computed from the offered PSK's early secret over the transcript so
     * far and the truncated hello.
     */
    static ClientHello bind(ClientHello ch, KeySchedule13.EarlySecret early, Transcript before) {
        PreSharedKeyClientExt psk = ch.extensions().find(PreSharedKeyClientExt.class).orElseThrow();
        Bytes binder = Psk13.binder(early, before, Psk13.truncate(HandshakeCodec.encode(ch), psk));
        return ch.withExtensions(ch.extensions().with(psk.withBinders(List.of(binder))));
    }

    /** Keeps a NewSessionTicket's session for a later connection to the same server (RFC 8446 4.6.1). */
    static void keep(ClientConfig config, Optional<String> cacheKey, Secret resumptionMaster, SessionInfo session,
                     NewSessionTicket13 m) {
        if (cacheKey.isEmpty() || m.lifetime() == 0) {
            return;
        }
        Secret psk = KeySchedule13.resumptionPsk(config.crypto(), session.cipherSuite().hash(), resumptionMaster,
                m.nonce());
        // RFC 8446 section 4.6.1: lifetimes over 7 days are capped.
        Duration lifetime = Duration.ofSeconds(Math.min(m.lifetime(), Duration.ofDays(7).toSeconds()));
        config.sessionCache().put(cacheKey.get(), new ResumableSession(ProtocolVersion.TLS13, session.cipherSuite(),
                m.ticket(), Bytes.EMPTY, psk, m.ageAdd(), config.clock().instant(), lifetime, session.peerCertificates(),
                session.signatureScheme(), session.group(), false));
    }
}
