package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import org.tlsj.Bytes;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;

/**
 * ML-KEM on its own (draft-ietf-tls-mlkem: MLKEM768, MLKEM1024) and as the KEM part of a hybrid: the client
 * share is the raw encapsulation key, the server share the ciphertext, the shared secret ML-KEM's 32 bytes.
 * Every size is checked exactly; a malformed share is illegal_parameter. A ciphertext of the right size never
 * fails (FIPS 203 implicit rejection gives an unrelated secret, and the Finished check then fails).
 */
final class MlKemKeyShare extends AbstractKeyShare {
    private final MlKem kem;
    private final KeyPair pair;

    private MlKemKeyShare(NamedGroup group, MlKem kem, KeyPair pair) {
        super(group, Bytes.wrap(kem.rawPublicKey(pair.getPublic())));
        this.kem = kem;
        this.pair = pair;
    }

    /**
     * The client side: a fresh key pair drawn from {@code random}.
     *
     * @param group the group this share is for (the hybrid's, when it is a part), for the messages
     */
    static MlKemKeyShare generate(NamedGroup group, MlKem kem, SecureRandom random) {
        return new MlKemKeyShare(group, kem, kem.generate(random));
    }

    /** A client share over a given key pair (known-answer tests import a published one). */
    static MlKemKeyShare of(NamedGroup group, MlKem kem, KeyPair pair) {
        return new MlKemKeyShare(group, kem, pair);
    }

    /**
     * The server side: encapsulates to the client's raw encapsulation key.
     *
     * @param group the group, for the messages
     * @param encapsulationKey exactly {@link MlKem#publicKeyLength()} bytes
     * @return the ciphertext and the 32-byte secret
     * @throws TlsFatalAlertException illegal_parameter if the key has the wrong length or fails FIPS 203's
     *     modulus check; internal_error if ML-KEM itself fails
     */
    static Encapsulation encapsulate(NamedGroup group, MlKem kem, Bytes encapsulationKey, SecureRandom random)
            throws TlsFatalAlertException {
        if (encapsulationKey.length() != kem.publicKeyLength()) {
            throw KeyShareChecks.badKeyShare(group + ": " + kem + " encapsulation key must be "
                    + kem.publicKeyLength() + " bytes, got " + encapsulationKey.length());
        }
        KEM.Encapsulated encapsulated;
        try {
            encapsulated = KEM.getInstance("ML-KEM").newEncapsulator(kem.publicKey(encapsulationKey.toArray(), 0),
                    random).encapsulate();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw KeyShareChecks.badKeyShare(group + " share holds an invalid " + kem + " encapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure(kem + " encapsulation failed", e);
        }
        byte[] ciphertext = encapsulated.encapsulation();
        if (ciphertext.length != kem.ciphertextLength()) {
            throw KeyShareChecks.cryptoFailure(kem + " ciphertext has " + ciphertext.length + " bytes", null);
        }
        return new Encapsulation(Bytes.wrap(ciphertext), secret(kem, encapsulated.key()));
    }

    @Override
    public Secret complete(Bytes ciphertext) throws TlsFatalAlertException {
        if (ciphertext.length() != kem.ciphertextLength()) {
            throw KeyShareChecks.badKeyShare(group() + ": " + kem + " ciphertext must be "
                    + kem.ciphertextLength() + " bytes, got " + ciphertext.length());
        }
        try {
            return secret(kem, KEM.getInstance("ML-KEM").newDecapsulator(pair.getPrivate())
                    .decapsulate(ciphertext.toArray()));
        } catch (DecapsulateException e) {
            throw KeyShareChecks.badKeyShare(group() + " share holds an invalid " + kem + " ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure(kem + " decapsulation failed", e);
        }
    }

    private static Secret secret(MlKem kem, SecretKey key) throws TlsFatalAlertException {
        byte[] bytes = key.getEncoded();
        if (bytes == null || bytes.length != MlKem.SECRET_LENGTH) {
            throw KeyShareChecks.cryptoFailure(kem + " shared secret is not " + MlKem.SECRET_LENGTH
                    + " extractable bytes", null);
        }
        return Secret.wrap(bytes);
    }

    @Override
    public String toString() {
        return "MlKemKeyShare[" + group() + "]";
    }
}
