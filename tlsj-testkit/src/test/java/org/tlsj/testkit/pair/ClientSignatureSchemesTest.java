package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.io.ByteArrayOutputStream;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/**
 * The client certificate's signature schemes, configured on both sides: {@code ServerConfig.clientSignatureSchemes}
 * (what the CertificateRequest advertises and the server accepts) and {@code ClientConfig.clientSignatureSchemes}
 * (what the client signs with, in its own order). The TLS 1.3 refusal of a scheme outside the server's list is in
 * the hostile suite ({@code AttacksOnServerTest}), since the CertificateVerify is encrypted there.
 */
class ClientSignatureSchemesTest {
    private static final List<ProtocolVersion> TLS12 = List.of(ProtocolVersion.TLS12);
    private static final List<ProtocolVersion> TLS13 = List.of(ProtocolVersion.TLS13);
    private static final SignatureScheme PSS256 = SignatureScheme.RSA_PSS_RSAE_SHA256;
    private static final SignatureScheme PSS512 = SignatureScheme.RSA_PSS_RSAE_SHA512;
    private final TestPki pki = TestPki.create();
    private final CertifiedKey rsaClient = clientCertificate(KeyType.RSA_2048);

    private CertifiedKey clientCertificate(KeyType type) {
        return CertificateMinter.leaf(pki.ca(), "alice", List.of(), type, TestPki.NOW.minusSeconds(3600),
                TestPki.NOW.plusSeconds(3600), EnumSet.of(Usage.CLIENT)).withChain(pki.ca());
    }

    private CertifiedKey p521ClientCertificate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp521r1"));
        return CertificateMinter.leaf(pki.ca(), "alice", List.of(), g.generateKeyPair(), TestPki.NOW.minusSeconds(3600),
                TestPki.NOW.plusSeconds(3600), EnumSet.of(Usage.CLIENT)).withChain(pki.ca());
    }

    private ServerConfig.Builder server(List<ProtocolVersion> versions) {
        return TestPki.server(pki.server(KeyType.EC_P256)).versions(versions)
                .clientAuth(ClientAuth.REQUIRED, pki.verifier());
    }

    private ClientConfig.Builder client(List<ProtocolVersion> versions, CertifiedKey key) {
        return pki.client().versions(versions).certificates(List.of(key));
    }

    /** A detail of the first traced message with this title sent by {@code from}. */
    private static String detail(List<HandshakeEvent> events, Role from, String message, String name) {
        return events.stream().filter(e -> e.kind() == HandshakeEvent.Kind.MESSAGE && e.from() == from
                        && e.title().equals(message))
                .findFirst().orElseThrow(() -> new AssertionError("no " + message + " in " + events)).detail(name);
    }

    @Test
    void defaultTls13CertificateRequestListsTheHandshakeDefaultsThenPkcs1ForCertificates() {
        // RFC 8446 section 4.2.3: without signature_algorithms_cert the list also covers the client's chain.
        List<HandshakeEvent> clientSaw = new ArrayList<>();
        TestPair.of(client(TLS13, rsaClient).trace(clientSaw::add).build(), server(TLS13).build(), "localhost")
                .handshake();
        assertThat(detail(clientSaw, Role.SERVER, "CertificateRequest", "signature_algorithms")).isEqualTo(
                "ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, ed25519, rsa_pss_rsae_sha256, rsa_pss_rsae_sha384, "
                        + "rsa_pss_rsae_sha512, rsa_pss_pss_sha256, mldsa65, mldsa87, mldsa44, rsa_pkcs1_sha256, "
                        + "rsa_pkcs1_sha384, rsa_pkcs1_sha512");
    }

    @Test
    void tls13CertificateRequestAdvertisesExactlyTheConfiguredSchemes() {
        List<HandshakeEvent> clientSaw = new ArrayList<>();
        List<HandshakeEvent> serverSaw = new ArrayList<>();
        TestPair pair = TestPair.of(client(TLS13, rsaClient).trace(clientSaw::add).build(),
                server(TLS13).clientSignatureSchemes(List.of(PSS256)).trace(serverSaw::add).build(), "localhost")
                .handshake();
        assertThat(detail(clientSaw, Role.SERVER, "CertificateRequest", "signature_algorithms")).isEqualTo("rsa_pss_rsae_sha256");
        assertThat(detail(serverSaw, Role.CLIENT, "CertificateVerify", "signature_scheme")).isEqualTo("rsa_pss_rsae_sha256");
        assertThat(pair.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
    }

    @Test
    void tls12CertificateRequestAdvertisesExactlyTheConfiguredSchemes() {
        // RFC 5246 section 7.4.4: certificate_types ecdsa_sign (64), rsa_sign (1), then the scheme list.
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        TestPair.of(client(TLS12, rsaClient).build(), server(TLS12).clientSignatureSchemes(List.of(PSS256)).build(),
                "localhost").tamperToClient(b -> {
                    toClient.writeBytes(b);
                    return b;
                }).handshake();
        assertThat(HexFormat.of().formatHex(toClient.toByteArray())).contains("02400100020804");
    }

    @Test
    void tls12ServerRefusesAClientCertificateVerifyWithASchemeItDoesNotAccept() {
        // The client signs rsa_pss_rsae_sha256 as asked; on the way the scheme becomes ecdsa_secp256r1_sha256
        // (CertificateVerify, 4 + 2 + 2 + 256 bytes). The server checks the scheme before the signature.
        TestPair pair = TestPair.of(client(TLS12, rsaClient).build(),
                server(TLS12).clientSignatureSchemes(List.of(PSS256)).build(), "localhost")
                .tamperToServer(b -> SignatureSchemeNegotiationTest.replaceOnce(b, "0f0001040804", "0f0001040403"))
                .run();
        assertFatal(pair.serverFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED);
        assertThat(pair.serverFailure().get().getMessage()).contains("ecdsa_secp256r1_sha256");
        assertPeerAlert(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void clientSignsWithItsOwnFirstPreferenceAmongWhatTheServerAccepts() {
        for (List<ProtocolVersion> version : List.of(TLS13, TLS12)) {
            List<HandshakeEvent> clientSaw = new ArrayList<>();
            TestPair.of(client(version, rsaClient).clientSignatureSchemes(List.of(PSS512, PSS256))
                    .trace(clientSaw::add).build(), server(version).build(), "localhost").handshake();
            assertThat(detail(clientSaw, Role.CLIENT, "CertificateVerify", "signature_scheme")).as("%s", version)
                    .isEqualTo("rsa_pss_rsae_sha512");
        }
    }

    @Test
    void tls12ServerConfiguredForPssOnlyRefusesPkcs1() {
        // The default client would sign rsa_pkcs1_sha256 if asked; on the way the server's list gains it.
        TestPair pair = TestPair.of(client(TLS12, rsaClient).build(),
                server(TLS12).clientSignatureSchemes(List.of(PSS256)).build(), "localhost")
                .tamperToClient(b -> SignatureSchemeNegotiationTest.replaceOnce(b, "02400100020804", "02400100020401"))
                .run();
        assertFatal(pair.serverFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED);
        assertThat(pair.serverFailure().get().getMessage()).contains("rsa_pkcs1_sha256");
    }

    @Test
    void clientWithNoSchemeTheServerAcceptsSendsNoCertificate() {
        // RFC 8446 section 4.4.2.3: an empty Certificate; the server requires one.
        TestPair pair = TestPair.of(client(TLS13, rsaClient).clientSignatureSchemes(List.of(PSS512)).build(),
                server(TLS13).clientSignatureSchemes(List.of(PSS256)).build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.CERTIFICATE_REQUIRED, PeerMisbehaved.CERTIFICATE_REQUIRED);
        assertPeerAlert(pair.clientFailure(), AlertDescription.CERTIFICATE_REQUIRED);
    }

    @Test
    void p521ClientCertificateNeedsTheServerToAcceptEcdsaSecp521r1Sha512() throws Exception {
        CertifiedKey p521 = p521ClientCertificate();
        TestPair refused = TestPair.of(client(TLS13, p521).build(), server(TLS13).build(), "localhost").run();
        assertFatal(refused.serverFailure(), AlertDescription.CERTIFICATE_REQUIRED, PeerMisbehaved.CERTIFICATE_REQUIRED);

        List<SignatureScheme> accepting = new ArrayList<>(SignatureScheme.HANDSHAKE_DEFAULTS);
        accepting.add(SignatureScheme.ECDSA_SECP521R1_SHA512);
        TestPair accepted = TestPair.of(client(TLS13, p521).build(),
                server(TLS13).clientSignatureSchemes(accepting).build(), "localhost").handshake();
        assertThat(accepted.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
    }
}
