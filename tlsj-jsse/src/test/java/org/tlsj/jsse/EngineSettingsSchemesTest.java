package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPki;

/**
 * SSLParameters has one signature scheme list; tlsj's configs have one for the handshake signature and one for the
 * client certificate's. How the one becomes the two, with and without a base config.
 */
class EngineSettingsSchemesTest {
    private static final List<ProtocolVersion> BOTH = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
    private final TestPki pki = TestPki.create();

    private static List<SignatureScheme> withPkcs1(List<SignatureScheme> schemes) {
        return java.util.stream.Stream.concat(schemes.stream(), SignatureScheme.TLS12_PKCS1.stream()).toList();
    }

    @Test
    void defaultsAreTheSigningDefaultsForBothListsAsInSunJsse() {
        EngineSettings s = EngineSettings.defaults(BOTH);
        ServerConfig server = s.applyTo(TestPki.server(pki.server(KeyType.EC_P256)), null).build();
        assertThat(server.signatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
        assertThat(server.clientSignatureSchemes()).isEqualTo(withPkcs1(SignatureScheme.SIGNING_DEFAULTS));
        ClientConfig client = s.applyTo(pki.client()).build();
        assertThat(client.signatureSchemes()).isEqualTo(SignatureScheme.SIGNING_DEFAULTS);
        assertThat(client.clientSignatureSchemes()).isEqualTo(withPkcs1(SignatureScheme.SIGNING_DEFAULTS));
        assertThat(s.toSSLParameters().getSignatureSchemes()).contains("ecdsa_secp521r1_sha512");
    }

    @Test
    void schemesSetThroughSslParametersGovernBothLists() {
        EngineSettings s = EngineSettings.defaults(BOTH);
        SSLParameters p = s.toSSLParameters();
        p.setSignatureSchemes(new String[] {"rsa_pss_rsae_sha256"});
        s.apply(p);
        ServerConfig server = s.applyTo(TestPki.server(pki.server(KeyType.RSA_2048)), null).build();
        assertThat(server.signatureSchemes()).containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(server.clientSignatureSchemes()).isEqualTo(withPkcs1(List.of(SignatureScheme.RSA_PSS_RSAE_SHA256)));
    }

    @Test
    void aBaseConfigKeepsItsClientCertificateSchemesUntilTheApplicationSetsSchemes() {
        List<SignatureScheme> pss = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256);
        ServerConfig base = TestPki.server(pki.server(KeyType.EC_P256)).clientSignatureSchemes(pss).build();
        EngineSettings s = new BaseConfigs(null, base).settings();
        assertThat(s.applyTo(base.toBuilder(), null).build().clientSignatureSchemes()).isEqualTo(pss);

        SSLParameters same = s.toSSLParameters();
        s.apply(same);
        assertThat(s.applyTo(base.toBuilder(), null).build().clientSignatureSchemes()).isEqualTo(pss);

        SSLParameters other = s.toSSLParameters();
        other.setSignatureSchemes(new String[] {"ecdsa_secp256r1_sha256"});
        s.apply(other);
        assertThat(s.applyTo(base.toBuilder(), null).build().clientSignatureSchemes())
                .isEqualTo(withPkcs1(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)));

        other.setSignatureSchemes(null);
        s.apply(other);
        assertThat(s.applyTo(base.toBuilder(), null).build().clientSignatureSchemes()).isEqualTo(pss);
    }
}
