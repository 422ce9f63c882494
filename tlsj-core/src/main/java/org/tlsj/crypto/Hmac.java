package org.tlsj.crypto;

import org.tlsj.Bytes;

/** HMAC with a fixed key. */
public interface Hmac {
    /** The hash. */
    HashAlgorithm algorithm();

    /** HMAC(key, data). */
    Bytes mac(Bytes data);
}
