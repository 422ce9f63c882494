package org.tlsj.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (leaf first) and the leaf's private key.
 *
 * @param chain the chain, leaf first, not empty
 * @param privateKey the leaf's private key
 */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey privateKey) {
    /** Validates and copies. */
    public CertifiedKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        Objects.requireNonNull(privateKey);
    }

    /** The leaf certificate. */
    public X509Certificate leaf() {
        return chain.getFirst();
    }

    /** Redacted: subject only. */
    @Override
    public String toString() {
        return "CertifiedKey[" + leaf().getSubjectX500Principal().getName() + ", " + privateKey.getAlgorithm() + "]";
    }
}
