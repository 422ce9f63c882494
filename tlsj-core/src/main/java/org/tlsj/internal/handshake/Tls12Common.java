package org.tlsj.internal.handshake;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.EcCurve;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.internal.keyschedule.Tls12KeySchedule;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;
import org.tlsj.internal.wire.ConstantTime;

/** What both TLS 1.2 sides compute the same way: the master secret, Finished, ServerKeyExchange signatures, sentinels. */
public final class Tls12Common {
    /** RFC 8446 section 4.1.3: the last 8 bytes of a TLS 1.2 ServerHello.random from a TLS 1.3 server. */
    public static final Bytes DOWNGRADE_TLS12 = Bytes.fromHex("444F574E47524401");
    /** RFC 8446 section 4.1.3: the same for a TLS 1.1-or-older answer. */
    public static final Bytes DOWNGRADE_TLS11 = Bytes.fromHex("444F574E47524400");
    /** Signature schemes TLS 1.2 adds for its own handshake signatures (PKCS#1 v1.5 is legal there). */
    public static final List<SignatureScheme> TLS12_EXTRA_SCHEMES = SignatureScheme.TLS12_PKCS1;

    private Tls12Common() {
    }

    /** The master secret: extended (RFC 7627, over the session hash) or classic (over the randoms). */
    public static Secret masterSecret(CryptoProvider crypto, CipherSuite suite, Secret preMaster, boolean extended,
                                      Bytes sessionHash, Bytes clientRandom, Bytes serverRandom) {
        return extended ? Tls12KeySchedule.extendedMasterSecret(crypto, suite.hash(), preMaster, sessionHash)
                : Tls12KeySchedule.masterSecret(crypto, suite.hash(), preMaster, clientRandom, serverRandom);
    }

    /**
     * Checks the peer's 12-byte Finished in constant time (RFC 5246 section 7.4.9): one of another length is a wrong
     * verify_data too (decrypt_error).
     */
    public static Proofs.FinishedVerified verifyFinished(CryptoProvider crypto, CipherSuite suite, Secret master,
                                                         boolean fromClient, Bytes transcriptHash, Bytes received)
            throws TlsFatalAlertException {
        Bytes expected = Tls12KeySchedule.finishedVerifyData(crypto, suite.hash(), master, fromClient, transcriptHash);
        if (!ConstantTime.equals(expected, received)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_FINISHED);
        }
        return Proofs.finishedVerified();
    }

    /** RFC 8422 section 5.4: the signature covers client_random || server_random || ServerECDHParams. */
    public static Bytes serverKeyExchangeContent(Bytes clientRandom, Bytes serverRandom, Bytes params) {
        return new ByteWriter(64 + params.length()).bytes(clientRandom).bytes(serverRandom).bytes(params).toBytes();
    }

    /**
     * Verifies a TLS 1.2 signature (ServerKeyExchange or CertificateVerify) with a scheme we offered. An ECDSA
     * scheme names only its hash here, so the key may be on another curve than the scheme's name says. The key is
     * the verified {@code chain}'s.
     */
    public static Proofs.SignatureVerified verify(CryptoProvider crypto, List<SignatureScheme> offered,
                                                  Proofs.ChainVerified chain, SignatureScheme scheme, Bytes content,
                                                  Bytes signature) throws TlsFatalAlertException {
        PublicKey key = chain.key();
        // draft-ietf-tls-mldsa: ML-DSA is TLS 1.3 only, refused here even if a list names it for TLS 1.3.
        if (scheme.isTls13Only() || !offered.contains(scheme)) {
            throw Fatal.of(Reason.PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED, scheme + " (we offered " + offered + ")");
        }
        Verifier v = crypto.tls12Verifier(key, scheme).orElseThrow(() -> Fatal.of(
                Reason.PeerMisbehaved.SIGNATURE_SCHEME_KEY_MISMATCH, scheme + " with a " + key.getAlgorithm() + " key"));
        if (!v.verify(content, signature)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_SIGNATURE, "with " + scheme);
        }
        return Proofs.signatureVerified(chain);
    }

    /** Signs a TLS 1.2 handshake message (ServerKeyExchange or CertificateVerify) with a scheme the key fits. */
    public static Bytes sign(CryptoProvider crypto, PrivateKey key, SignatureScheme scheme, Bytes content)
            throws TlsFatalAlertException {
        Signer signer = crypto.tls12Signer(key, scheme).orElseThrow(() -> Fatal.of(Reason.Local.INTERNAL,
                "our key cannot sign with " + scheme));
        return signer.sign(content);
    }

    /**
     * Whether a certificate key can serve a TLS 1.2 suite's key exchange: ECDHE_ECDSA takes ECDSA keys and,
     * by RFC 8422 section 2.1, EdDSA (Ed25519) keys; ECDHE_RSA takes RSA keys, RSASSA-PSS keys too when
     * {@code pssKeys}; static RSA only rsaEncryption keys, which can decrypt.
     */
    public static boolean keyServes(Key key, CipherSuite.KeyExchange kx, boolean pssKeys) {
        String alg = key.getAlgorithm();
        return switch (kx) {
            case ECDHE_ECDSA -> alg.equals("EC") || isEd25519(key);
            case ECDHE_RSA -> alg.equals("RSA") || pssKeys && alg.equals("RSASSA-PSS");
            case RSA -> alg.equals("RSA");
            case TLS13 -> false;
        };
    }

    private static boolean isEd25519(Key key) {
        return key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
    }

    /**
     * The named group of an ECDSA key's curve (P-256, P-384, P-521), NONE for a key on another curve, empty
     * for a key that is not an ECDSA key. In TLS 1.2 the client's supported_groups also lists the curves its
     * ECDSA peer may use (RFC 8422 section 4).
     */
    public static Optional<NamedGroup> ecdsaCurve(Key key) {
        if (!(key instanceof ECKey ec)) {
            return Optional.empty();
        }
        if (EcCurve.P256.matches(ec)) {
            return Optional.of(NamedGroup.SECP256R1);
        }
        if (EcCurve.P384.matches(ec)) {
            return Optional.of(NamedGroup.SECP384R1);
        }
        return Optional.of(EcCurve.P521.matches(ec) ? NamedGroup.SECP521R1 : NamedGroup.NONE);
    }

    /**
     * The schemes we accept in TLS 1.2 handshake signatures: ours plus PKCS#1 v1.5 where the provider has it,
     * without the TLS 1.3-only ones (ML-DSA).
     */
    public static List<SignatureScheme> tls12Schemes(List<SignatureScheme> configured, CryptoProvider crypto) {
        return withoutTls13Only(java.util.stream.Stream.concat(configured.stream(), TLS12_EXTRA_SCHEMES.stream())
                .distinct().filter(crypto.signatureSchemes()::contains).toList());
    }

    /** The schemes without those only TLS 1.3 has (ML-DSA, {@link SignatureScheme#isTls13Only()}). */
    public static List<SignatureScheme> withoutTls13Only(List<SignatureScheme> schemes) {
        return schemes.stream().filter(s -> !s.isTls13Only()).toList();
    }
}
