package org.tlsj.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.tlsj.TlsFatalAlertException;

/** Decides whether a client's certificate chain is acceptable (mutual TLS). */
public interface ClientCertificateVerifier {
    /**
     * Checks the chain.
     *
     * @param chain the chain as the client sent it, leaf first, never empty
     * @param now the time to check validity against
     * @return the checks made, in plain words; returning (not throwing) accepts the chain, and the handshake then
     *         records its own proof of that
     * @throws TlsFatalAlertException with a {@code Reason.CertificateProblem} naming the cause
     */
    ChainChecks verifyClient(List<X509Certificate> chain, Instant now) throws TlsFatalAlertException;

    /** The CA names to send in CertificateRequest (certificate_authorities); empty sends none. */
    default List<X500Principal> acceptedIssuers() {
        return List.of();
    }
}
