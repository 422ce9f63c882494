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
    void serverAcceptsTheHandshakeDefaultsUnlessConfigured() {
        ServerConfig.Builder b = ServerConfig.builder(TestCertificates.localhost());
        assertThat(b.build().clientSignatureSchemes()).isEqualTo(SignatureScheme.HANDSHAKE_DEFAULTS);
        ServerConfig configured = b.clientSignatureSchemes(PSS256).build();
        assertThat(configured.clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.toBuilder().build().clientSignatureSchemes()).isEqualTo(PSS256);
        assertThat(configured.signatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
    }

    @Test
    void clientSignsWithTheSigningDefaultsUnlessConfigured() {
        ClientConfig.Builder b = ClientConfig.builder();
        assertThat(b.build().clientSignatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
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
