package org.tlsj.crypto.openssl;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.DelegatingCryptoProvider;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.HybridKeyShare;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.RandomSourceSecureRandom;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * A {@link CryptoProvider} whose elliptic-curve work runs in OpenSSL 3's libcrypto, called through the
 * Foreign Function and Memory API: X25519, secp256r1, secp384r1 and secp521r1 key exchange (also the ECDH
 * part of the ML-KEM hybrids), ECDSA on P-256, P-384 and P-521, Ed25519, and ChaCha20-Poly1305 record
 * protection. Everything else (AES-GCM, HKDF, HMAC, hashes, RSA, ML-KEM, ML-DSA) is the JDK's, through a
 * {@link JcaCryptoProvider} on the same random source: measured, the JDK is as fast or faster there (an
 * HKDF-Expand through libcrypto's HMAC took 0.7-1.0 us against the JDK's 0.4-0.6 us; see {@link #aead} for
 * AES-GCM).
 *
 * <p>Randomness: X25519 scalars are the next 32 bytes of the {@link RandomSource}, exactly as in the JCA
 * provider, so a seeded source gives identical X25519 and X25519MLKEM768 shares in both (ML-KEM, also pure
 * MLKEM768/MLKEM1024, is the JDK's). <b>Not
 * reproducible under a seeded source</b>: P-256/P-384/P-521 ephemeral keys and ECDSA nonces, which come from
 * OpenSSL's own generator (building a key from our own scalar goes through OpenSSL 3.0's DER decoder, slower
 * than the JDK; OpenSSL 3.0 cannot take ECDSA nonces from outside). Tests that need byte-for-byte
 * reproducible handshakes use X25519 (or the JCA provider).
 *
 * <p>Private keys are converted to native keys once per key object and cached while the key object lives;
 * keys OpenSSL cannot read (no encoding, such as hardware keys) are signed with by the JCA instead. One
 * instance can be shared by many connections if the random source is thread-safe; the key shares it
 * returns belong to one connection each and are completed at most once.
 */
public final class OpenSslCryptoProvider extends DelegatingCryptoProvider {
    private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1MLKEM768,
            NamedGroup.SECP384R1MLKEM1024, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
            NamedGroup.SECP521R1, NamedGroup.MLKEM768, NamedGroup.MLKEM1024);

    private final LibCrypto lib;
    private final RandomSource random;
    private final SecureRandom secureRandom;
    private final NativeKeys keys;

    private OpenSslCryptoProvider(LibCrypto lib, RandomSource random) {
        super(random);
        this.lib = lib;
        this.random = random;
        this.secureRandom = new RandomSourceSecureRandom(random);
        this.keys = new NativeKeys(lib);
    }

    /**
     * A provider over the system's {@code libcrypto.so.3} (or the library the system property
     * {@value OpenSslCryptoProviderFactory#LIBRARY_PROPERTY} names) drawing from {@code random} every random
     * byte it controls (see the class comment for what it does not).
     *
     * @throws IllegalStateException if the library cannot be used here; the message says why (see
     *     {@link OpenSslCryptoProviderFactory#unavailableReason()} to ask without an exception)
     */
    public static CryptoProvider create(RandomSource random) {
        return create(System.getProperty(OpenSslCryptoProviderFactory.LIBRARY_PROPERTY,
                OpenSslCryptoProviderFactory.DEFAULT_LIBRARY), random);
    }

    /** A provider over the library at {@code library}; fails as {@link #create(RandomSource)} does. */
    static CryptoProvider create(String library, RandomSource random) {
        LibCrypto.Loaded loaded = LibCrypto.load(library);
        LibCrypto lib = loaded.library().orElseThrow(() -> new IllegalStateException(
                "OpenSSL crypto provider unavailable: " + loaded.unavailableReason().orElse("unknown reason")));
        return new OpenSslCryptoProvider(lib, random);
    }

    @Override
    public List<NamedGroup> groups() {
        return GROUPS;
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
        if (group.isKem()) {
            return delegate().startKeyExchange(group); // pure ML-KEM is the JDK's
        }
        if (group.equals(NamedGroup.X25519)) {
            return X25519Share.generate(lib, random);
        }
        if (group.equals(NamedGroup.SECP256R1) || group.equals(NamedGroup.SECP384R1)
                || group.equals(NamedGroup.SECP521R1)) {
            return EcdhShare.generate(lib, group);
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
        if (group.isKem()) {
            return delegate().encapsulate(group, clientShare); // pure ML-KEM is the JDK's
        }
        return ephemeralEncapsulation(group, clientShare);
    }

    /**
     * ChaCha20-Poly1305 in libcrypto, one cipher context per key (see {@link NativeAead}); AES-GCM stays the
     * JDK's. Measured on OpenSSL 3.0 against JDK 25 (issue 14): for ChaCha20-Poly1305 the native one was
     * faster to create and per record (about 0.9 against 1.2 us for a 100-byte seal, 11 against 14 us for a
     * 16 KiB seal and open); for AES-GCM it was slower (about 1.0 against 0.35-0.75 us for a 100-byte seal,
     * 6.7 against 3.9-4.7 us for 16 KiB): OpenSSL 3.0 spends 100-450 ns in each EVP call that sets the nonce,
     * feeds data or reads the tag, and the JDK's AES-GCM intrinsics match OpenSSL's on bulk.
     */
    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        if (algorithm == AeadAlgorithm.CHACHA20_POLY1305) {
            return new NativeAead(lib, algorithm, key);
        }
        return delegate().aead(algorithm, key);
    }

    /** Native for ECDSA and Ed25519 keys OpenSSL can read; the JCA's signer otherwise. */
    @Override
    public Optional<Signer> signer(PrivateKey key, SignatureScheme scheme) {
        Optional<NativeSignatures.Algorithm> algorithm = NativeSignatures.Algorithm.of(scheme).filter(a -> a.fits(key));
        if (algorithm.isEmpty()) {
            return delegate().signer(key, scheme);
        }
        Optional<NativeKey> nativeKey = keys.privateKey(key);
        if (nativeKey.isEmpty()) {
            return delegate().signer(key, scheme);
        }
        return Optional.of(new NativeSignatures.NativeSigner(lib, algorithm.get(), nativeKey.get()));
    }

    /** Native for ECDSA and Ed25519 keys OpenSSL can read; the JCA's verifier otherwise. */
    @Override
    public Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme) {
        Optional<NativeSignatures.Algorithm> algorithm = NativeSignatures.Algorithm.of(scheme).filter(a -> a.fits(key));
        if (algorithm.isEmpty()) {
            return delegate().verifier(key, scheme);
        }
        Optional<NativeKey> nativeKey = keys.publicKey(key);
        if (nativeKey.isEmpty()) {
            return delegate().verifier(key, scheme);
        }
        return Optional.of(new NativeSignatures.NativeVerifier(lib, algorithm.get(), nativeKey.get()));
    }

    /** How many JCA keys have a cached native form (for tests). */
    int cachedKeys() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "OpenSslCryptoProvider[OpenSSL " + LibCrypto.describeVersion(lib.version()) + "]";
    }
}
