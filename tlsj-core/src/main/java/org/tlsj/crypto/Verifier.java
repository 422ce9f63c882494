package org.tlsj.crypto;

import org.tlsj.SignatureScheme;
import org.tlsj.Bytes;

/** Verifies signatures of one public key and scheme. */
public interface Verifier {
    /** The scheme. */
    SignatureScheme scheme();

    /** Whether the signature is valid; malformed signatures give false, never an exception. */
    boolean verify(Bytes message, Bytes signature);
}
