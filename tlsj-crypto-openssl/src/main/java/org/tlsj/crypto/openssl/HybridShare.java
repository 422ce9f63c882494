package org.tlsj.crypto.openssl;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
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
 * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) with the X25519 half in libcrypto and ML-KEM-768 from the
 * JDK (OpenSSL 3.0 has no ML-KEM). This group puts ML-KEM first everywhere: client share = encapsulation
 * key (1184) || X25519 share (32); server share = ciphertext (1088) || X25519 share (32); secret = ML-KEM
 * secret (32) || X25519 secret (32). The JDK encodes ML-KEM public keys as SubjectPublicKeyInfo (1206
 * bytes), a fixed 22-byte prefix before the raw key that TLS carries. Randomness is drawn in the JCA
 * provider's order (client: ML-KEM key generation, then the X25519 scalar; server: the X25519 scalar, then
 * the encapsulation), so a seeded source gives the same bytes in both providers.
 */
final class HybridShare implements KeyShare {
    private static final int MLKEM_PUBLIC_LENGTH = 1184;
    private static final int MLKEM_CIPHERTEXT_LENGTH = 1088;
    private static final int MLKEM_SECRET_LENGTH = 32;
    private static final int CLIENT_SHARE_LENGTH = MLKEM_PUBLIC_LENGTH + X25519Share.LENGTH;
    private static final int SERVER_SHARE_LENGTH = MLKEM_CIPHERTEXT_LENGTH + X25519Share.LENGTH;
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("308204b2300b0609608648016503040402038204a100");

    private final KeyPair mlKem;
    private final X25519Share x25519;
    private final Bytes publicShare;

    private HybridShare(KeyPair mlKem, X25519Share x25519, Bytes publicShare) {
        this.mlKem = mlKem;
        this.x25519 = x25519;
        this.publicShare = publicShare;
    }

    /** The client side: an ML-KEM-768 key pair (JDK), then an X25519 key (OpenSSL). */
    static HybridShare generate(LibCrypto lib, RandomSource random, SecureRandom secureRandom) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
            generator.initialize(NamedParameterSpec.ML_KEM_768, secureRandom);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-KEM-768 key generation failed", e);
        }
        X25519Share x = X25519Share.generate(lib, random);
        return new HybridShare(pair, x, Bytes.wrap(rawPublicKey(pair.getPublic())).concat(x.publicShare()));
    }

    /** The server side: X25519 with the client's share, then ML-KEM encapsulation to its key. */
    static Encapsulation encapsulate(LibCrypto lib, Bytes clientShare, RandomSource random,
            SecureRandom secureRandom) throws TlsFatalAlertException {
        if (clientShare.length() != CLIENT_SHARE_LENGTH) {
            throw Native.badKeyShare("X25519MLKEM768 client share must be " + CLIENT_SHARE_LENGTH + " bytes, got "
                    + clientShare.length());
        }
        X25519Share server = X25519Share.generate(lib, random);
        Bytes serverX25519 = server.publicShare();
        Secret x25519Secret = server.complete(clientShare.slice(MLKEM_PUBLIC_LENGTH, CLIENT_SHARE_LENGTH));
        KEM.Encapsulated encapsulated;
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + MLKEM_PUBLIC_LENGTH);
            clientShare.slice(0, MLKEM_PUBLIC_LENGTH).copyTo(spki, SPKI_PREFIX.length);
            PublicKey key = KeyFactory.getInstance("ML-KEM").generatePublic(new X509EncodedKeySpec(spki));
            encapsulated = KEM.getInstance("ML-KEM").newEncapsulator(key, secureRandom).encapsulate();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw Native.badKeyShare("X25519MLKEM768 client share holds an invalid ML-KEM-768 encapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw Native.cryptoFailure("ML-KEM-768 encapsulation failed", e);
        }
        byte[] ciphertext = encapsulated.encapsulation();
        if (ciphertext.length != MLKEM_CIPHERTEXT_LENGTH) {
            throw Native.cryptoFailure("ML-KEM-768 ciphertext has " + ciphertext.length + " bytes");
        }
        return new Encapsulation(Bytes.wrap(ciphertext).concat(serverX25519), concat(encapsulated.key(), x25519Secret));
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
            throw Native.badKeyShare("X25519MLKEM768 server share must be " + SERVER_SHARE_LENGTH + " bytes, got "
                    + peerShare.length());
        }
        Secret x25519Secret = x25519.complete(peerShare.slice(MLKEM_CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH));
        SecretKey mlKemSecret;
        try {
            mlKemSecret = KEM.getInstance("ML-KEM").newDecapsulator(mlKem.getPrivate())
                    .decapsulate(peerShare.slice(0, MLKEM_CIPHERTEXT_LENGTH).toArray());
        } catch (DecapsulateException e) {
            throw Native.badKeyShare("X25519MLKEM768 server share holds an invalid ML-KEM-768 ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw Native.cryptoFailure("ML-KEM-768 decapsulation failed", e);
        }
        return concat(mlKemSecret, x25519Secret);
    }

    private static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + MLKEM_PUBLIC_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalStateException("unexpected ML-KEM-768 public key encoding (" + spki.length + " bytes)");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /** ML-KEM secret first, then the X25519 secret (the order this group defines). */
    private static Secret concat(SecretKey mlKemSecret, Secret x25519Secret) throws TlsFatalAlertException {
        byte[] kem = mlKemSecret.getEncoded();
        if (kem == null || kem.length != MLKEM_SECRET_LENGTH) {
            throw Native.cryptoFailure("ML-KEM-768 shared secret is not " + MLKEM_SECRET_LENGTH + " extractable bytes");
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
