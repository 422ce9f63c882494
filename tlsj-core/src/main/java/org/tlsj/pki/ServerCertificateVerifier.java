package org.tlsj.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsj.TlsFatalAlertException;

/** Decides whether a server's certificate chain is acceptable for the name the client asked for. */
@FunctionalInterface
public interface ServerCertificateVerifier {
    /**
     * Checks the chain.
     *
     * @param chain the chain as the server sent it, leaf first, never empty
     * @param serverName the host name or IP literal the client connects to; empty if none is known
     * @param now the time to check validity against (from the injected clock)
     * @return the checks made, in plain words; returning (not throwing) accepts the chain, and the handshake then
     *         records its own proof of that
     * @throws TlsFatalAlertException with a {@code Reason.CertificateProblem} and a message naming the cause
     */
    ChainChecks verify(List<X509Certificate> chain, Optional<String> serverName, Instant now)
            throws TlsFatalAlertException;
}
