package org.tlsj.crypto.bc;

import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;

/** The failures key exchanges report, with the same reasons and alerts as the JCA provider. */
final class Shares {
    private Shares() {
    }

    /** A malformed or unusable peer key share: illegal_parameter. */
    static TlsFatalAlertException badKeyShare(String what) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what);
    }

    /** A malformed peer key share, with the exception that detected it. */
    static TlsFatalAlertException badKeyShare(String what, Throwable cause) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what, cause);
    }

    /** A local crypto failure (not the peer's fault): internal_error. */
    static TlsFatalAlertException cryptoFailure(String what, Throwable cause) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what, cause);
    }
}
