package org.tlsj.internal.handshake;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.pki.CertifiedKey;

/** The client's choice of certificate for a CertificateRequest (RFC 8446 section 4.4.2.3). */
public final class ClientCredentials {
    private ClientCredentials() {
    }

    /**
     * A certificate and scheme.
     *
     * @param key the chain and key
     * @param scheme the scheme to sign CertificateVerify with
     */
    public record Choice(CertifiedKey key, SignatureScheme scheme) {
    }

    /**
     * The first configured certificate whose key can sign with a scheme the server accepts and, if the
     * server named CAs, that chains to one of them; empty if none fits (the client then sends an empty
     * Certificate, RFC 8446 section 4.4.2.3 and RFC 5246 section 7.4.6). The scheme is the first of
     * {@code signing} (the config's client signature schemes, our preference order, nothing else) that the
     * provider implements, the server accepts and the key fits; in TLS 1.2 an ECDSA scheme names only its hash;
     * in TLS 1.3 never a legacy scheme, whatever either side lists.
     */
    public static Optional<Choice> choose(List<CertifiedKey> mine, List<SignatureScheme> signing,
                                          List<SignatureScheme> accepted, List<X500Principal> authorities,
                                          CryptoProvider crypto, ProtocolVersion version) {
        boolean tls12 = version.equals(ProtocolVersion.TLS12);
        List<SignatureScheme> ours = signing.stream().filter(s -> tls12 || !s.isLegacy())
                .filter(crypto.signatureSchemes()::contains).toList();
        for (CertifiedKey key : mine) {
            Optional<SignatureScheme> scheme = ours.stream()
                    .filter(accepted::contains)
                    .filter(s -> (tls12 ? crypto.tls12Signer(key.privateKey(), s) : crypto.signer(key.privateKey(), s))
                            .isPresent())
                    .findFirst();
            if (scheme.isEmpty()) {
                continue;
            }
            if (authorities.isEmpty() || issuedByOneOf(key.chain(), authorities)) {
                return Optional.of(new Choice(key, scheme.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean issuedByOneOf(List<X509Certificate> chain, List<X500Principal> authorities) {
        return chain.stream().anyMatch(c -> authorities.contains(c.getIssuerX500Principal())
                || authorities.contains(c.getSubjectX500Principal()));
    }
}
