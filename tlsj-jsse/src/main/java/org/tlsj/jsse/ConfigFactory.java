package org.tlsj.jsse;

import java.util.List;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.pki.CertifiedKey;

/** Builds the per-connection tlsj configs from an engine's JSSE settings and its context's managers. */
final class ConfigFactory {
    private ConfigFactory() {
    }

    /**
     * The client config for this engine; resumption goes through the context's cache as an
     * {@link EngineSessionCache}.
     */
    static ClientConfig client(JsseContext ctx, EngineSettings s, TlsjSSLEngine engine) {
        if (ctx.base != null) {
            return ctx.base.client(ctx, s, engine);
        }
        List<CertifiedKey> keys = KeyAdapter.clientKeys(ctx.keyManager, engine);
        return s.applyTo(ClientConfig.builder())
                .certificates(keys)
                .verifier(TrustAdapter.forServer(ctx.trustManager, engine))
                .crypto(ctx.crypto)
                .recordSizeLimit(recordSizeLimit(s.maximumPacketSize))
                .sessionCache(EngineSessionCache.of(ctx, ctx.clientCache, engine))
                .build();
    }

    /**
     * The server config for this engine: certificates and ALPN are chosen per handshake by a
     * {@link ServerHelloHook} once the ClientHello is read.
     */
    static ServerConfig server(JsseContext ctx, EngineSettings s, ServerHelloHook hook, TlsjSSLEngine engine) {
        if (ctx.base != null) {
            return ctx.base.server(s, hook);
        }
        ServerConfig.Builder b = s.applyTo(ServerConfig.builder(), hook)
                .crypto(ctx.crypto)
                .recordSizeLimit(recordSizeLimit(s.maximumPacketSize))
                .ticketKeys(ctx.ticketKeys)
                .sessionCache(ctx.serverCache);
        if (s.clientAuth != ClientAuth.NONE) {
            b.clientAuth(s.clientAuth, TrustAdapter.forClient(ctx.trustManager, engine));
        }
        return b.build();
    }

    /**
     * RFC 8449: the record_size_limit that keeps the peer's protected records within {@code maximumPacketSize}
     * (header, TLS 1.2 explicit nonce or TLS 1.3 content type, and tag included), clamped to 64..2^14+1.
     */
    static int recordSizeLimit(int maximumPacketSize) {
        return Math.clamp(maximumPacketSize - 5 - 8 - 16, 64, 16385);
    }
}
