package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Optional;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * Signers and verifiers over JCA {@link Signature}. ECDSA signatures are DER-encoded (the JCA's
 * "SHAxxxwithECDSA" format, which is what TLS carries). Each operation takes a fresh {@code Signature}, so
 * signers and verifiers are safe to share between threads.
 */
final class JcaSignatures {
    private JcaSignatures() {
    }

    static Optional<Signer> signer(PrivateKey key, SignatureScheme scheme, SecureRandom random) {
        return JcaSignatureAlgorithm.of(scheme)
                .filter(a -> a.fits(key) && acceptsForSigning(a, key))
                .map(a -> new JcaSigner(a, key, random));
    }

    static Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme) {
        return JcaSignatureAlgorithm.of(scheme)
                .filter(a -> a.fits(key) && acceptsForVerifying(a, key))
                .map(a -> new JcaVerifier(a, key));
    }

    /** As {@link #signer}, but an ECDSA scheme takes a key on any curve we know (TLS 1.2 names only the hash). */
    static Optional<Signer> tls12Signer(PrivateKey key, SignatureScheme scheme, SecureRandom random) {
        return JcaSignatureAlgorithm.of(scheme)
                .filter(a -> a.fitsTls12(key) && acceptsForSigning(a, key))
                .map(a -> new JcaSigner(a, key, random));
    }

    /** As {@link #verifier}, but an ECDSA scheme takes a key on any curve we know (TLS 1.2 names only the hash). */
    static Optional<Verifier> tls12Verifier(PublicKey key, SignatureScheme scheme) {
        return JcaSignatureAlgorithm.of(scheme)
                .filter(a -> a.fitsTls12(key) && acceptsForVerifying(a, key))
                .map(a -> new JcaVerifier(a, key));
    }

    /** The JCA has the last word on a key (a hardware key, a key too short for the parameters). */
    private static boolean acceptsForSigning(JcaSignatureAlgorithm algorithm, PrivateKey key) {
        try {
            algorithm.newSignature().initSign(key);
            return true;
        } catch (GeneralSecurityException | ProviderException e) {
            return false;
        }
    }

    private static boolean acceptsForVerifying(JcaSignatureAlgorithm algorithm, PublicKey key) {
        try {
            algorithm.newSignature().initVerify(key);
            return true;
        } catch (GeneralSecurityException | ProviderException e) {
            return false;
        }
    }

    /** Signs with one key; randomized schemes (ECDSA, PSS) draw from the provider's random source. */
    private static final class JcaSigner implements Signer {
        private final JcaSignatureAlgorithm algorithm;
        private final PrivateKey key;
        private final SecureRandom random;

        JcaSigner(JcaSignatureAlgorithm algorithm, PrivateKey key, SecureRandom random) {
            this.algorithm = algorithm;
            this.key = key;
            this.random = random;
        }

        @Override
        public SignatureScheme scheme() {
            return algorithm.scheme();
        }

        @Override
        public Bytes sign(Bytes message) throws TlsFatalAlertException {
            try {
                Signature signature = algorithm.newSignature();
                signature.initSign(key, random);
                signature.update(message.toArray());
                return Bytes.wrap(signature.sign());
            } catch (GeneralSecurityException | ProviderException e) {
                throw KeyShareChecks.cryptoFailure("signing with " + algorithm.scheme() + " failed", e);
            }
        }

        @Override
        public String toString() {
            return "Signer[" + algorithm.scheme() + ", " + key.getAlgorithm() + " key]";
        }
    }

    /** Verifies with one key; any failure to verify, malformed signatures included, is {@code false}. */
    private static final class JcaVerifier implements Verifier {
        private final JcaSignatureAlgorithm algorithm;
        private final PublicKey key;

        JcaVerifier(JcaSignatureAlgorithm algorithm, PublicKey key) {
            this.algorithm = algorithm;
            this.key = key;
        }

        @Override
        public SignatureScheme scheme() {
            return algorithm.scheme();
        }

        @Override
        public boolean verify(Bytes message, Bytes signatureBytes) {
            try {
                Signature signature = algorithm.newSignature();
                signature.initVerify(key);
                signature.update(message.toArray());
                return signature.verify(signatureBytes.toArray());
            } catch (GeneralSecurityException | ProviderException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "Verifier[" + algorithm.scheme() + ", " + key.getAlgorithm() + " key]";
        }
    }
}
