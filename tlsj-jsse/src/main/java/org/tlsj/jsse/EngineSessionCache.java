package org.tlsj.jsse;

import java.util.Optional;
import org.tlsj.ClientSessionCache;
import org.tlsj.ResumableSession;

/**
 * A client engine's view of its context's session cache, under the engine's {@code host:port} (the server
 * name tlsj passes is not used: JSSE resumes per peer address). A ticket is remembered with the JSSE session
 * it first came from, so a resumed connection shows that session; a ticket whose completed session the
 * application invalidated is dropped instead of offered.
 *
 * <p>A ticket received on a resumed connection keeps the origin of the ticket offered: in TLS 1.2 the renewed
 * ticket arrives before the handshake completes, while the engine's own session is one that never completes
 * (the connection shows the resumed session instead), and linking the ticket to it would make the next
 * connection skip the ticket and do a full handshake.
 */
final class EngineSessionCache implements ClientSessionCache {
    private final JsseContext ctx;
    private final ClientSessionCache backing;
    private final TlsjSSLEngine engine;
    private final String key;
    private volatile TlsjSession offeredOrigin;

    private EngineSessionCache(JsseContext ctx, ClientSessionCache backing, TlsjSSLEngine engine) {
        this.ctx = ctx;
        this.backing = backing;
        this.engine = engine;
        this.key = engine.getPeerHost() + ":" + engine.getPeerPort();
    }

    /**
     * The cache {@code engine} resumes through, backed by {@code backing}; none when the engine was made
     * without a peer host (JSSE resumes only to a named peer).
     */
    static ClientSessionCache of(JsseContext ctx, ClientSessionCache backing, TlsjSSLEngine engine) {
        return engine.getPeerHost() == null ? ClientSessionCache.NONE : new EngineSessionCache(ctx, backing, engine);
    }

    @Override
    public void put(String serverName, ResumableSession session) {
        backing.put(key, session);
        if (ctx.originOf(session) == null) {
            TlsjSession o = offeredOrigin;
            ctx.remember(session, o != null ? o : engine.sessionOrigin());
        }
    }

    @Override
    public Optional<ResumableSession> take(String serverName) {
        Optional<ResumableSession> taken = backing.take(key);
        while (taken.isPresent() && invalidated(ctx.originOf(taken.get()))) {
            taken = backing.take(key);
        }
        taken.ifPresent(t -> {
            offeredOrigin = ctx.originOf(t);
            engine.offered(t);
        });
        return taken;
    }

    /** Whether the application invalidated the session a ticket came from (one not yet completed is not). */
    private static boolean invalidated(TlsjSession origin) {
        return origin != null && origin.info() != null && !origin.isValid();
    }
}
