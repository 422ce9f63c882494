package org.tlsj;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed handshake negotiated.
 *
 * @param version the protocol version
 * @param cipherSuite the cipher suite
 * @param group the key exchange group (a resumed TLS 1.2 session has no key exchange of its own: the group of the
 *              full handshake that created it)
 * @param signatureScheme the scheme the server signed with
 * @param serverName the SNI host name, if any
 * @param applicationProtocol the ALPN protocol, if any
 * @param peerCertificates the peer's chain as sent (leaf first); empty if none
 * @param localCertificates the chain this side sent in this handshake (leaf first): on a server the chosen
 *                          credential's, on a client the one it answered a certificate request with. Empty
 *                          when none was sent, which includes every resumption (no Certificate message is
 *                          exchanged then; a JSSE view that reports the resumed session's original chain, as
 *                          SunJSSE does, keeps it from the full handshake)
 * @param helloRetried whether a HelloRetryRequest was needed
 * @param resumed whether the session was resumed (no certificate exchanged)
 * @param sessionId on a server, the session's id in hex: chosen by the full handshake that created the session
 *                  (its TLS 1.2 session id when it has one) and the same on every resumption of it; empty on a client
 */
public record SessionInfo(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group,
                          SignatureScheme signatureScheme, Optional<String> serverName,
                          Optional<String> applicationProtocol, List<X509Certificate> peerCertificates,
                          List<X509Certificate> localCertificates, boolean helloRetried, boolean resumed,
                          Optional<String> sessionId) {
    /** Validates and copies. */
    public SessionInfo {
        Objects.requireNonNull(version);
        Objects.requireNonNull(cipherSuite);
        Objects.requireNonNull(group);
        Objects.requireNonNull(signatureScheme);
        Objects.requireNonNull(serverName);
        Objects.requireNonNull(applicationProtocol);
        peerCertificates = List.copyOf(peerCertificates);
        localCertificates = List.copyOf(localCertificates);
        Objects.requireNonNull(sessionId);
    }

    /** A session in which this side sent no certificate. */
    public SessionInfo(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group,
                       SignatureScheme signatureScheme, Optional<String> serverName,
                       Optional<String> applicationProtocol, List<X509Certificate> peerCertificates,
                       boolean helloRetried, boolean resumed, Optional<String> sessionId) {
        this(version, cipherSuite, group, signatureScheme, serverName, applicationProtocol, peerCertificates,
                List.of(), helloRetried, resumed, sessionId);
    }

    /** A session without an id in which this side sent no certificate (a client's, or one built by hand). */
    public SessionInfo(ProtocolVersion version, CipherSuite cipherSuite, NamedGroup group,
                       SignatureScheme signatureScheme, Optional<String> serverName,
                       Optional<String> applicationProtocol, List<X509Certificate> peerCertificates,
                       boolean helloRetried, boolean resumed) {
        this(version, cipherSuite, group, signatureScheme, serverName, applicationProtocol, peerCertificates,
                helloRetried, resumed, Optional.empty());
    }

    /** The verified peer's identity: its leaf certificate's subject, if it sent one. */
    public Optional<String> peerIdentity() {
        return peerCertificates.isEmpty() ? Optional.empty()
                : Optional.of(peerCertificates.getFirst().getSubjectX500Principal().getName());
    }

    /** One line, for logs: version, suite, group. */
    public String summary() {
        return version.displayName() + " " + cipherSuite.displayName() + " " + group.displayName();
    }
}
