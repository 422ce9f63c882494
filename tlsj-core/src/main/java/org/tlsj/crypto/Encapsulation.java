package org.tlsj.crypto;

import org.tlsj.Bytes;

/**
 * The server's answer to a client key share: the share to send back and the shared secret.
 *
 * @param serverShare the server's key_share bytes (for X25519MLKEM768: ML-KEM ciphertext then X25519 share)
 * @param sharedSecret the shared secret (for X25519MLKEM768: ML-KEM secret then X25519 secret)
 */
public record Encapsulation(Bytes serverShare, Secret sharedSecret) {
}
