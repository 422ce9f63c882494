package org.tlsj.internal.handshake;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;
import org.tlsj.internal.wire.ConstantTime;

/** The TLS 1.3 checks both sides make: CertificateVerify signatures and Finished MACs. */
public final class Tls13Checks {
    /** RFC 8446 section 4.4.3 context string for the server's signature. */
    public static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    /** RFC 8446 section 4.4.3 context string for the client's signature. */
    public static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    private Tls13Checks() {
    }

    /**
     * RFC 8446 section 4.4.3: 64 bytes of 0x20, the context string, a zero byte, then the transcript hash.
     */
    public static Bytes signedContent(String context, Bytes transcriptHash) {
        byte[] ctx = context.getBytes(StandardCharsets.US_ASCII);
        ByteWriter w = new ByteWriter(64 + ctx.length + 1 + transcriptHash.length());
        for (int i = 0; i < 64; i++) {
            w.u8(0x20);
        }
        w.bytes(ctx, 0, ctx.length).u8(0).bytes(transcriptHash);
        return w.toBytes();
    }

    /** Signs the CertificateVerify content with our key. */
    public static Bytes sign(CryptoProvider crypto, PrivateKey key, SignatureScheme scheme, String context,
                             Bytes transcriptHash) throws TlsFatalAlertException {
        Signer signer = crypto.signer(key, scheme).orElseThrow(() -> Fatal.of(Reason.Local.INTERNAL,
                "our key cannot sign with " + scheme));
        return signer.sign(signedContent(context, transcriptHash));
    }

    /**
     * Checks the peer's CertificateVerify: the scheme must be one TLS 1.3 allows in handshakes, one we offered,
     * and fit the key (RFC 8446 section 4.4.3), and the signature must verify with the key of the verified
     * {@code chain}.
     */
    public static Proofs.SignatureVerified verifySignature(CryptoProvider crypto, List<SignatureScheme> offered,
                                                           Proofs.ChainVerified chain, SignatureScheme scheme,
                                                           String context, Bytes transcriptHash, Bytes signature)
            throws TlsFatalAlertException {
        // RFC 8446 section 4.4.3: RSA signatures MUST use RSASSA-PSS "regardless of whether RSASSA-PKCS1-v1_5
        // algorithms appear in signature_algorithms", and SHA-1 MUST NOT be used: offering them (for TLS 1.2)
        // does not make them acceptable here.
        if (scheme.isLegacy()) {
            throw Fatal.of(Reason.PeerMisbehaved.LEGACY_SIGNATURE_SCHEME, scheme + " in a TLS 1.3 CertificateVerify");
        }
        if (!offered.contains(scheme)) {
            throw Fatal.of(Reason.PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED, scheme + " (we offered " + offered + ")");
        }
        PublicKey key = chain.key();
        Verifier verifier = crypto.verifier(key, scheme).orElseThrow(() -> Fatal.of(
                Reason.PeerMisbehaved.SIGNATURE_SCHEME_KEY_MISMATCH, scheme + " with a " + key.getAlgorithm() + " key"));
        if (!verifier.verify(signedContent(context, transcriptHash), signature)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_SIGNATURE, "with " + scheme);
        }
        return Proofs.signatureVerified(chain);
    }

    /** verify_data for a Finished message (RFC 8446 section 4.4.4). */
    public static Bytes finishedData(CryptoProvider crypto, HashAlgorithm hash, Secret baseKey,
                                     Bytes transcriptHash) {
        return KeySchedule13.finishedVerifyData(crypto, hash, baseKey, transcriptHash);
    }

    /**
     * Checks the peer's Finished in constant time. A verify_data of another length than the hash is as wrong as
     * one with the right length (decrypt_error), as BoringSSL, Go and rustls answer it.
     */
    public static Proofs.FinishedVerified verifyFinished(CryptoProvider crypto, HashAlgorithm hash, Secret baseKey,
                                                         Bytes transcriptHash, Bytes received)
            throws TlsFatalAlertException {
        Bytes expected = finishedData(crypto, hash, baseKey, transcriptHash);
        if (received.length() != expected.length()) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_FINISHED,
                    "Finished of " + received.length() + " bytes, expected " + expected.length());
        }
        if (!ConstantTime.equals(expected, received)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_FINISHED);
        }
        return Proofs.finishedVerified();
    }
}
