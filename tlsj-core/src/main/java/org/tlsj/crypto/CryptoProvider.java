package org.tlsj.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * Every cryptographic operation the engine performs goes through this interface. Implementations take
 * all randomness (including ephemeral keys, KEM encapsulation and signature nonces) from
 * {@link #random()}, so a seeded source makes a handshake reproducible.
 */
public interface CryptoProvider {
    /** The randomness source. */
    RandomSource random();

    /** Groups this provider implements, in preference order. */
    List<NamedGroup> groups();

    /** Signature schemes this provider can sign and verify with. */
    List<SignatureScheme> signatureSchemes();

    /** A fresh transcript hash. */
    TranscriptHash newHash(HashAlgorithm algorithm);

    /** HKDF over a hash. */
    Hkdf hkdf(HashAlgorithm algorithm);

    /** HMAC with a key. */
    Hmac hmac(HashAlgorithm algorithm, Secret key);

    /** An AEAD keyed with {@code key}. */
    Aead aead(AeadAlgorithm algorithm, Secret key);

    /** Starts a key exchange: generates an ephemeral key pair for the group. */
    KeyShare startKeyExchange(NamedGroup group);

    /**
     * The server side of a key exchange with the client's share: for ECDH a fresh key pair and the shared
     * secret; for an ML-KEM hybrid, ML-KEM encapsulation to the client's key plus ECDH (see {@link HybridKeyShare});
     * for pure ML-KEM, the encapsulation alone.
     *
     * @throws TlsFatalAlertException illegal_parameter if the client share is malformed
     */
    Encapsulation encapsulate(NamedGroup group, Bytes clientShare) throws TlsFatalAlertException;

    /**
     * TLS 1.2 static RSA key exchange, client side: RSAES-PKCS1-v1_5 encryption of the pre-master secret to
     * the server's certificate key (RFC 5246 section 7.4.7.1).
     */
    Bytes rsaEncrypt(PublicKey serverKey, Bytes preMasterSecret) throws TlsFatalAlertException;

    /**
     * TLS 1.2 static RSA key exchange, server side: decrypts the pre-master secret. Never reveals why it
     * failed: any padding or length failure gives empty, and the caller continues with a random secret
     * (RFC 5246 section 7.4.7.1) on the same code path.
     */
    Optional<Secret> rsaDecrypt(PrivateKey serverKey, Bytes encrypted);

    /** A signer for the key and scheme, if the key fits the scheme. */
    Optional<Signer> signer(PrivateKey key, SignatureScheme scheme);

    /** A verifier for the key and scheme, if the key fits the scheme. */
    Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme);

    /**
     * A signer for a TLS 1.2 handshake signature. There an ECDSA scheme is a (hash, signature) pair (RFC 5246
     * section 7.4.1.4.1) that names no curve: ecdsa_secp384r1_sha384 is SHA-384 with ECDSA on whatever curve the
     * key is on, where TLS 1.3 binds the curve. The default binds the curve, which refuses some legal TLS 1.2
     * combinations but never signs wrongly. None for a TLS 1.3-only scheme (ML-DSA).
     */
    default Optional<Signer> tls12Signer(PrivateKey key, SignatureScheme scheme) {
        return scheme.isTls13Only() ? Optional.empty() : signer(key, scheme);
    }

    /** A verifier for a TLS 1.2 handshake signature: ECDSA schemes name only the hash; see {@link #tls12Signer}. */
    default Optional<Verifier> tls12Verifier(PublicKey key, SignatureScheme scheme) {
        return scheme.isTls13Only() ? Optional.empty() : verifier(key, scheme);
    }
}
