package org.tlsj.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * Ed25519 (RFC 8032, pure, no context) with Bouncy Castle's {@code rfc8032.Ed25519}. A signing key is the
 * 32-byte seed with its public key derived once (deriving it costs as much as a signature), so the signer
 * is meant to be cached per key.
 */
final class BcEd25519 {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private BcEd25519() {
    }

    /** A signer for a 32-byte seed (copied). */
    static Signer signer(byte[] seed) {
        byte[] sk = seed.clone();
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(sk, 0, pk, 0);
        return new Ed25519Signer(sk, pk);
    }

    /**
     * A verifier for a public key in SubjectPublicKeyInfo form, or null when the encoding is not the
     * expected one or the key is not a valid point (the caller then lets the JCA decide).
     */
    static Verifier verifier(byte[] spki) {
        if (spki == null || spki.length != SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(spki, SPKI_PREFIX.length);
        return point == null ? null : new Ed25519Verifier(point);
    }

    /** Signs with one seed; the seed never leaves this object. Thread-safe (the arrays are only read). */
    private static final class Ed25519Signer implements Signer {
        private final byte[] sk;
        private final byte[] pk;

        Ed25519Signer(byte[] sk, byte[] pk) {
            this.sk = sk;
            this.pk = pk;
        }

        @Override
        public SignatureScheme scheme() {
            return SignatureScheme.ED25519;
        }

        @Override
        public Bytes sign(Bytes message) {
            byte[] m = message.toArray();
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(sk, 0, pk, 0, m, 0, m.length, signature, 0);
            return Bytes.wrap(signature);
        }

        @Override
        public String toString() {
            return "BcSigner[ed25519]";
        }
    }

    /** Verifies with one decoded public point. */
    private record Ed25519Verifier(Ed25519.PublicPoint point) implements Verifier {
        @Override
        public SignatureScheme scheme() {
            return SignatureScheme.ED25519;
        }

        @Override
        public boolean verify(Bytes message, Bytes signature) {
            if (signature.length() != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            byte[] m = message.toArray();
            try {
                return Ed25519.verify(signature.toArray(), 0, point, m, 0, m.length);
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "BcVerifier[ed25519]";
        }
    }
}
