package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem). Unlike the NIST-curve hybrids, this group puts the ML-KEM
 * part first everywhere: the client share is the ML-KEM-768 encapsulation key (1184) then the X25519
 * share (32); the server share is the ML-KEM ciphertext (1088) then the X25519 share (32); the shared
 * secret is the ML-KEM secret (32) then the X25519 secret (32).
 *
 * <p>ML-KEM-768 is always the JDK's. The X25519 half comes from a function that draws a fresh X25519
 * {@link KeyShare} from a {@link RandomSource}, so another {@link CryptoProvider} can build this group over
 * its own X25519 with {@link #client} and {@link #encapsulate(Bytes, RandomSource, SecureRandom, Function)}.
 * Randomness is drawn in one order whatever the X25519 implementation (client: the ML-KEM key generation,
 * then the X25519 scalar; server: the X25519 scalar, then the ML-KEM encapsulation), so a seeded source
 * gives the same bytes in every provider whose X25519 draws its scalar as the next 32 bytes.
 */
public final class HybridKeyShare extends AbstractKeyShare {
    /** Client share length. */
    static final int CLIENT_SHARE_LENGTH = MlKem768.PUBLIC_KEY_LENGTH + X25519KeyShare.LENGTH;
    /** Server share length. */
    static final int SERVER_SHARE_LENGTH = MlKem768.CIPHERTEXT_LENGTH + X25519KeyShare.LENGTH;

    private final KeyPair mlKem;
    private final KeyShare x25519;

    private HybridKeyShare(KeyPair mlKem, KeyShare x25519) {
        super(NamedGroup.X25519MLKEM768,
                Bytes.wrap(MlKem768.rawPublicKey(mlKem.getPublic())).concat(requireX25519(x25519).publicShare()));
        this.mlKem = mlKem;
        this.x25519 = x25519;
    }

    /**
     * The client side over this package's X25519. Randomness order: first the ML-KEM key generation's
     * (through {@code secureRandom}), then the X25519 scalar (the next 32 bytes of {@code random}).
     */
    static HybridKeyShare generate(RandomSource random, SecureRandom secureRandom) {
        return client(random, secureRandom, X25519KeyShare::generate);
    }

    /**
     * The client side of X25519MLKEM768 with a provider's own X25519: an ML-KEM-768 key pair (the JDK's,
     * drawing from {@code secureRandom}), then {@code x25519} applied to {@code random}.
     *
     * @param random the source the X25519 part draws its scalar from
     * @param secureRandom the source the ML-KEM key generation draws from (normally a
     *     {@link RandomSourceSecureRandom} over {@code random})
     * @param x25519 draws a fresh X25519 key share (group {@link NamedGroup#X25519}, 32-byte share)
     * @return the client's key share; its {@link #complete} takes the server's share
     * @throws IllegalArgumentException if {@code x25519} gives something other than a 32-byte X25519 share
     */
    public static HybridKeyShare client(RandomSource random, SecureRandom secureRandom,
            Function<RandomSource, ? extends KeyShare> x25519) {
        KeyPair pair = MlKem768.generate(secureRandom);
        return new HybridKeyShare(pair, x25519.apply(random));
    }

    /**
     * A client share over given keys. Only for known-answer tests, which inject a published ML-KEM-768 key
     * pair that the JDK can import (its expanded PKCS#8 form) but not regenerate without its seed.
     */
    static HybridKeyShare of(KeyPair mlKem, X25519KeyShare x25519) {
        return new HybridKeyShare(mlKem, x25519);
    }

    /** The server side over this package's X25519 (see the public overload). */
    static Encapsulation encapsulate(Bytes clientShare, RandomSource random, SecureRandom secureRandom)
            throws TlsFatalAlertException {
        return encapsulate(clientShare, random, secureRandom, X25519KeyShare::generate);
    }

    /**
     * The server side of X25519MLKEM768 with a provider's own X25519: runs X25519 with the client's share,
     * then encapsulates to the client's ML-KEM key. Randomness order: the X25519 scalar first ({@code x25519}
     * applied to {@code random}), then the ML-KEM encapsulation's (through {@code secureRandom}).
     *
     * @param clientShare the client's key_share bytes (encapsulation key then X25519 share)
     * @param random the source the X25519 part draws its scalar from
     * @param secureRandom the source the ML-KEM encapsulation draws from
     * @param x25519 draws a fresh X25519 key share (group {@link NamedGroup#X25519}, 32-byte share)
     * @return the server share (ciphertext then X25519 share) and the shared secret (ML-KEM then X25519)
     * @throws TlsFatalAlertException illegal_parameter if the client share has the wrong length, holds an
     *     invalid encapsulation key or an X25519 share the X25519 part refuses; internal_error if ML-KEM fails
     * @throws IllegalArgumentException if {@code x25519} gives something other than a 32-byte X25519 share
     */
    public static Encapsulation encapsulate(Bytes clientShare, RandomSource random, SecureRandom secureRandom,
            Function<RandomSource, ? extends KeyShare> x25519) throws TlsFatalAlertException {
        if (clientShare.length() != CLIENT_SHARE_LENGTH) {
            throw KeyShareChecks.badKeyShare("X25519MLKEM768 client share must be " + CLIENT_SHARE_LENGTH
                    + " bytes, got " + clientShare.length());
        }
        byte[] share = clientShare.toArray();
        KeyShare server = requireX25519(x25519.apply(random));
        Secret x25519Secret = server.complete(Bytes.of(share, MlKem768.PUBLIC_KEY_LENGTH, X25519KeyShare.LENGTH));
        KEM.Encapsulated encapsulated;
        try {
            KEM.Encapsulator encapsulator = KEM.getInstance("ML-KEM")
                    .newEncapsulator(MlKem768.publicKey(share, 0), secureRandom);
            encapsulated = encapsulator.encapsulate();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw KeyShareChecks.badKeyShare(
                    "X25519MLKEM768 client share holds an invalid ML-KEM-768 encapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure("ML-KEM-768 encapsulation failed", e);
        }
        byte[] ciphertext = encapsulated.encapsulation();
        if (ciphertext.length != MlKem768.CIPHERTEXT_LENGTH) {
            throw KeyShareChecks.cryptoFailure("ML-KEM-768 ciphertext has " + ciphertext.length + " bytes", null);
        }
        Bytes serverShare = Bytes.wrap(ciphertext).concat(server.publicShare());
        return new Encapsulation(serverShare, concat(encapsulated.key(), x25519Secret));
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        if (peerShare.length() != SERVER_SHARE_LENGTH) {
            throw KeyShareChecks.badKeyShare("X25519MLKEM768 server share must be " + SERVER_SHARE_LENGTH
                    + " bytes, got " + peerShare.length());
        }
        Secret x25519Secret = x25519.complete(peerShare.slice(MlKem768.CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH));
        SecretKey mlKemSecret;
        try {
            mlKemSecret = KEM.getInstance("ML-KEM").newDecapsulator(mlKem.getPrivate())
                    .decapsulate(peerShare.slice(0, MlKem768.CIPHERTEXT_LENGTH).toArray());
        } catch (DecapsulateException e) {
            throw KeyShareChecks.badKeyShare("X25519MLKEM768 server share holds an invalid ML-KEM-768 ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw KeyShareChecks.cryptoFailure("ML-KEM-768 decapsulation failed", e);
        }
        return concat(mlKemSecret, x25519Secret);
    }

    @Override
    public String toString() {
        return "HybridKeyShare[X25519MLKEM768]";
    }

    private static KeyShare requireX25519(KeyShare part) {
        if (!part.group().equals(NamedGroup.X25519) || part.publicShare().length() != X25519KeyShare.LENGTH) {
            throw new IllegalArgumentException("the X25519 part must be a " + X25519KeyShare.LENGTH
                    + "-byte X25519 share, got " + part.group());
        }
        return part;
    }

    /** ML-KEM secret first, then the X25519 secret (the order this group defines). */
    private static Secret concat(SecretKey mlKemSecret, Secret x25519Secret) throws TlsFatalAlertException {
        byte[] kem = mlKemSecret.getEncoded();
        if (kem == null || kem.length != MlKem768.SECRET_LENGTH) {
            throw KeyShareChecks.cryptoFailure("ML-KEM-768 shared secret is not " + MlKem768.SECRET_LENGTH
                    + " extractable bytes", null);
        }
        byte[] x = x25519Secret.expose();
        byte[] out = Arrays.copyOf(kem, kem.length + x.length);
        System.arraycopy(x, 0, out, kem.length, x.length);
        Arrays.fill(kem, (byte) 0);
        Arrays.fill(x, (byte) 0);
        x25519Secret.destroy();
        return Secret.wrap(out);
    }
}
