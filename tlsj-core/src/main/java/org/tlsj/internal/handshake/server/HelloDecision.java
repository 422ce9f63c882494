package org.tlsj.internal.handshake.server;

import java.util.List;
import java.util.Optional;
import org.tlsj.ClientHelloHandler;
import org.tlsj.ClientHelloHandler.Alpn;
import org.tlsj.ClientHelloHandler.Decision;
import org.tlsj.ClientHelloInfo;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.handshake.CertificateAuthorities;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.SignatureAlgorithmsCertExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.pki.CertifiedKey;

/**
 * The server's per-handshake decision after the ClientHello: the application's {@link ClientHelloHandler}
 * if it set one, else the configured certificates and ALPN list. Called once per handshake, by both flows.
 */
final class HelloDecision {
    private HelloDecision() {
    }

    /**
     * What the handshake serves.
     *
     * @param certificates the candidates the credential is chosen among
     * @param alpn the protocol to answer ALPN with, if any
     */
    record Decided(List<CertifiedKey> certificates, Optional<String> alpn) {
    }

    /** Asks the handler (if any) and applies its answer: server name first, then ALPN, then certificates. */
    static Decided decide(ServerConfig config, ClientHello ch, ProtocolVersion version, Optional<String> sni)
            throws TlsFatalAlertException {
        Optional<AlpnExt> offered = ch.extensions().find(AlpnExt.class);
        if (config.clientHelloHandler().isEmpty()) {
            return new Decided(config.certificates(), ServerChoices.alpn(config, offered));
        }
        Decision d = ask(config.clientHelloHandler().get(), info(ch, version, sni));
        // RFC 6066 section 3: a server that does not recognize the requested name may end with unrecognized_name.
        if (d.refuseServerName()) {
            throw Fatal.of(Reason.PeerIncompatible.UNRECOGNIZED_NAME, "the server refused "
                    + sni.map(n -> "the name " + n).orElse("a handshake without a server name"));
        }
        Optional<String> alpn = alpn(config, d.alpn(), offered);
        List<CertifiedKey> certificates = d.certificates().orElse(config.certificates());
        if (certificates.isEmpty()) {
            throw Fatal.of(Reason.PeerIncompatible.NO_CERTIFICATE_FOR_NAME,
                    "the server has no certificate for " + sni.orElse("a client without a server name"));
        }
        return new Decided(certificates, alpn);
    }

    private static Decision ask(ClientHelloHandler handler, ClientHelloInfo info) throws TlsFatalAlertException {
        Decision d;
        try {
            d = handler.onClientHello(info);
        } catch (RuntimeException e) {
            throw Fatal.of(Reason.Local.CLIENT_HELLO_HANDLER_FAILED, e.getClass().getName(), e);
        }
        if (d == null) {
            throw Fatal.of(Reason.Local.CLIENT_HELLO_HANDLER_FAILED, "it returned no decision");
        }
        return d;
    }

    /** RFC 7301 section 3.2: the protocol must be one the client offered; none acceptable is no_application_protocol. */
    private static Optional<String> alpn(ServerConfig config, Alpn choice, Optional<AlpnExt> offered)
            throws TlsFatalAlertException {
        if (offered.isEmpty()) {
            return Optional.empty(); // never an unsolicited ALPN answer (RFC 7301 section 3.1)
        }
        List<String> theirs = offered.get().protocols();
        return switch (choice) {
            case Alpn.Configured c -> ServerChoices.alpn(config, offered);
            case Alpn.Omit o -> Optional.empty();
            case Alpn.Refuse r -> throw Fatal.of(Reason.PeerIncompatible.NO_APPLICATION_PROTOCOL,
                    "the server accepts none of " + theirs);
            case Alpn.Select s when theirs.contains(s.protocol()) -> Optional.of(s.protocol());
            case Alpn.Select s -> throw Fatal.of(Reason.PeerIncompatible.NO_APPLICATION_PROTOCOL,
                    "the server chose " + s.protocol() + ", which the client did not offer: " + theirs);
        };
    }

    /** The ClientHello as the handler sees it. */
    static ClientHelloInfo info(ClientHello ch, ProtocolVersion version, Optional<String> sni)
            throws TlsFatalAlertException {
        List<SignatureScheme> schemes = ch.extensions().find(SignatureAlgorithmsExt.class)
                .map(SignatureAlgorithmsExt::schemes).orElse(List.of());
        // RFC 8446 section 4.2.3: without signature_algorithms_cert, signature_algorithms applies to certificates too.
        List<SignatureScheme> certSchemes = ch.extensions().find(SignatureAlgorithmsCertExt.class)
                .map(SignatureAlgorithmsCertExt::schemes).orElse(schemes);
        return new ClientHelloInfo(sni, ch.extensions().find(AlpnExt.class).map(AlpnExt::protocols).orElse(List.of()),
                schemes, certSchemes,
                ch.extensions().find(SupportedGroupsExt.class).map(SupportedGroupsExt::groups).orElse(List.of()),
                ch.cipherSuites(), version, CertificateAuthorities.parse(ch.extensions()));
    }
}
