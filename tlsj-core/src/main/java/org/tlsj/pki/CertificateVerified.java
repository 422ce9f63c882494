package org.tlsj.pki;

import java.util.List;

/**
 * Proof that a certificate chain was checked. The handshake cannot reach its final state without one, so
 * a flow that skips the check does not compile. {@code checks} lists, in plain words, each check that
 * passed (for the trace and the demo).
 *
 * @param checks each check made and its result, for example {@code "hostname: localhost matches DNS:localhost"}
 */
public record CertificateVerified(List<String> checks) {
    /** Copies the list. */
    public CertificateVerified {
        checks = List.copyOf(checks);
    }
}
