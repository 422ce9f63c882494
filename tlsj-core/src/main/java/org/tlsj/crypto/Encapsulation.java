package org.tlsj.crypto;

import org.tlsj.Bytes;

/**
 * The server's answer to a client key share: the share to send back and the shared secret.
 *
 * @param serverShare the server's key_share bytes (for a hybrid: the ciphertext and the ECDH share in the group's
 *     order, see {@link HybridKeyShare})
 * @param sharedSecret the shared secret (for a hybrid: the ML-KEM and ECDH secrets in the group's order)
 */
public record Encapsulation(Bytes serverShare, Secret sharedSecret) {
}
