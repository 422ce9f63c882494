package org.tlsj.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * The elliptic-curve primitives of a handshake, per crypto provider ({@code jca}, {@code bc}, {@code openssl}; any other
 * registered name works with {@code -p provider=NAME}): what a provider's rank in
 * {@link org.tlsj.crypto.CryptoProviderFactory#rank()} is measured from. Key exchange operations are one
 * side's whole work (generate, then agree with a fixed peer share); signers and verifiers are obtained once
 * per trial, as a server and a client do with their configured or received keys. The fork enables native
 * access for the {@code openssl} provider (libcrypto through FFM), which would otherwise print a warning.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CryptoPrimitivesBench {
    /** The provider name. */
    @Param({"jca", "bc", "openssl"})
    public String provider;

    private static final Bytes MESSAGE = Bytes.wrap(("64 spaces, \"TLS 1.3, server CertificateVerify\", 0, "
            + "and a 32-byte transcript hash: about 130 bytes in all, as a CertificateVerify signs")
            .getBytes(StandardCharsets.US_ASCII));

    private CryptoProvider crypto;
    private Bytes x25519Peer;
    private Bytes p256Peer;
    private Signer ecdsaSigner;
    private Verifier ecdsaVerifier;
    private Bytes ecdsaSignature;
    private Signer ed25519Signer;
    private Verifier ed25519Verifier;
    private Bytes ed25519Signature;

    /** Creates the provider, the peer shares and the keys. */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, TlsFatalAlertException {
        crypto = CryptoProviders.named(provider).orElseThrow(() -> new IllegalArgumentException(provider)).create();
        CryptoProvider jca = CryptoProviders.named("jca").orElseThrow().create();
        x25519Peer = jca.startKeyExchange(NamedGroup.X25519).publicShare();
        p256Peer = jca.startKeyExchange(NamedGroup.SECP256R1).publicShare();

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = ec.generateKeyPair();
        ecdsaSigner = crypto.signer(p256.getPrivate(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        ecdsaVerifier = crypto.verifier(p256.getPublic(), SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow();
        ecdsaSignature = ecdsaSigner.sign(MESSAGE);

        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ed25519Signer = crypto.signer(ed.getPrivate(), SignatureScheme.ED25519).orElseThrow();
        ed25519Verifier = crypto.verifier(ed.getPublic(), SignatureScheme.ED25519).orElseThrow();
        ed25519Signature = ed25519Signer.sign(MESSAGE);
    }

    /** X25519: a fresh key pair and the agreement with a peer share (one side of a handshake). */
    @Benchmark
    public Secret x25519KeygenAndAgree() throws TlsFatalAlertException {
        return crypto.startKeyExchange(NamedGroup.X25519).complete(x25519Peer);
    }

    /** P-256 ECDHE: a fresh key pair and the agreement with a validated peer point. */
    @Benchmark
    public Secret p256KeygenAndAgree() throws TlsFatalAlertException {
        return crypto.startKeyExchange(NamedGroup.SECP256R1).complete(p256Peer);
    }

    /** ecdsa_secp256r1_sha256 signature of a CertificateVerify-sized message. */
    @Benchmark
    public Bytes ecdsaP256Sign() throws TlsFatalAlertException {
        return ecdsaSigner.sign(MESSAGE);
    }

    /** ecdsa_secp256r1_sha256 verification. */
    @Benchmark
    public boolean ecdsaP256Verify() {
        return ecdsaVerifier.verify(MESSAGE, ecdsaSignature);
    }

    /** Ed25519 signature. */
    @Benchmark
    public Bytes ed25519Sign() throws TlsFatalAlertException {
        return ed25519Signer.sign(MESSAGE);
    }

    /** Ed25519 verification. */
    @Benchmark
    public boolean ed25519Verify() {
        return ed25519Verifier.verify(MESSAGE, ed25519Signature);
    }
}
