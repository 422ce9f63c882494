package org.tlsj.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import javax.crypto.KeyAgreement;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * ECDHE over secp256r1, secp384r1 or secp521r1. Shares are uncompressed points, {@code 0x04 || X || Y} with X
 * and Y padded to the field size (32, 48 or 66 bytes: P-521's 521 bits round up to 66 bytes, so the top 7 bits
 * of each coordinate are zero; RFC 8446 section 4.2.8.2); the shared secret is the X coordinate, padded.
 */
final class EcdhKeyShare extends AbstractKeyShare {
    private final EcCurve curve;
    private final PrivateKey privateKey;

    private EcdhKeyShare(NamedGroup group, EcCurve curve, PrivateKey privateKey, Bytes publicShare) {
        super(group, publicShare);
        this.curve = curve;
        this.privateKey = privateKey;
    }

    /** A fresh key pair; the JDK draws the private scalar from {@code random}. */
    static EcdhKeyShare generate(NamedGroup group, SecureRandom random) {
        EcCurve curve = EcCurve.forGroup(group);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.jcaName()), random);
            KeyPair pair = generator.generateKeyPair();
            Bytes share = Bytes.wrap(curve.uncompressed(((ECPublicKey) pair.getPublic()).getW()));
            return new EcdhKeyShare(group, curve, pair.getPrivate(), share);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(curve.jcaName() + " key generation failed", e);
        }
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        PublicKey peer = decode(peerShare);
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            byte[] secret = agreement.generateSecret();
            if (secret.length != curve.fieldBytes()) {
                throw new IllegalStateException("ECDH secret of " + secret.length + " bytes on " + curve.jcaName());
            }
            return Secret.wrap(secret);
        } catch (InvalidKeyException e) {
            throw KeyShareChecks.badKeyShare(group() + " share was refused by the key agreement", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure(group() + " key agreement failed", e);
        }
    }

    /**
     * Decodes and validates a peer point (RFC 8446 section 4.2.8.2, SP 800-56A partial validation): exact
     * length, uncompressed form (which also excludes the point at infinity, encoded as a lone 0x00),
     * coordinates below p, and on the curve.
     */
    private PublicKey decode(Bytes share) throws TlsFatalAlertException {
        int n = curve.fieldBytes();
        KeyShareChecks.requireUncompressedPoint(group(), n, share);
        ECPoint point = new ECPoint(new BigInteger(1, share.slice(1, 1 + n).toArray()),
                new BigInteger(1, share.slice(1 + n, 1 + 2 * n).toArray()));
        if (!curve.isOnCurve(point)) {
            throw KeyShareChecks.badKeyShare(group() + " share is not a point on the curve");
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.params()));
        } catch (InvalidKeySpecException e) {
            throw KeyShareChecks.badKeyShare(group() + " share was refused as a public key", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure("EC key factory failed", e);
        }
    }
}
