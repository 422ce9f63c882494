package org.tlsj.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The default {@link CryptoProvider}: the JDK 25 JCA and nothing else (MessageDigest, Mac (also under HKDF,
 * RFC 5869, see JcaHkdf), AES/GCM and ChaCha20-Poly1305 Ciphers, XDH, EC, KEM "ML-KEM", Signature).
 *
 * <p>Randomness: every random byte comes from the {@link RandomSource}. It is wrapped as a
 * {@link SecureRandom} that is handed to every KeyPairGenerator, KEM encapsulator and
 * {@code Signature.initSign}, so a seeded source makes ephemeral keys, encapsulations and ECDSA/PSS
 * signatures reproducible. X25519 is stricter: its private key is exactly the next 32 bytes drawn from the
 * source (one {@code nextBytes} call of 32 bytes), taken as the RFC 7748 scalar, and the public share is
 * computed from it. A test can therefore script those 32 bytes to inject a fixed key, such as RFC 8448's
 * ephemeral keys. For the hybrids the client draws the ML-KEM key generation first and then the ECDH key;
 * the server draws the ECDH key first and then the ML-KEM encapsulation.
 *
 * <p>Instances are immutable and can be shared between connections if the random source is thread-safe.
 * The objects it returns ({@link Aead}, {@link Hmac}, {@link TranscriptHash}, {@link KeyShare}) belong to
 * one connection and are not thread-safe; signers, verifiers and HKDF objects are.
 */
public final class JcaCryptoProvider implements CryptoProvider {
    /**
     * What it implements; secp521r1, MLKEM768 and MLKEM1024 are here but not in {@link NamedGroup#SUPPORTED},
     * so configs opt in to them.
     */
    private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1MLKEM768,
            NamedGroup.SECP384R1MLKEM1024, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
            NamedGroup.SECP521R1, NamedGroup.MLKEM768, NamedGroup.MLKEM1024);

    private static final List<SignatureScheme> SCHEMES = List.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512,
            SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
            SignatureScheme.RSA_PSS_PSS_SHA512,
            SignatureScheme.ED25519,
            SignatureScheme.MLDSA44, SignatureScheme.MLDSA65, SignatureScheme.MLDSA87,
            SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512,
            // SHA-1: TLS 1.2 only, and only for a config that lists them; no default list does.
            SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1);

    private final RandomSource random;
    private final SecureRandom secureRandom;
    /** Stateless and thread-safe, so one per hash serves every connection (no JCA lookup per call). */
    private final Hkdf hkdfSha256 = new JcaHkdf(HashAlgorithm.SHA256);
    private final Hkdf hkdfSha384 = new JcaHkdf(HashAlgorithm.SHA384);

    private JcaCryptoProvider(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        this.secureRandom = new RandomSourceSecureRandom(random);
    }

    /** The default provider over the JDK's JCA with a fresh {@link SecureRandom} as the random source. */
    public static CryptoProvider create() {
        SecureRandom systemRandom = new SecureRandom();
        return new JcaCryptoProvider(systemRandom::nextBytes);
    }

    /**
     * A provider that takes every random byte from {@code random} (see the class comment for what is drawn
     * and in which order).
     */
    public static CryptoProvider create(RandomSource random) {
        return new JcaCryptoProvider(random);
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public List<NamedGroup> groups() {
        return GROUPS;
    }

    @Override
    public List<SignatureScheme> signatureSchemes() {
        return SCHEMES;
    }

    @Override
    public TranscriptHash newHash(HashAlgorithm algorithm) {
        return JcaTranscriptHash.create(algorithm);
    }

    @Override
    public Hkdf hkdf(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA256 -> hkdfSha256;
            case SHA384 -> hkdfSha384;
        };
    }

    @Override
    public Hmac hmac(HashAlgorithm algorithm, Secret key) {
        return new JcaHmac(algorithm, key);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        return new JcaAead(algorithm, key);
    }

    /**
     * Starts a key exchange.
     *
     * @throws IllegalArgumentException if the group is not one of {@link #groups()}
     */
    @Override
    public KeyShare startKeyExchange(NamedGroup group) {
        if (HybridKeyShare.isHybrid(group)) {
            return HybridKeyShare.client(group, secureRandom, this::startKeyExchange);
        }
        Optional<MlKem> kem = pureMlKem(group);
        if (kem.isPresent()) {
            return MlKemKeyShare.generate(group, kem.get(), secureRandom);
        }
        if (group.equals(NamedGroup.X25519)) {
            return X25519KeyShare.generate(random);
        }
        if (group.equals(NamedGroup.SECP256R1) || group.equals(NamedGroup.SECP384R1)
                || group.equals(NamedGroup.SECP521R1)) {
            return EcdhKeyShare.generate(group, secureRandom);
        }
        throw new IllegalArgumentException("group " + group + " is not implemented by " + this);
    }

    /**
     * The server side of a key exchange.
     *
     * @throws IllegalArgumentException if the group is not one of {@link #groups()}
     */
    @Override
    public Encapsulation encapsulate(NamedGroup group, Bytes clientShare) throws TlsFatalAlertException {
        if (HybridKeyShare.isHybrid(group)) {
            return HybridKeyShare.encapsulate(group, clientShare, secureRandom, this::startKeyExchange);
        }
        Optional<MlKem> kem = pureMlKem(group);
        if (kem.isPresent()) {
            return MlKemKeyShare.encapsulate(group, kem.get(), clientShare, secureRandom);
        }
        KeyShare server = startKeyExchange(group);
        return new Encapsulation(server.publicShare(), server.complete(clientShare));
    }

    /** The parameter set of a pure ML-KEM group (draft-ietf-tls-mlkem), if it is one. */
    private static Optional<MlKem> pureMlKem(NamedGroup group) {
        if (group.equals(NamedGroup.MLKEM768)) {
            return Optional.of(MlKem.ML_KEM_768);
        }
        return group.equals(NamedGroup.MLKEM1024) ? Optional.of(MlKem.ML_KEM_1024) : Optional.empty();
    }

    @Override
    public Bytes rsaEncrypt(PublicKey serverKey, Bytes preMasterSecret) throws TlsFatalAlertException {
        try {
            return Bytes.wrap(rsa(javax.crypto.Cipher.ENCRYPT_MODE, serverKey).doFinal(preMasterSecret.toArray()));
        } catch (java.security.GeneralSecurityException e) {
            throw org.tlsj.Fatal.of(org.tlsj.Reason.Local.CRYPTO_FAILURE, "RSA encryption of the pre-master secret", e);
        }
    }

    @Override
    public Optional<Secret> rsaDecrypt(PrivateKey serverKey, Bytes encrypted) {
        try {
            return Optional.of(Secret.wrap(
                    rsa(javax.crypto.Cipher.DECRYPT_MODE, serverKey).doFinal(encrypted.toArray())));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            // RFC 5246 section 7.4.7.1: the reason is not revealed; the caller uses a random secret instead.
            return Optional.empty();
        }
    }

    /** RSAES-PKCS1-v1_5 (RFC 5246 section 7.4.7.1), ready to encrypt or decrypt with {@code key}. */
    private javax.crypto.Cipher rsa(int mode, java.security.Key key) throws java.security.GeneralSecurityException {
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(mode, key, secureRandom);
        return rsa;
    }

    @Override
    public Optional<Signer> signer(PrivateKey key, SignatureScheme scheme) {
        return JcaSignatures.signer(key, scheme, secureRandom);
    }

    @Override
    public Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme) {
        return JcaSignatures.verifier(key, scheme);
    }

    @Override
    public Optional<Signer> tls12Signer(PrivateKey key, SignatureScheme scheme) {
        return JcaSignatures.tls12Signer(key, scheme, secureRandom);
    }

    @Override
    public Optional<Verifier> tls12Verifier(PublicKey key, SignatureScheme scheme) {
        return JcaSignatures.tls12Verifier(key, scheme);
    }

    @Override
    public String toString() {
        return "JcaCryptoProvider";
    }
}
