package org.tlsj.internal.handshake.server;

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
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;

/** The server's pure negotiation functions: suite, group, certificate and scheme, ALPN. */
final class ServerChoices {
    private ServerChoices() {
    }

    /** The first suite in our order that the client offered. */
    static CipherSuite suite(ServerConfig config, ClientHello ch) throws TlsFatalAlertException {
        // RFC 8446 section 4.1.3: a TLS 1.3 ServerHello names a TLS 1.3 suite; the config may list TLS 1.2
        // suites first (Netty's HTTP/2 list does), which must not be picked here.
        return config.cipherSuites().stream().filter(ServerChoices::isTls13)
                .filter(ch.cipherSuites()::contains).findFirst()
                .orElseThrow(() -> Fatal.of(Reason.PeerIncompatible.NO_COMMON_CIPHER_SUITE,
                        "client offered " + ch.cipherSuites() + "; we accept " + config.cipherSuites()));
    }

    private static boolean isTls13(CipherSuite suite) {
        return suite.version().filter(ProtocolVersion.TLS13::equals).isPresent();
    }

    /** The key share to use now: our most preferred group that the client sent a share for, if any. */
    static Optional<KeyShareEntry> share(ServerConfig config, List<NamedGroup> clientGroups,
                                         List<KeyShareEntry> shares) {
        for (NamedGroup g : config.groups()) {
            if (!clientGroups.contains(g)) {
                continue;
            }
            for (KeyShareEntry e : shares) {
                if (e.group().equals(g)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The group to ask for in a HelloRetryRequest: our most preferred one the client supports. */
    static NamedGroup retryGroup(ServerConfig config, List<NamedGroup> clientGroups) throws TlsFatalAlertException {
        return config.groups().stream().filter(clientGroups::contains).findFirst()
                .orElseThrow(() -> Fatal.of(Reason.PeerIncompatible.NO_COMMON_GROUP,
                        "client offered " + clientGroups + "; we accept " + config.groups()));
    }

    /**
     * A certificate and scheme: by SNI first, then one whose key can sign with a scheme the client accepts. Among
     * the certificates for a name, one with an ML-DSA key goes to a client that accepts its scheme whatever the
     * order they are configured in; other clients get the first (classical) one that fits.
     */
    record Credential(CertifiedKey key, SignatureScheme scheme) {
    }

    static Credential credential(ServerConfig config, List<CertifiedKey> certificates, Optional<String> sni,
                                 List<SignatureScheme> clientSchemes) throws TlsFatalAlertException {
        // Matching the SNI only puts the named certificates first, so with one certificate it cannot change
        // the choice; skipping it saves re-reading the subjectAltName on every handshake (issue 7).
        List<CertifiedKey> byName = certificates.size() < 2 ? List.of() : sni.map(n -> certificates.stream()
                .filter(c -> HostnameMatcher.matches(c.leaf(), n)).toList()).orElse(List.of());
        boolean postQuantum = clientSchemes.stream().anyMatch(SignatureScheme::isTls13Only)
                && config.signatureSchemes().stream().anyMatch(SignatureScheme::isTls13Only);
        for (List<CertifiedKey> candidates : List.of(byName, certificates)) {
            Optional<Credential> found = postQuantum && candidates.size() > 1
                    ? firstFit(config, candidates, clientSchemes, true) : Optional.empty();
            if (found.isEmpty()) {
                found = firstFit(config, candidates, clientSchemes, false);
            }
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw Fatal.of(Reason.PeerIncompatible.NO_SIGNATURE_SCHEME,
                "client accepts " + clientSchemes + "; our keys sign with none of them");
    }

    /** The first certificate, in order, whose key signs with one of our schemes (ML-DSA ones only if asked). */
    private static Optional<Credential> firstFit(ServerConfig config, List<CertifiedKey> candidates,
                                                 List<SignatureScheme> clientSchemes, boolean mlDsaOnly) {
        for (CertifiedKey c : candidates) {
            for (SignatureScheme s : config.signatureSchemes()) {
                // RFC 8446 section 4.4.3: never PKCS#1 v1.5 or SHA-1, even if both sides list them for TLS 1.2.
                if (!s.isLegacy() && (!mlDsaOnly || s.isTls13Only()) && clientSchemes.contains(s)
                        && config.crypto().signer(c.privateKey(), s).isPresent()) {
                    return Optional.of(new Credential(c, s));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The schemes a client may sign its CertificateVerify with: the config's client signature schemes that the
     * crypto provider implements, advertised in the CertificateRequest (TLS 1.3 and 1.2) and then enforced (TLS
     * 1.3 also refuses the legacy ones among them, RFC 8446 section 4.4.3).
     */
    static List<SignatureScheme> clientSchemes(ServerConfig config) {
        return config.clientSignatureSchemes().stream().filter(config.crypto().signatureSchemes()::contains).toList();
    }

    /** RFC 7301 section 3.2: the first of our protocols the client offered; none in common is an error. */
    static Optional<String> alpn(ServerConfig config, Optional<AlpnExt> offered) throws TlsFatalAlertException {
        if (offered.isEmpty() || config.applicationProtocols().isEmpty()) {
            return Optional.empty();
        }
        List<String> theirs = offered.get().protocols();
        return Optional.of(config.applicationProtocols().stream().filter(theirs::contains).findFirst()
                .orElseThrow(() -> Fatal.of(Reason.PeerIncompatible.NO_APPLICATION_PROTOCOL,
                        "client offered " + theirs + "; we accept " + config.applicationProtocols())));
    }
}
