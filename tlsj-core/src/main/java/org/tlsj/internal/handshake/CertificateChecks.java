package org.tlsj.internal.handshake;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.ClientCertificateVerifier;
import org.tlsj.pki.ServerCertificateVerifier;

/**
 * The peer's certificate chain, checked by the configured verifier: the only place a {@link Proofs.ChainVerified}
 * is made, right after the verifier returned normally. The verifier reports its checks as a public
 * {@link ChainChecks}, which is a description anyone can build; the proof is this package's token.
 */
public final class CertificateChecks {
    private CertificateChecks() {
    }

    /** The client's check of the server's chain for {@code serverName}. */
    public static Proofs.ChainVerified verifyServer(ServerCertificateVerifier verifier, List<X509Certificate> chain,
                                                    Optional<String> serverName, Instant now)
            throws TlsFatalAlertException {
        ChainChecks checks = Objects.requireNonNull(verifier.verify(chain, serverName, now),
                "the server certificate verifier returned null; it must return its checks or throw");
        return Proofs.chainVerified(chain, checks.checks());
    }

    /** The server's check of the client's chain (mutual TLS). */
    public static Proofs.ChainVerified verifyClient(ClientCertificateVerifier verifier, List<X509Certificate> chain,
                                                    Instant now) throws TlsFatalAlertException {
        ChainChecks checks = Objects.requireNonNull(verifier.verifyClient(chain, now),
                "the client certificate verifier returned null; it must return its checks or throw");
        return Proofs.chainVerified(chain, checks.checks());
    }

    /**
     * A client without a certificate (not asked for one, or it sent an empty Certificate): allowed unless the
     * server requires one. Then TLS 1.3 answers certificate_required (RFC 8446 section 4.4.2.4) and TLS 1.2
     * handshake_failure (RFC 5246 section 7.4.6).
     */
    public static Proofs.ClientCertificateNotRequired withoutClientCertificate(ClientAuth policy,
                                                                               ProtocolVersion version)
            throws TlsFatalAlertException {
        if (policy == ClientAuth.REQUIRED) {
            if (version.equals(ProtocolVersion.TLS13)) {
                throw Fatal.of(Reason.PeerMisbehaved.CERTIFICATE_REQUIRED);
            }
            throw new TlsFatalAlertException(Reason.PeerMisbehaved.CERTIFICATE_REQUIRED,
                    AlertDescription.HANDSHAKE_FAILURE, "client sent no certificate but one is required", null);
        }
        return Proofs.clientCertificateNotRequired();
    }
}
