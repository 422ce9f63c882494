package org.tlsj.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * A {@link CryptoProvider} that forwards every operation to another provider, so that a faster provider states
 * only what it takes over: it extends this class and overrides its fast paths (key exchange, signatures), and
 * AEAD, HKDF, HMAC, hashes, RSA and ML-KEM stay the delegate's. The usual delegate is a
 * {@link JcaCryptoProvider} on the same {@link RandomSource} ({@link #DelegatingCryptoProvider(RandomSource)}),
 * so that a seeded source drives both.
 */
public abstract class DelegatingCryptoProvider implements CryptoProvider {
    private final CryptoProvider delegate;

    /** Delegates to {@code delegate}, whose {@link #random()} is this provider's too. */
    protected DelegatingCryptoProvider(CryptoProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Delegates to a {@link JcaCryptoProvider} drawing from {@code random}. */
    protected DelegatingCryptoProvider(RandomSource random) {
        this(JcaCryptoProvider.create(Objects.requireNonNull(random, "random")));
    }

    /** The provider that does what this one does not override. */
    protected final CryptoProvider delegate() {
        return delegate;
    }

    /**
     * The server side of an ephemeral (EC)DH exchange on this provider: a fresh key pair from
     * {@link #startKeyExchange} (the subclass's, if it overrides it), completed with the client's share.
     *
     * @throws TlsFatalAlertException illegal_parameter if the client share is malformed
     */
    protected final Encapsulation ephemeralEncapsulation(NamedGroup group, Bytes clientShare)
            throws TlsFatalAlertException {
        KeyShare server = startKeyExchange(group);
        Bytes share = server.publicShare();
        return new Encapsulation(share, server.complete(clientShare));
    }

    @Override
    public RandomSource random() {
        return delegate.random();
    }

    @Override
    public List<NamedGroup> groups() {
        return delegate.groups();
    }

    @Override
    public List<SignatureScheme> signatureSchemes() {
        return delegate.signatureSchemes();
    }

    @Override
    public TranscriptHash newHash(HashAlgorithm algorithm) {
        return delegate.newHash(algorithm);
    }

    @Override
    public Hkdf hkdf(HashAlgorithm algorithm) {
        return delegate.hkdf(algorithm);
    }

    @Override
    public Hmac hmac(HashAlgorithm algorithm, Secret key) {
        return delegate.hmac(algorithm, key);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        return delegate.aead(algorithm, key);
    }

    @Override
    public KeyShare startKeyExchange(NamedGroup group) {
        return delegate.startKeyExchange(group);
    }

    @Override
    public Encapsulation encapsulate(NamedGroup group, Bytes clientShare) throws TlsFatalAlertException {
        return delegate.encapsulate(group, clientShare);
    }

    @Override
    public Bytes rsaEncrypt(PublicKey serverKey, Bytes preMasterSecret) throws TlsFatalAlertException {
        return delegate.rsaEncrypt(serverKey, preMasterSecret);
    }

    @Override
    public Optional<Secret> rsaDecrypt(PrivateKey serverKey, Bytes encrypted) {
        return delegate.rsaDecrypt(serverKey, encrypted);
    }

    @Override
    public Optional<Signer> signer(PrivateKey key, SignatureScheme scheme) {
        return delegate.signer(key, scheme);
    }

    @Override
    public Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme) {
        return delegate.verifier(key, scheme);
    }

    /**
     * This provider's {@link #signer} (the subclass's, if it overrides it) where the key is on the scheme's
     * curve; otherwise the delegate's, which takes a TLS 1.2 ECDSA scheme on another curve. None for a TLS
     * 1.3-only scheme (ML-DSA).
     */
    @Override
    public Optional<Signer> tls12Signer(PrivateKey key, SignatureScheme scheme) {
        if (scheme.isTls13Only()) {
            return Optional.empty();
        }
        return signer(key, scheme).or(() -> delegate.tls12Signer(key, scheme));
    }

    /** This provider's {@link #verifier} where it takes the key; otherwise the delegate's (see {@link #tls12Signer}). */
    @Override
    public Optional<Verifier> tls12Verifier(PublicKey key, SignatureScheme scheme) {
        if (scheme.isTls13Only()) {
            return Optional.empty();
        }
        return verifier(key, scheme).or(() -> delegate.tls12Verifier(key, scheme));
    }
}
