package org.tlsj.crypto;

import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The checks on a peer's key share that every {@link CryptoProvider} makes the same way, whatever computes
 * the exchange, so that all providers refuse the same shares with the same alert (illegal_parameter) and
 * message.
 */
public final class KeyShareChecks {
    /** X25519 share and shared secret length (RFC 7748). */
    public static final int X25519_LENGTH = 32;

    private KeyShareChecks() {
    }

    /**
     * Checks that an X25519 peer share is exactly 32 bytes.
     *
     * @param peerShare the peer's share
     * @throws TlsFatalAlertException illegal_parameter if it has another length
     */
    public static void requireX25519Length(Bytes peerShare) throws TlsFatalAlertException {
        if (peerShare.length() != X25519_LENGTH) {
            throw Jca.badKeyShare("x25519 share must be " + X25519_LENGTH + " bytes, got " + peerShare.length());
        }
    }

    /**
     * The failure for an all-zero X25519 shared secret (a small-order peer share), which RFC 8446 section
     * 7.4.2 and RFC 7748 section 6.1 require to abort.
     *
     * @return an illegal_parameter failure to throw
     */
    public static TlsFatalAlertException allZeroX25519Secret() {
        return Jca.badKeyShare("x25519 shared secret is all zeros (small-order peer share)");
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
            throw Jca.badKeyShare(group + " share must be " + (1 + 2 * fieldBytes)
                    + " bytes (uncompressed point), got " + peerShare.length());
        }
        if (peerShare.get(0) != 0x04) {
            throw Jca.badKeyShare(group + " share must be an uncompressed point (0x04), starts with "
                    + String.format("0x%02x", peerShare.get(0)));
        }
    }
}
