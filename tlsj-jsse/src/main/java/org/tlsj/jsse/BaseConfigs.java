package org.tlsj.jsse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ServerConfig;
import org.tlsj.pki.ClientCertificateVerifier;
import org.tlsj.pki.ServerCertificateVerifier;

/**
 * The tlsj configs a context made by {@link TlsjContexts} starts every engine from. The engine's JSSE
 * settings (protocols, suites, groups, schemes, ALPN, client auth, endpoint identification) are layered
 * on top; everything else (certificates, verifiers, crypto, ticket keys, caches, key log, trace) comes
 * from the base unchanged. Either side may be absent: an engine in that mode then cannot start.
 *
 * @param client the client-mode base, or null
 * @param server the server-mode base, or null
 */
record BaseConfigs(ClientConfig client, ServerConfig server) {

    /** The initial settings of an engine: what the base of its first mode asks for. */
    EngineSettings settings() {
        EngineSettings s = EngineSettings.defaults(client != null ? client.versions() : server.versions());
        if (client != null) {
            s.suites = new ArrayList<>(client.cipherSuites());
            s.groups = client.groups();
            s.schemes = client.signatureSchemes();
            s.alpn = client.applicationProtocols();
        } else {
            s.suites = new ArrayList<>(server.cipherSuites());
            s.groups = server.groups();
            s.schemes = server.signatureSchemes();
            s.alpn = server.applicationProtocols();
            s.clientAuth = server.clientAuth();
        }
        s.defaultGroups = s.groups;
        s.defaultSchemes = s.schemes;
        s.baseSchemes = true;
        return s;
    }

    /**
     * The client config for one engine. Resumption goes through the base's session cache as an
     * {@link EngineSessionCache}, as for key-manager contexts, so a new engine from the same context resumes.
     *
     * @throws IllegalArgumentException if this context has no client base (the engine reports it as an
     *     SSLHandshakeException)
     */
    ClientConfig client(JsseContext ctx, EngineSettings s, TlsjSSLEngine engine) {
        if (client == null) {
            throw new IllegalArgumentException("this TLSJ context was made for servers only (TlsjContexts.server)");
        }
        List<NamedGroup> shares = client.keyShareGroups().stream().filter(s.groups::contains).toList();
        return s.applyTo(client.toBuilder())
                .keyShareGroups(shares.isEmpty() ? List.of(s.groups.getFirst()) : shares)
                .verifier(verifier(client.verifier(), s, engine))
                .sessionCache(EngineSessionCache.of(ctx, client.sessionCache(), engine))
                .build();
    }

    /**
     * The server config for one engine; client authentication as the engine's need/want settings say, checked
     * by the base's client verifier. The engine's JSSE choices (SNI matchers, ALPN selector) run in
     * {@code hook}; the base's certificates are served.
     *
     * @throws IllegalArgumentException if this context has no server base, or client authentication is asked
     *     for and the base has no client verifier (the engine reports it as an SSLHandshakeException)
     */
    ServerConfig server(EngineSettings s, ServerHelloHook hook) {
        if (server == null) {
            throw new IllegalArgumentException("this TLSJ context was made for clients only (TlsjContexts.client)");
        }
        Optional<ClientCertificateVerifier> verifier = server.clientVerifier();
        if (s.clientAuth != ClientAuth.NONE && verifier.isEmpty()) {
            throw new IllegalArgumentException("client authentication is asked for, but the base ServerConfig has no "
                    + "client certificate verifier");
        }
        return s.applyTo(server.toBuilder(), hook)
                .clientAuth(s.clientAuth, verifier.orElse(null))
                .build();
    }

    /**
     * The base verifier, told the peer host when no server name was sent (an IP literal) and endpoint
     * identification is on: the base verifier checks the name, so it is not checked twice.
     */
    private static ServerCertificateVerifier verifier(ServerCertificateVerifier base, EngineSettings s,
            TlsjSSLEngine engine) {
        boolean identify = s.checksHostname();
        return (chain, serverName, now) -> {
            TlsjSession hs = engine.handshakeSessionImpl();
            if (hs != null) {
                hs.peerCertificates(chain);
            }
            Optional<String> name = serverName.isPresent() || !identify ? serverName
                    : Optional.ofNullable(engine.getPeerHost());
            return base.verify(chain, name, now);
        };
    }
}
