package org.tlsj;

import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * What a server has learned from the client's (first) ClientHello when its {@link ClientHelloHandler} is
 * called: enough to pick a certificate, an application protocol, or to refuse the server name.
 *
 * @param serverName the host name the client asked for (server_name, RFC 6066 section 3), if any
 * @param applicationProtocols the ALPN protocols the client offered, in its order; empty if it sent no ALPN
 * @param signatureSchemes the client's signature_algorithms (what it accepts in CertificateVerify / ServerKeyExchange)
 * @param certificateSignatureSchemes the client's signature_algorithms_cert, or {@code signatureSchemes} when it
 *                                    sent none (RFC 8446 section 4.2.3)
 * @param groups the client's supported_groups
 * @param cipherSuites the client's cipher suites, in its order
 * @param version the version this handshake negotiates
 * @param certificateAuthorities the CAs the client named in certificate_authorities (RFC 8446 section 4.2.4); empty
 *                               if it named none
 */
public record ClientHelloInfo(Optional<String> serverName, List<String> applicationProtocols,
                              List<SignatureScheme> signatureSchemes, List<SignatureScheme> certificateSignatureSchemes,
                              List<NamedGroup> groups, List<CipherSuite> cipherSuites, ProtocolVersion version,
                              List<X500Principal> certificateAuthorities) {
    /** Copies the lists. */
    public ClientHelloInfo {
        java.util.Objects.requireNonNull(serverName);
        applicationProtocols = List.copyOf(applicationProtocols);
        signatureSchemes = List.copyOf(signatureSchemes);
        certificateSignatureSchemes = List.copyOf(certificateSignatureSchemes);
        groups = List.copyOf(groups);
        cipherSuites = List.copyOf(cipherSuites);
        java.util.Objects.requireNonNull(version);
        certificateAuthorities = List.copyOf(certificateAuthorities);
    }
}
