package org.tlsj.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * X25519 (RFC 7748) through the JDK's XDH. The private scalar is exactly the next 32 bytes of the
 * {@link RandomSource} (so a test can inject RFC 8448's key); the public share is the agreement of that
 * scalar with the base point u = 9. On the wire a share is the 32-byte little-endian u-coordinate, while
 * the JCA speaks BigInteger u, so shares are reversed on the way in.
 */
final class X25519KeyShare extends AbstractKeyShare {
    /** Share and secret length. */
    static final int LENGTH = KeyShareChecks.X25519_LENGTH;

    private static final PublicKey BASE_POINT = basePoint();

    private final PrivateKey privateKey;

    private X25519KeyShare(PrivateKey privateKey, Bytes publicShare) {
        super(NamedGroup.X25519, publicShare);
        this.privateKey = privateKey;
    }

    /** Draws 32 bytes from the source as the private scalar (the JDK clamps it in the ladder). */
    static X25519KeyShare generate(RandomSource random) {
        byte[] scalar = new byte[LENGTH];
        random.nextBytes(scalar);
        try {
            PrivateKey key = KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
            return new X25519KeyShare(key, Bytes.wrap(agree(key, BASE_POINT)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 key generation failed", e);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        KeyShareChecks.requireX25519Length(peerShare);
        byte[] secret;
        try {
            secret = agree(privateKey, publicKey(decodeU(peerShare)));
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            // The JDK refuses small-order points itself ("Point has small order"): the result would be zero.
            throw KeyShareChecks.badKeyShare(
                    "x25519 share rejected (a small-order point: the shared secret would be all zeros)", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure("x25519 agreement failed", e);
        }
        // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: abort on an all-zero shared secret. The JDK checks
        // this too; we do not rely on it.
        if (KeyShareChecks.isAllZero(secret)) {
            throw KeyShareChecks.allZeroX25519Secret();
        }
        return Secret.wrap(secret);
    }

    /**
     * Decodes a little-endian u-coordinate. RFC 7748 section 5: the most significant bit of the last byte is
     * masked; values at or above p are accepted (the JDK reduces them modulo p).
     */
    private static BigInteger decodeU(Bytes share) {
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = (byte) share.get(LENGTH - 1 - i);
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    private static byte[] agree(PrivateKey key, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(key);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private static PublicKey publicKey(BigInteger u) throws GeneralSecurityException {
        return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    }

    private static PublicKey basePoint() {
        try {
            return publicKey(BigInteger.valueOf(9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("XDH is not available in this JDK", e);
        }
    }
}
