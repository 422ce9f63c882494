package org.tlsj.bogo;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.ClientCertificateVerifier;
import org.tlsj.pki.ServerCertificateVerifier;

/**
 * The application's certificate check as BoringSSL's shim plays it: the chain is accepted unless
 * {@code -verify-fail}; a failure aborts the handshake only with {@code -verify-peer} (a server always
 * aborts), else the client goes on in "soft fail" mode and only remembers the result, which
 * {@code -expect-verify-result} checks. The alert is the callback's choice: certificate_unknown for the
 * custom callback ({@code -use-custom-verify-callback}), handshake_failure for the legacy one. A resumption
 * keeps the result of the handshake that made the session, as a session does.
 */
final class ShimVerifier implements ServerCertificateVerifier, ClientCertificateVerifier {
    private volatile boolean failed;
    private volatile boolean refuse;
    private volatile boolean fatal;
    private volatile AlertDescription alert = AlertDescription.HANDSHAKE_FAILURE;

    /** Sets the behaviour for the next connection. */
    void configure(ShimFlags.View f, boolean server) {
        refuse = f.has("-verify-fail");
        fatal = server || f.has("-verify-peer");
        alert = f.has("-use-custom-verify-callback") ? AlertDescription.CERTIFICATE_UNKNOWN
                : AlertDescription.HANDSHAKE_FAILURE;
    }

    /** Whether the last chain checked was refused (X509_V_ERR_APPLICATION_VERIFICATION in BoringSSL). */
    boolean lastFailed() {
        return failed;
    }

    @Override
    public ChainChecks verify(List<X509Certificate> chain, Optional<String> serverName, Instant now)
            throws TlsFatalAlertException {
        return check();
    }

    @Override
    public ChainChecks verifyClient(List<X509Certificate> chain, Instant now) throws TlsFatalAlertException {
        return check();
    }

    private ChainChecks check() throws TlsFatalAlertException {
        failed = refuse;
        if (refuse && fatal) {
            throw new TlsFatalAlertException(Reason.CertificateProblem.INVALID, alert,
                    "certificate chain is invalid: refused by -verify-fail", null);
        }
        return new ChainChecks(List.of(refuse ? "chain: refused by -verify-fail, ignored (soft fail)"
                : "chain: accepted by the conformance shim"));
    }
}
