package org.tlsj.crypto;

import org.tlsj.Bytes;

/** HKDF (RFC 5869) over one hash. TLS labels (HKDF-Expand-Label) are built by the key schedule. */
public interface Hkdf {
    /** The hash. */
    HashAlgorithm algorithm();

    /** HKDF-Extract(salt, ikm). RFC 8446 "0" inputs are passed as HashLen zero bytes. */
    Secret extract(Secret salt, Secret ikm);

    /** HKDF-Expand(prk, info, length). */
    Secret expand(Secret prk, Bytes info, int length);
}
