package org.tlsj.crypto.bc;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AbstractKeyShare;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/**
 * X25519 (RFC 7748) on Bouncy Castle's {@code rfc7748.X25519}: the public share is a fixed-base
 * multiplication (precomputed table) rather than a ladder over u = 9. As with the JCA provider the private
 * scalar is exactly the next 32 bytes of the {@link RandomSource} (clamped when used), so tests can script
 * RFC keys. Shares are little-endian u-coordinates, as on the wire; the top bit of the peer's u is masked.
 */
final class BcX25519KeyShare extends AbstractKeyShare {
    /** Share, scalar and secret length. */
    static final int LENGTH = X25519.POINT_SIZE;

    private final byte[] scalar;

    private BcX25519KeyShare(byte[] scalar, Bytes publicShare) {
        super(NamedGroup.X25519, publicShare);
        this.scalar = scalar;
    }

    /** Draws the 32-byte scalar and computes scalar times the base point. */
    static BcX25519KeyShare generate(RandomSource random) {
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(scalar);
        byte[] share = new byte[LENGTH];
        X25519.scalarMultBase(scalar, 0, share, 0);
        return new BcX25519KeyShare(scalar, Bytes.wrap(share));
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        KeyShareChecks.requireX25519Length(peerShare);
        byte[] secret = new byte[LENGTH];
        // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: calculateAgreement is false for an all-zero result
        // (a small-order peer share), checked in constant time.
        if (!X25519.calculateAgreement(scalar, 0, peerShare.toArray(), 0, secret, 0)) {
            throw KeyShareChecks.allZeroX25519Secret();
        }
        return Secret.wrap(secret);
    }

    @Override
    public String toString() {
        return "BcX25519KeyShare[" + publicShare().hex() + "]";
    }
}
