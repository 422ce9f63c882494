package org.tlsj.crypto.bc;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.Bytes;

/**
 * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) with the X25519 half on Bouncy Castle and ML-KEM-768 on the
 * JDK. ML-KEM comes first everywhere: client share = encapsulation key (1184) then X25519 share (32);
 * server share = ciphertext (1088) then X25519 share; secret = ML-KEM secret then X25519 secret. The
 * randomness order matches the JCA provider: the client draws ML-KEM's first, then the X25519 scalar; the
 * server draws the X25519 scalar first, then ML-KEM's.
 */
final class BcHybridKeyShare implements KeyShare {
    private static final int CLIENT_SHARE_LENGTH = JdkMlKem768.PUBLIC_KEY_LENGTH + BcX25519KeyShare.LENGTH;
    private static final int SERVER_SHARE_LENGTH = JdkMlKem768.CIPHERTEXT_LENGTH + BcX25519KeyShare.LENGTH;

    private final KeyPair mlKem;
    private final BcX25519KeyShare x25519;
    private final Bytes publicShare;

    private BcHybridKeyShare(KeyPair mlKem, BcX25519KeyShare x25519) {
        this.mlKem = mlKem;
        this.x25519 = x25519;
        this.publicShare = Bytes.wrap(JdkMlKem768.rawPublicKey(mlKem.getPublic())).concat(x25519.publicShare());
    }

    /** The client side. */
    static BcHybridKeyShare generate(RandomSource random, SecureRandom secureRandom) {
        KeyPair pair = JdkMlKem768.generate(secureRandom);
        return new BcHybridKeyShare(pair, BcX25519KeyShare.generate(random));
    }

    /** The server side: X25519 with the client's share, then ML-KEM encapsulation to its key. */
    static Encapsulation encapsulate(Bytes clientShare, RandomSource random, SecureRandom secureRandom)
            throws TlsFatalAlertException {
        if (clientShare.length() != CLIENT_SHARE_LENGTH) {
            throw Shares.badKeyShare("X25519MLKEM768 client share must be " + CLIENT_SHARE_LENGTH + " bytes, got "
                    + clientShare.length());
        }
        byte[] share = clientShare.toArray();
        BcX25519KeyShare server = BcX25519KeyShare.generate(random);
        Secret x25519Secret = server.complete(Bytes.of(share, JdkMlKem768.PUBLIC_KEY_LENGTH, BcX25519KeyShare.LENGTH));
        KEM.Encapsulated encapsulated;
        try {
            encapsulated = KEM.getInstance("ML-KEM")
                    .newEncapsulator(JdkMlKem768.publicKey(share, 0), secureRandom).encapsulate();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw Shares.badKeyShare("X25519MLKEM768 client share holds an invalid ML-KEM-768 encapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw Shares.cryptoFailure("ML-KEM-768 encapsulation failed", e);
        }
        byte[] ciphertext = encapsulated.encapsulation();
        if (ciphertext.length != JdkMlKem768.CIPHERTEXT_LENGTH) {
            throw Shares.cryptoFailure("ML-KEM-768 ciphertext has " + ciphertext.length + " bytes", null);
        }
        return new Encapsulation(Bytes.wrap(ciphertext).concat(server.publicShare()),
                concat(encapsulated.key(), x25519Secret));
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.X25519MLKEM768;
    }

    @Override
    public Bytes publicShare() {
        return publicShare;
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        if (peerShare.length() != SERVER_SHARE_LENGTH) {
            throw Shares.badKeyShare("X25519MLKEM768 server share must be " + SERVER_SHARE_LENGTH + " bytes, got "
                    + peerShare.length());
        }
        Secret x25519Secret = x25519.complete(peerShare.slice(JdkMlKem768.CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH));
        SecretKey mlKemSecret;
        try {
            mlKemSecret = KEM.getInstance("ML-KEM").newDecapsulator(mlKem.getPrivate())
                    .decapsulate(peerShare.slice(0, JdkMlKem768.CIPHERTEXT_LENGTH).toArray());
        } catch (DecapsulateException e) {
            throw Shares.badKeyShare("X25519MLKEM768 server share holds an invalid ML-KEM-768 ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw Shares.cryptoFailure("ML-KEM-768 decapsulation failed", e);
        }
        return concat(mlKemSecret, x25519Secret);
    }

    private static Secret concat(SecretKey mlKemSecret, Secret x25519Secret) throws TlsFatalAlertException {
        byte[] kem = mlKemSecret.getEncoded();
        if (kem == null || kem.length != JdkMlKem768.SECRET_LENGTH) {
            throw Shares.cryptoFailure("ML-KEM-768 shared secret is not " + JdkMlKem768.SECRET_LENGTH
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

    @Override
    public String toString() {
        return "BcHybridKeyShare[X25519MLKEM768]";
    }
}
