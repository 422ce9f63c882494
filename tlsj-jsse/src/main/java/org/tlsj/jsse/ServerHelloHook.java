package org.tlsj.jsse;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.tlsj.ClientHelloHandler;
import org.tlsj.ClientHelloInfo;
import org.tlsj.pki.CertifiedKey;

/**
 * A server engine's {@link ClientHelloHandler}: once the client's hello is read, the handshake session shows
 * the requested names and the client's signature algorithms, then JSSE's server-side choices run in the
 * order SunJSSE runs them: the {@code SNIMatcher}s (no match is unrecognized_name), the ALPN selector or the
 * configured list (then visible as {@code getHandshakeApplicationProtocol()}), and the key manager's
 * {@code chooseEngineServerAlias}/{@code chooseServerAlias} for each key type the client's signature schemes
 * allow (with its certificate_authorities as issuers).
 */
final class ServerHelloHook implements ClientHelloHandler {
    private final TlsjSSLEngine engine;
    private volatile String protocol;

    ServerHelloHook(TlsjSSLEngine engine) {
        this.engine = engine;
    }

    /** The ALPN protocol chosen for this handshake, "" for none; null until the ClientHello. */
    String protocol() {
        return protocol;
    }

    @Override
    public Decision onClientHello(ClientHelloInfo hello) {
        List<SNIServerName> names = hello.serverName().map(n -> List.<SNIServerName>of(new SNIHostName(n)))
                .orElse(List.of());
        TlsjSession session = engine.handshakeSessionImpl();
        if (session != null) {
            session.clientHello(names, JsseNames.jcaNames(hello.signatureSchemes()));
            session.handshakeProtocol(hello.version().displayName());
        }
        if (!names.isEmpty() && !matches(engine.sniMatchers(), names.getFirst())) {
            return Decision.refuseName();
        }
        String chosen = alpn(hello.applicationProtocols());
        if (chosen == null) {
            return Decision.DEFAULT.withAlpn(new Alpn.Refuse());
        }
        protocol = chosen;
        Principal[] issuers = hello.certificateAuthorities().isEmpty() ? null
                : hello.certificateAuthorities().toArray(Principal[]::new);
        List<String> keyTypes = hello.signatureSchemes().stream().map(JsseNames::keyType)
                .flatMap(java.util.Optional::stream).distinct().toList();
        List<CertifiedKey> keys = KeyAdapter.serverKeys(engine.keyManager(), engine, keyTypes, issuers);
        Decision d = keys.isEmpty() ? Decision.DEFAULT : Decision.DEFAULT.withCertificates(keys);
        return d.withAlpn(chosen.isEmpty() ? new Alpn.Omit() : new Alpn.Select(chosen));
    }

    /**
     * SunJSSE's rule: the matcher for the name's type decides; with matchers set but none for this type, or
     * none matching, the name is not recognized. Without matchers every name is accepted.
     */
    private static boolean matches(Collection<SNIMatcher> matchers, SNIServerName name) {
        if (matchers == null || matchers.isEmpty()) {
            return true;
        }
        return matchers.stream().anyMatch(m -> m.getType() == name.getType() && m.matches(name));
    }

    /**
     * The protocol to answer with: the socket's or engine's selector if set (null refuses, "" omits ALPN), else
     * the first configured protocol the client offered. Null when the client's offer is refused, "" for no ALPN.
     */
    private String alpn(List<String> offered) {
        if (offered.isEmpty()) {
            return "";
        }
        SSLSocket owner = engine.owner();
        BiFunction<SSLSocket, List<String>, String> socketSelector = owner == null ? null
                : owner.getHandshakeApplicationProtocolSelector();
        if (socketSelector != null) {
            return socketSelector.apply(owner, offered);
        }
        BiFunction<SSLEngine, List<String>, String> engineSelector = engine.getHandshakeApplicationProtocolSelector();
        if (engineSelector != null) {
            return engineSelector.apply(engine, offered);
        }
        List<String> ours = engine.configuredAlpn();
        if (ours.isEmpty()) {
            return "";
        }
        return ours.stream().filter(offered::contains).findFirst().orElse(null);
    }
}
