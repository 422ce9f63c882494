package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.Bytes;
import org.tlsj.io.TestCertificates;
import org.tlsj.pki.ChainChecks;

/** The TLS 1.3 CertificateVerify check refuses what RFC 8446 section 4.4.3 forbids, even when it was offered. */
class Tls13ChecksTest {
    private static final Bytes TRANSCRIPT = Bytes.wrap(new byte[32]);
    private final CryptoProvider crypto = JcaCryptoProvider.create();

    /**
     * A chain proof for the test certificate. The signature check needs one, and a test can only get one as the
     * engine does: from a verifier that accepted the chain. The scheme checks below refuse before any key is used.
     */
    private static Proofs.ChainVerified acceptedChain() throws TlsFatalAlertException {
        return CertificateChecks.verifyServer((chain, name, now) -> new ChainChecks(List.of("accepted by the test")),
                TestCertificates.localhost().chain(), Optional.empty(), Instant.EPOCH);
    }

    /** A valid signature over the server's CertificateVerify content, made with the JCA directly. */
    private static Bytes sign(String jcaName, KeyPair pair) throws Exception {
        Signature s = Signature.getInstance(jcaName);
        s.initSign(pair.getPrivate());
        s.update(Tls13Checks.signedContent(Tls13Checks.SERVER_CONTEXT, TRANSCRIPT).toArray());
        return Bytes.wrap(s.sign());
    }

    @Test
    void refusesAValidPkcs1SignatureEvenWhenPkcs1WasOffered() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        for (var c : List.of(new Object[] {SignatureScheme.RSA_PKCS1_SHA256, "SHA256withRSA"},
                new Object[] {SignatureScheme.RSA_PKCS1_SHA512, "SHA512withRSA"},
                new Object[] {SignatureScheme.RSA_PKCS1_SHA1, "SHA1withRSA"})) {
            SignatureScheme scheme = (SignatureScheme) c[0];
            Bytes signature = sign((String) c[1], rsa);
            assertThat(crypto.verifier(rsa.getPublic(), scheme).orElseThrow()
                    .verify(Tls13Checks.signedContent(Tls13Checks.SERVER_CONTEXT, TRANSCRIPT), signature))
                    .as("the signature itself is valid").isTrue();
            assertRefusedAsLegacy(() -> Tls13Checks.verifySignature(crypto, List.of(scheme,
                    SignatureScheme.RSA_PSS_RSAE_SHA256), acceptedChain(), scheme, Tls13Checks.SERVER_CONTEXT,
                    TRANSCRIPT, signature));
        }
    }

    @Test
    void refusesEcdsaWithSha1EvenWhenOffered() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = g.generateKeyPair();
        Bytes signature = sign("SHA1withECDSA", p256);
        assertRefusedAsLegacy(() -> Tls13Checks.verifySignature(crypto, List.of(SignatureScheme.ECDSA_SHA1),
                acceptedChain(), SignatureScheme.ECDSA_SHA1, Tls13Checks.SERVER_CONTEXT, TRANSCRIPT, signature));
    }

    private static void assertRefusedAsLegacy(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.LEGACY_SIGNATURE_SCHEME);
            assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        });
    }
}
