package org.tlsj.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;

/** Small helpers shared by the JCA-backed implementations. */
final class Jca {
    private Jca() {
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }

    /** A local crypto failure (not the peer's fault): internal_error. */
    static TlsFatalAlertException cryptoFailure(String what, Throwable cause) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what, cause);
    }

    /** A malformed or unusable peer key share: illegal_parameter. */
    static TlsFatalAlertException badKeyShare(String what) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what);
    }

    /** A malformed or unusable peer key share with the JCA exception that detected it. */
    static TlsFatalAlertException badKeyShare(String what, Throwable cause) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what, cause);
    }

    /** Whether every byte is zero, in time independent of the contents. */
    static boolean isAllZero(byte[] value) {
        int acc = 0;
        for (byte b : value) {
            acc |= b;
        }
        return acc == 0;
    }
}
