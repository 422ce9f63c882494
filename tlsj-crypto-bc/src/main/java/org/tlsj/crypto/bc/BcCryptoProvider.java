package org.tlsj.crypto.bc;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.DelegatingCryptoProvider;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.HybridKeyShare;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.RandomSourceSecureRandom;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * A {@link CryptoProvider} whose elliptic-curve work runs on Bouncy Castle's lightweight API (pure Java, no
 * JCA provider registered): X25519 key shares, secp256r1/secp384r1 ECDHE (also inside the ML-KEM hybrids),
 * ECDSA P-256/P-384 and Ed25519 signing and verification. Everything else (AES-GCM, ChaCha20-Poly1305,
 * HKDF, HMAC, transcript hashes, RSA, ML-KEM (also pure MLKEM768/MLKEM1024), and the opt-in secp521r1 ECDHE and P-521 ECDSA) delegates to
 * {@link JcaCryptoProvider}, whose JDK implementations are intrinsified or already fast enough.
 *
 * <p>Randomness: every random byte comes from the {@link RandomSource}. The X25519 scalar is exactly the
 * next 32 bytes drawn (as with the JCA provider, so tests can script RFC keys); an ECDHE scalar is drawn as
 * field-size byte strings until one lies in [1, n-1]; ML-KEM and RSA draw through the delegate. ECDSA
 * signing draws nothing: its nonces are deterministic (RFC 6979). Ed25519 is deterministic by design.
 *
 * <p>Keys that are not plain software keys (no seed, a hardware key) and schemes other than ECDSA P-256/P-384
 * and Ed25519 go to the delegate. Converted signing keys are cached per key object (by identity, held
 * weakly), because a server signs with the same key every handshake. Instances are immutable and
 * thread-safe if the random source is; key shares belong to one connection.
 */
public final class BcCryptoProvider extends DelegatingCryptoProvider {
    private static final KeyCache<Signer> SIGNERS = new KeyCache<>();

    private final RandomSource random;
    private final SecureRandom secureRandom;

    private BcCryptoProvider(RandomSource random) {
        super(random);
        this.random = random;
        this.secureRandom = new RandomSourceSecureRandom(random);
    }

    /** A provider drawing every random byte from {@code random}. */
    public static CryptoProvider create(RandomSource random) {
        return new BcCryptoProvider(random);
    }

    /** A provider over a fresh system {@link SecureRandom}. */
    public static CryptoProvider create() {
        SecureRandom system = new SecureRandom();
        return new BcCryptoProvider(system::nextBytes);
    }

    /**
     * Starts a key exchange.
     *
     * @throws IllegalArgumentException if the group is not one of {@link #groups()}
     */
    @Override
    public KeyShare startKeyExchange(NamedGroup group) {
        if (group.equals(NamedGroup.X25519)) {
            return BcX25519KeyShare.generate(random);
        }
        if (HybridKeyShare.isHybrid(group)) {
            return HybridKeyShare.client(group, secureRandom, this::startKeyExchange);
        }
        Optional<BcNistCurve> curve = BcNistCurve.forGroup(group);
        if (curve.isPresent()) {
            return BcEcdhKeyShare.generate(curve.get(), random);
        }
        // secp521r1 and pure ML-KEM; anything else the delegate refuses as not implemented
        return delegate().startKeyExchange(group);
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

    @Override
    public Optional<Signer> signer(PrivateKey key, SignatureScheme scheme) {
        Optional<BcNistCurve> ecdsa = BcNistCurve.forScheme(scheme);
        if (ecdsa.isPresent() && key instanceof ECPrivateKey ec) {
            BcNistCurve curve = ecdsa.get();
            if (!curve.matches(ec.getParams())) {
                return Optional.empty();
            }
            return Optional.of(SIGNERS.get(key, () -> BcEcdsa.signer(curve,
                    new ECPrivateKeyParameters(ec.getS(), curve.domain()))));
        }
        if (scheme.equals(SignatureScheme.ED25519) && key instanceof EdECPrivateKey ed
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            Signer signer = SIGNERS.get(key, () -> ed.getBytes().map(BcEd25519::signer).orElse(null));
            if (signer != null) {
                return Optional.of(signer);
            }
        }
        return delegate().signer(key, scheme);
    }

    @Override
    public Optional<Verifier> verifier(PublicKey key, SignatureScheme scheme) {
        Optional<BcNistCurve> ecdsa = BcNistCurve.forScheme(scheme);
        if (ecdsa.isPresent() && key instanceof ECPublicKey ec) {
            BcNistCurve curve = ecdsa.get();
            if (!curve.matches(ec.getParams())) {
                return Optional.empty();
            }
            return curve.importPoint(ec.getW())
                    .map(point -> BcEcdsa.verifier(curve, new ECPublicKeyParameters(point, curve.domain())));
        }
        if (scheme.equals(SignatureScheme.ED25519) && key instanceof EdECPublicKey ed
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            Verifier verifier = BcEd25519.verifier(key.getEncoded());
            if (verifier != null) {
                return Optional.of(verifier);
            }
        }
        return delegate().verifier(key, scheme);
    }

    @Override
    public String toString() {
        return "BcCryptoProvider";
    }
}
