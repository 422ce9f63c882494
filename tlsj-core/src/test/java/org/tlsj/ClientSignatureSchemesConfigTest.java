package org.tlsj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.io.TestCertificates;

/** The client-certificate signature scheme settings of both configs: defaults, copies, and what is refused. */
class ClientSignatureSchemesConfigTest {
    private static final List<SignatureScheme> PSS256 = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256);

    @Test
    void serverAcceptsTheHandshakeDefaultsAndPkcs1UnlessConfigured() {
        ServerConfig.Builder b = ServerConfig.builder(TestCertificates.localhost());
        assertThat(b.build().clientSignatureSchemes()).containsExactly(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
                SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.MLDSA65, SignatureScheme.MLDSA87,
                SignatureScheme.MLDSA44, SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PKCS1_SHA512);
        ServerConfig configured = b.clientSignatureSchemes(PSS256).build();
        assertThat(configured.clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.toBuilder().build().clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.signatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
    }

    @Test
    void clientSignsWithTheSigningDefaultsAndPkcs1UnlessConfigured() {
        ClientConfig.Builder b = ClientConfig.builder();
        List<SignatureScheme> defaults = b.build().clientSignatureSchemes();
        assertThat(defaults.subList(0, SignatureScheme.SIGNING_DEFAULTS.size()))
                .isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
        assertThat(defaults.subList(SignatureScheme.SIGNING_DEFAULTS.size(), defaults.size()))
                .isEqualTo(SignatureScheme.TLS12_PKCS1);
        ClientConfig configured = b.clientSignatureSchemes(PSS256).build();
        assertThat(configured.clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.toBuilder().build().clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.signatureSchemes()).isEqualTo(SignatureScheme.HANDSHAKE_DEFAULTS);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> ServerConfig.builder(TestCertificates.localhost()).clientSignatureSchemes(List.of())
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessage("no client signature schemes enabled");
        assertThatThrownBy(() -> ClientConfig.builder().clientSignatureSchemes(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no client signature schemes enabled");
    }

    @Test
    void aListOfOnlyUnimplementedSchemesIsRefused() {
        // A CertificateRequest must list at least one scheme (RFC 8446 section 4.2.3), and one we can verify.
        List<SignatureScheme> unimplemented = List.of(SignatureScheme.ED448, new SignatureScheme(0xff01));
        assertThatThrownBy(() -> ServerConfig.builder(TestCertificates.localhost())
                .clientSignatureSchemes(unimplemented).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ed448").hasMessageContaining("is implemented by the crypto provider");
        assertThatThrownBy(() -> ClientConfig.builder().clientSignatureSchemes(unimplemented).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientConfig.builder().clientSignatureSchemes(List.of(SignatureScheme.ED448,
                SignatureScheme.ED25519)).build().clientSignatureSchemes()).hasSize(2);
    }
}
