package org.tlsj.jsse;

import java.util.Optional;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.pki.CertifiedKey;

/** Builds the per-connection tlsj configs from an engine's JSSE settings and its context's managers. */
final class ConfigFactory {
    private ConfigFactory() {
    }

    /**
     * The client config for this engine; resumption goes through the context's cache under host:port, and
     * tickets of sessions the application invalidated are dropped instead of offered.
     */
    static ClientConfig client(JsseContext ctx, EngineSettings s, TlsjSSLEngine engine) {
        ClientSessionCache cache = ClientSessionCache.NONE;
        if (engine.getPeerHost() != null) {
            String key = engine.getPeerHost() + ":" + engine.getPeerPort();
            cache = new ClientSessionCache() {
                @Override
                public void put(String serverName, ResumableSession session) {
                    ctx.clientCache.put(key, session);
                    ctx.remember(session, engine.sessionOrigin());
                }

                @Override
                public Optional<ResumableSession> take(String serverName) {
                    Optional<ResumableSession> taken = ctx.clientCache.take(key);
                    while (taken.isPresent() && ctx.originOf(taken.get()) != null
                            && !ctx.originOf(taken.get()).isValid()) {
                        taken = ctx.clientCache.take(key);
                    }
                    taken.ifPresent(engine::offered);
                    return taken;
                }
            };
        }
        return ClientConfig.builder()
                .versions(s.versions)
                .cipherSuites(s.suites)
                .groups(s.groups)
                .signatureSchemes(s.schemes)
                .applicationProtocols(s.alpn)
                .certificates(KeyAdapter.clientKeys(ctx.keyManager, engine))
                .verifier(TrustAdapter.forServer(ctx.trustManager, engine))
                .crypto(ctx.crypto)
                .sessionCache(cache)
                .build();
    }

    /**
     * The server config for this engine: certificates and ALPN are chosen per handshake by a
     * {@link ServerHelloHook} once the ClientHello is read.
     */
    static ServerConfig server(JsseContext ctx, EngineSettings s, TlsjSSLEngine engine) {
        ClientAuth auth = s.needClientAuth ? ClientAuth.REQUIRED : s.wantClientAuth ? ClientAuth.OPTIONAL : ClientAuth.NONE;
        ServerConfig.Builder b = ServerConfig.builder()
                .clientHelloHandler(new ServerHelloHook(engine))
                .versions(s.versions)
                .cipherSuites(s.suites)
                .groups(s.groups)
                .signatureSchemes(s.schemes)
                .applicationProtocols(s.alpn)
                .crypto(ctx.crypto)
                .ticketKeys(ctx.ticketKeys)
                .sessionCache(ctx.serverCache);
        if (auth != ClientAuth.NONE) {
            b.clientAuth(auth, TrustAdapter.forClient(ctx.trustManager, engine));
        }
        return b.build();
    }
}
