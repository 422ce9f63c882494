package org.tlsj.pki;

import java.util.List;

/**
 * What a certificate verifier checked, in plain words, for the trace and the demo. It is a description, not a
 * proof: anyone can build one. The handshake makes its own proof that the chain was accepted (an internal token
 * that only tlsj-core can create) when {@link ServerCertificateVerifier#verify} or
 * {@link ClientCertificateVerifier#verifyClient} returns normally; a verifier refuses a chain by throwing.
 *
 * <p>Until issue 13 verifiers returned {@code ChainChecks}, a public record that the final handshake state
 * took as its proof; a verifier written for that API returns {@code new ChainChecks(checks)} instead.
 *
 * @param checks each check made and its result, for example {@code "hostname: localhost matches DNS:localhost"}
 */
public record ChainChecks(List<String> checks) {
    /** Copies the list. */
    public ChainChecks {
        checks = List.copyOf(checks);
    }
}
