package org.tlsj.crypto.bc;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AbstractKeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/**
 * ECDHE over secp256r1 or secp384r1 with Bouncy Castle's custom curves. The private scalar comes from the
 * {@link RandomSource} (see {@link BcNistCurve#randomScalar}); the public share is computed with the
 * fixed-point comb; the shared secret is the X coordinate of d times the validated peer point, padded to
 * the field size (RFC 8446 section 7.4.2).
 */
final class BcEcdhKeyShare extends AbstractKeyShare {
    private final BcNistCurve curve;
    private final BigInteger privateScalar;

    private BcEcdhKeyShare(BcNistCurve curve, BigInteger privateScalar, Bytes publicShare) {
        super(curve.group(), publicShare);
        this.curve = curve;
        this.privateScalar = privateScalar;
    }

    /** A fresh key pair. */
    static BcEcdhKeyShare generate(BcNistCurve curve, RandomSource random) {
        BigInteger d = curve.randomScalar(random);
        return new BcEcdhKeyShare(curve, d, curve.encode(curve.multiplyGenerator(d)));
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        ECPoint peer = curve.decodePeer(peerShare);
        ECPoint shared = peer.multiply(privateScalar).normalize();
        if (shared.isInfinity()) {
            throw KeyShareChecks.badKeyShare(curve.group() + " shared point is the point at infinity");
        }
        return Secret.wrap(shared.getAffineXCoord().getEncoded());
    }

    @Override
    public String toString() {
        return "BcEcdhKeyShare[" + curve.group() + "]";
    }
}
