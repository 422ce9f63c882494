package org.tlsj.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;
import org.tlsj.Bytes;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.CryptoProvider;

/**
 * The "bc" provider signs ML-DSA through the JDK (it delegates); Bouncy Castle's own ML-DSA, a second
 * implementation, checks that what it produces is pure ML-DSA with an empty context (draft-ietf-tls-mldsa), both
 * ways, and that a signature by another key or over another message fails.
 */
class MlDsaCrossCheckTest {
    private static final byte[] CONTENT = "TLS 1.3, server CertificateVerify\0transcript".getBytes(StandardCharsets.US_ASCII);
    private final CryptoProvider provider = new BcCryptoProviderFactory().create();

    @Test
    void tlsjSignaturesVerifyWithBouncyCastleAndBack() throws Exception {
        Map<SignatureScheme, String> sets = Map.of(SignatureScheme.MLDSA44, "ML-DSA-44",
                SignatureScheme.MLDSA65, "ML-DSA-65", SignatureScheme.MLDSA87, "ML-DSA-87");
        for (var e : sets.entrySet()) {
            KeyPair pair = KeyPairGenerator.getInstance(e.getValue()).generateKeyPair();
            Bytes ours = provider.signer(pair.getPrivate(), e.getKey()).orElseThrow().sign(Bytes.wrap(CONTENT));

            MLDSASigner bcVerify = new MLDSASigner();
            bcVerify.init(false, PublicKeyFactory.createKey(pair.getPublic().getEncoded()));
            bcVerify.update(CONTENT, 0, CONTENT.length);
            assertThat(bcVerify.verifySignature(ours.toArray())).as("%s by tlsj, checked by BC", e.getKey()).isTrue();

            MLDSASigner bcSign = new MLDSASigner();
            bcSign.init(true, new ParametersWithRandom(PrivateKeyFactory.createKey(pair.getPrivate().getEncoded()),
                    new SecureRandom()));
            bcSign.update(CONTENT, 0, CONTENT.length);
            byte[] theirs = bcSign.generateSignature();
            var verifier = provider.verifier(pair.getPublic(), e.getKey()).orElseThrow();
            assertThat(verifier.verify(Bytes.wrap(CONTENT), Bytes.wrap(theirs))).as("%s by BC", e.getKey()).isTrue();
            assertThat(verifier.verify(Bytes.wrap(CONTENT).concat(Bytes.fromHex("00")), Bytes.wrap(theirs)))
                    .as("%s other message", e.getKey()).isFalse();
            KeyPair other = KeyPairGenerator.getInstance(e.getValue()).generateKeyPair();
            assertThat(provider.verifier(other.getPublic(), e.getKey()).orElseThrow()
                    .verify(Bytes.wrap(CONTENT), Bytes.wrap(theirs))).as("%s wrong key", e.getKey()).isFalse();
        }
    }
}
