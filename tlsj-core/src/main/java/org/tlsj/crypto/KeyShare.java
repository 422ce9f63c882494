package org.tlsj.crypto;

import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * One side's ephemeral key exchange in progress: the share it sends, and the completion with the peer's
 * share. For ECDH groups both sides use this; for a KEM group (the ML-KEM hybrids, pure ML-KEM) the client
 * uses this and the server uses {@link CryptoProvider#encapsulate}.
 */
public interface KeyShare {
    /** The group. */
    NamedGroup group();

    /** The public share as carried in key_share (or ServerKeyExchange / ClientKeyExchange). */
    Bytes publicShare();

    /**
     * Computes the shared secret from the peer's share.
     *
     * @throws TlsFatalAlertException illegal_parameter if the peer share is malformed, not on the curve,
     *     or gives an all-zero X25519 result
     */
    Secret complete(Bytes peerShare) throws TlsFatalAlertException;
}
