package org.tlsj.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accepts every certificate chain without checking anything: no trust, no dates, no host name. It exists
 * only for the CLI's {@code --insecure} flag; the checks it records say "NOT CHECKED (insecure)" so the
 * trace never suggests the peer was authenticated.
 */
public final class InsecureTrustAllVerifier implements ServerCertificateVerifier {
    /** The one instance. */
    public static final InsecureTrustAllVerifier INSTANCE = new InsecureTrustAllVerifier();

    private InsecureTrustAllVerifier() {
    }

    /** Accepts the chain and records that nothing was checked. */
    @Override
    public ChainChecks verify(List<X509Certificate> chain, Optional<String> serverName, Instant now) {
        return new ChainChecks(List.of(
                "chain: NOT CHECKED (insecure)",
                "validity: NOT CHECKED (insecure)",
                "purpose: NOT CHECKED (insecure)",
                "hostname: NOT CHECKED (insecure)"));
    }

    @Override
    public String toString() {
        return "InsecureTrustAllVerifier[accepts any certificate]";
    }
}
