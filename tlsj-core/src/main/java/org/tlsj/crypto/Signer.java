package org.tlsj.crypto;

import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** Signs with one private key and scheme. */
public interface Signer {
    /** The scheme. */
    SignatureScheme scheme();

    /** Signs the message (the full to-be-signed content; hashing is part of the scheme). */
    Bytes sign(Bytes message) throws TlsFatalAlertException;
}
