package org.tlsj;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which schemes TLS 1.3 forbids in handshake signatures, and what the default lists hold. */
class SignatureSchemeTest {

    @Test
    void pkcs1Sha1Sha224AndDsaSchemesAreLegacy() {
        // RFC 8446 section 4.4.3: RSA signs with RSASSA-PSS, and never with SHA-1, in TLS 1.3.
        for (SignatureScheme s : List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
                SignatureScheme.RSA_PKCS1_SHA512, SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1,
                new SignatureScheme(0x0303), new SignatureScheme(0x0402), new SignatureScheme(0x0101))) {
            assertThat(s.isLegacy()).as("%s", s).isTrue();
        }
    }

    @Test
    void tls13SchemesAndUnknownCodesAreNotLegacy() {
        for (SignatureScheme s : List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_PSS_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448,
                new SignatureScheme(0x2a01), new SignatureScheme(0x0a0a))) {
            assertThat(s.isLegacy()).as("%s", s).isFalse();
        }
    }

    @Test
    void defaultListsHoldNoLegacySchemeAndSigningCoversP521() {
        assertThat(SignatureScheme.HANDSHAKE_DEFAULTS).noneMatch(SignatureScheme::isLegacy);
        assertThat(SignatureScheme.SIGNING_DEFAULTS).noneMatch(SignatureScheme::isLegacy)
                .containsAll(SignatureScheme.HANDSHAKE_DEFAULTS).contains(SignatureScheme.ECDSA_SECP521R1_SHA512);
        // P-521 is verified only when configured, as BoringSSL does; SHA-1 never by default.
        assertThat(SignatureScheme.HANDSHAKE_DEFAULTS).doesNotContain(SignatureScheme.ECDSA_SECP521R1_SHA512);
    }
}
