package org.tlsj.crypto;

import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The checks on a peer's key share that every {@link CryptoProvider} makes the same way, whatever computes
 * the exchange, so that all providers refuse the same shares with the same alert (illegal_parameter) and
 * message; and the failures every provider reports alike.
 */
public final class KeyShareChecks {
    /** X25519 share and shared secret length (RFC 7748). */
    public static final int X25519_LENGTH = 32;

    private KeyShareChecks() {
    }

    /**
     * A malformed or unusable peer key share: illegal_parameter.
     *
     * @return the failure to throw
     */
    public static TlsFatalAlertException badKeyShare(String what) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what);
    }

    /**
     * A malformed or unusable peer key share, with the exception that detected it: illegal_parameter.
     *
     * @return the failure to throw
     */
    public static TlsFatalAlertException badKeyShare(String what, Throwable cause) {
        return Fatal.of(Reason.InvalidMessage.BAD_KEY_SHARE, what, cause);
    }

    /**
     * A local crypto failure, not the peer's fault, with the exception behind it: internal_error.
     *
     * @return the failure to throw
     */
    public static TlsFatalAlertException cryptoFailure(String what, Throwable cause) {
        return Fatal.of(Reason.Local.CRYPTO_FAILURE, what, cause);
    }

    /** Whether every byte is zero, in time independent of the contents (an X25519 secret from a small-order share). */
    public static boolean isAllZero(byte[] value) {
        int acc = 0;
        for (byte b : value) {
            acc |= b;
        }
        return acc == 0;
    }

    /**
     * Checks that an X25519 peer share is exactly 32 bytes.
     *
     * @param peerShare the peer's share
     * @throws TlsFatalAlertException illegal_parameter if it has another length
     */
    public static void requireX25519Length(Bytes peerShare) throws TlsFatalAlertException {
        if (peerShare.length() != X25519_LENGTH) {
            throw badKeyShare("x25519 share must be " + X25519_LENGTH + " bytes, got " + peerShare.length());
        }
    }

    /**
     * The failure for an all-zero X25519 shared secret (a small-order peer share), which RFC 8446 section
     * 7.4.2 and RFC 7748 section 6.1 require to abort.
     *
     * @return an illegal_parameter failure to throw
     */
    public static TlsFatalAlertException allZeroX25519Secret() {
        return badKeyShare("x25519 shared secret is all zeros (small-order peer share)");
    }

    /**
     * Checks the form of an ECDHE peer share (RFC 8446 section 4.2.8.2): exactly {@code 1 + 2 * fieldBytes}
     * bytes, starting with 0x04 (uncompressed, which also excludes the point at infinity). Whether the point
     * is on the curve is left to the caller.
     *
     * @param group the group, for the message
     * @param fieldBytes the curve's field element length in bytes
     * @param peerShare the peer's share
     * @throws TlsFatalAlertException illegal_parameter if the length or the form is wrong
     */
    public static void requireUncompressedPoint(NamedGroup group, int fieldBytes, Bytes peerShare)
            throws TlsFatalAlertException {
        if (peerShare.length() != 1 + 2 * fieldBytes) {
            throw badKeyShare(group + " share must be " + (1 + 2 * fieldBytes)
                    + " bytes (uncompressed point), got " + peerShare.length());
        }
        if (peerShare.get(0) != 0x04) {
            throw badKeyShare(group + " share must be an uncompressed point (0x04), starts with "
                    + String.format("0x%02x", peerShare.get(0)));
        }
    }
}
