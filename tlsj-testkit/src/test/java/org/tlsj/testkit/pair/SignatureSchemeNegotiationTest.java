package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * Which scheme signs the handshake, by version: TLS 1.3 never PKCS#1 v1.5 or SHA-1 (RFC 8446 section 4.4.3),
 * TLS 1.2 ECDSA schemes name only a hash (RFC 5246 section 7.4.1.4.1) and Ed25519 serves ECDHE_ECDSA
 * (RFC 8422 section 2.1), SHA-1 only when both sides configure it, P-521 keys sign by default.
 */
class SignatureSchemeNegotiationTest {
    private static final List<ProtocolVersion> TLS12 = List.of(ProtocolVersion.TLS12);
    private static final List<ProtocolVersion> TLS13 = List.of(ProtocolVersion.TLS13);
    private final TestPki pki = TestPki.create();

    private SignatureScheme scheme(TestPair pair) {
        SignatureScheme s = pair.client().session().orElseThrow().signatureScheme();
        assertThat(pair.server().session().orElseThrow().signatureScheme()).isEqualTo(s);
        return s;
    }

    @Test
    void tls13ServerNeverSignsWithPkcs1EvenWhenBothSidesListIt() {
        TestPair pair = TestPair.of(pki.client().versions(TLS13)
                        .signatureSchemes(List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA1)).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).versions(TLS13)
                        .signatureSchemes(List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA1)).build(),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_SIGNATURE_SCHEME);
        assertPeerAlert(pair.clientFailure(), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void tls12StillSignsWithPkcs1WhenThatIsWhatTheServerIsConfiguredFor() {
        TestPair pair = TestPair.of(pki.client().versions(TLS12).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).versions(TLS12)
                        .signatureSchemes(List.of(SignatureScheme.RSA_PKCS1_SHA384)).build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.RSA_PKCS1_SHA384);
    }

    @Test
    void p521ServerKeySignsByDefaultWhenTheClientAcceptsIt() throws Exception {
        List<SignatureScheme> accepting = new ArrayList<>(SignatureScheme.HANDSHAKE_DEFAULTS);
        accepting.add(SignatureScheme.ECDSA_SECP521R1_SHA512);
        TestPair pair = TestPair.of(pki.client().versions(TLS13).signatureSchemes(accepting).build(),
                TestPki.server(p521Server()).build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.ECDSA_SECP521R1_SHA512);
    }

    @Test
    void p521IsNotAcceptedByDefault() throws Exception {
        TestPair pair = TestPair.of(pki.client().versions(TLS13).build(), TestPki.server(p521Server()).build(),
                "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_SIGNATURE_SCHEME);
    }

    @Test
    void tls12EcdsaKeySignsWithTheHashTheClientAsksForOnItsOwnCurve() {
        // A P-256 key, a client accepting only (sha384, ecdsa): legal in TLS 1.2, where the scheme has no curve.
        TestPair pair = TestPair.of(pki.client().versions(TLS12)
                        .signatureSchemes(List.of(SignatureScheme.ECDSA_SECP384R1_SHA384)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).versions(TLS12).build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.ECDSA_SECP384R1_SHA384);
    }

    @Test
    void tls13EcdsaSchemeStillBindsTheCurve() {
        TestPair pair = TestPair.of(pki.client().versions(TLS13)
                        .signatureSchemes(List.of(SignatureScheme.ECDSA_SECP384R1_SHA384)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).versions(TLS13).build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_SIGNATURE_SCHEME);
    }

    @Test
    void tls12EcdheEcdsaServesAnEd25519Certificate() {
        TestPair pair = TestPair.of(pki.client().versions(TLS12)
                        .cipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)).build(),
                TestPki.server(pki.server(KeyType.ED25519)).versions(TLS12).build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.ED25519);
        assertThat(pair.client().session().orElseThrow().cipherSuite())
                .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    }

    @Test
    void tls12Sha1SignaturesOnlyWhenBothSidesConfigureThem() {
        List<SignatureScheme> sha1 = List.of(SignatureScheme.RSA_PKCS1_SHA1);
        TestPair both = TestPair.of(pki.client().versions(TLS12).signatureSchemes(sha1).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).versions(TLS12).signatureSchemes(sha1).build(),
                "localhost").handshake();
        assertThat(scheme(both)).isEqualTo(SignatureScheme.RSA_PKCS1_SHA1);

        TestPair defaultClient = TestPair.of(pki.client().versions(TLS12).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).versions(TLS12).signatureSchemes(sha1).build(),
                "localhost").handshake();
        assertThat(scheme(defaultClient)).isEqualTo(SignatureScheme.RSA_PKCS1_SHA256);

        TestPair defaultServer = TestPair.of(pki.client().versions(TLS12).signatureSchemes(sha1).build(),
                TestPki.server(pki.server(KeyType.RSA_2048)).versions(TLS12).build(), "localhost").handshake();
        assertThat(scheme(defaultServer)).isEqualTo(SignatureScheme.RSA_PKCS1_SHA256);
    }

    @Test
    void tls12ClientRefusesAnEcdsaCertificateOnACurveItDidNotOffer() {
        // RFC 8422 section 4: supported_groups also names the curves the server's ECDSA key may be on. The
        // attacker turns the client's secp384r1 into secp256r1 on the way, so the server serves its P-256 key.
        TestPair pair = TestPair.of(pki.client().versions(TLS12)
                        .cipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
                        .groups(List.of(NamedGroup.X25519, NamedGroup.SECP384R1)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).versions(TLS12).build(), "localhost")
                .tamperToServer(bytes -> replaceOnce(bytes, "000a00060004001d0018", "000a00060004001d0017")).run();
        assertFatal(pair.clientFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE, CertificateProblem.UNOFFERED_CURVE);
        assertThat(pair.clientFailure().get().getMessage()).contains("secp256r1");
        assertPeerAlert(pair.serverFailure(), AlertDescription.UNSUPPORTED_CERTIFICATE);
    }

    private CertifiedKey p521Server() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair keys = g.generateKeyPair();
        return CertificateMinter.leaf(pki.ca(), "localhost", List.of("localhost"), keys, TestPki.NOW.minusSeconds(3600),
                TestPki.NOW.plusSeconds(3600), EnumSet.of(CertificateMinter.Usage.SERVER)).withChain(pki.ca());
    }

    /** The bytes with the one occurrence of {@code fromHex} replaced (only the first flight has it). */
    static byte[] replaceOnce(byte[] bytes, String fromHex, String toHex) {
        byte[] from = java.util.HexFormat.of().parseHex(fromHex);
        byte[] to = java.util.HexFormat.of().parseHex(toHex);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                byte[] out = bytes.clone();
                System.arraycopy(to, 0, out, i, to.length);
                return out;
            }
        }
        return bytes;
    }
}
