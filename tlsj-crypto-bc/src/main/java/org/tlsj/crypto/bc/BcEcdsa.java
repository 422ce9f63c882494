package org.tlsj.crypto.bc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * ECDSA on P-256 and P-384 with Bouncy Castle's {@link ECDSASigner}; signatures are DER
 * {@code SEQUENCE {r, s}} as TLS carries them. Nonces are deterministic (RFC 6979, HMAC-DRBG over the
 * scheme's hash), so signing needs no randomness at all and a weak random source cannot leak the key. The
 * message hash is the JDK's (its SHA-2 is intrinsified); k times G uses the fixed-point comb.
 */
final class BcEcdsa {
    private BcEcdsa() {
    }

    /** A signer with the private scalar of a key on {@code curve}. */
    static Signer signer(BcNistCurve curve, ECPrivateKeyParameters key) {
        return new EcdsaSigner(curve.scheme(), curve, key);
    }

    /** A verifier with a validated public point on {@code curve}. */
    static Verifier verifier(BcNistCurve curve, ECPublicKeyParameters key) {
        return new EcdsaVerifier(curve.scheme(), curve, key);
    }

    private static byte[] hash(BcNistCurve curve, Bytes message) {
        try {
            return MessageDigest.getInstance(curve.hashName()).digest(message.toArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(curve.hashName() + " is not available in this JDK", e);
        }
    }

    /** Signs with one key; each call uses a fresh {@link ECDSASigner}, so it is thread-safe. */
    private record EcdsaSigner(SignatureScheme scheme, BcNistCurve curve, ECPrivateKeyParameters key)
            implements Signer {
        @Override
        public Bytes sign(Bytes message) throws TlsFatalAlertException {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(curve.newDigest()));
            signer.init(true, key);
            BigInteger[] rs = signer.generateSignature(hash(curve, message));
            try {
                return Bytes.wrap(StandardDSAEncoding.INSTANCE.encode(curve.order(), rs[0], rs[1]));
            } catch (IOException e) {
                throw KeyShareChecks.cryptoFailure("ECDSA signature encoding failed", e);
            }
        }

        @Override
        public String toString() {
            return "BcSigner[" + scheme() + "]";
        }
    }

    /** Verifies with one key; malformed DER, r or s out of range, or a wrong signature give false. */
    private record EcdsaVerifier(SignatureScheme scheme, BcNistCurve curve, ECPublicKeyParameters key)
            implements Verifier {
        @Override
        public boolean verify(Bytes message, Bytes signature) {
            try {
                // Strict DER: the decoder re-encodes and compares, and refuses r or s outside [0, n).
                BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(curve.order(), signature.toArray());
                ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, key);
                return verifier.verifySignature(hash(curve, message), rs[0], rs[1]);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "BcVerifier[" + scheme() + "]";
        }
    }
}
