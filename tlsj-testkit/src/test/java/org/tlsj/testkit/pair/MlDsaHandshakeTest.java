package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * ML-DSA certificates (draft-ietf-tls-mldsa): each parameter set signs a TLS 1.3 handshake, in both roles and
 * in certificate chains; the server picks its ML-DSA or its ECDSA certificate by what the client accepts; TLS
 * 1.2 never uses ML-DSA.
 */
class MlDsaHandshakeTest {
    private static final List<ProtocolVersion> TLS12 = List.of(ProtocolVersion.TLS12);
    private static final List<ProtocolVersion> TLS13 = List.of(ProtocolVersion.TLS13);
    private static final List<SignatureScheme> CLASSICAL = SignatureScheme.HANDSHAKE_DEFAULTS.stream()
            .filter(s -> !s.isTls13Only()).toList();
    private static final Map<KeyType, SignatureScheme> SETS = Map.of(KeyType.ML_DSA_44, SignatureScheme.MLDSA44,
            KeyType.ML_DSA_65, SignatureScheme.MLDSA65, KeyType.ML_DSA_87, SignatureScheme.MLDSA87);
    private final TestPki pki = TestPki.create();

    private static SignatureScheme scheme(TestPair pair) {
        SignatureScheme s = pair.client().session().orElseThrow().signatureScheme();
        assertThat(pair.server().session().orElseThrow().signatureScheme()).isEqualTo(s);
        return s;
    }

    @Test
    void eachParameterSetSignsTheServerHandshakeByDefault() {
        for (var e : SETS.entrySet()) {
            TestPair pair = TestPair.of(pki.client().build(), TestPki.server(pki.server(e.getKey())).build(),
                    "localhost").handshake();
            assertThat(scheme(pair)).as("%s", e.getKey()).isEqualTo(e.getValue());
            assertThat(pair.client().session().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS13);
        }
    }

    @Test
    void oneByteAtATimeWithAnMlDsa87Chain() {
        TestPair pair = TestPair.withChunkSize(pki.client().build(),
                TestPki.server(pki.server(KeyType.ML_DSA_87)).build(), "localhost", 1).handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.MLDSA87);
    }

    @Test
    void mutualTlsWithAnMlDsaClientCertificate() {
        CertifiedKey alice = CertificateMinter.leaf(pki.ca(), "alice", List.of(), KeyType.ML_DSA_65,
                TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(30)),
                EnumSet.of(Usage.CLIENT)).withChain(pki.ca());
        TestPair pair = TestPair.of(pki.client().certificates(List.of(alice)).build(),
                TestPki.server(pki.server(KeyType.ML_DSA_44)).clientAuth(ClientAuth.REQUIRED, pki.verifier())
                        .build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.MLDSA44);
        assertThat(pair.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
    }

    @Test
    void serverPicksItsMlDsaCertificateOnlyForAClientThatAcceptsMlDsa() {
        CertifiedKey ecdsa = pki.server(KeyType.EC_P256);
        CertifiedKey mlDsa = pki.server(KeyType.ML_DSA_65);
        for (List<CertifiedKey> order : List.of(List.of(ecdsa, mlDsa), List.of(mlDsa, ecdsa))) {
            ServerConfig server = ServerConfig.builder(order.toArray(CertifiedKey[]::new)).clock(TestPki.CLOCK)
                    .build();
            TestPair pq = TestPair.of(pki.client().build(), server, "localhost").handshake();
            assertThat(scheme(pq)).as("default client, %s first", order.getFirst()).isEqualTo(SignatureScheme.MLDSA65);
            TestPair classical = TestPair.of(pki.client().signatureSchemes(CLASSICAL).build(), server, "localhost")
                    .handshake();
            assertThat(scheme(classical)).as("classical client").isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
            TestPair tls12 = TestPair.of(pki.client().versions(TLS12).build(), server, "localhost").handshake();
            assertThat(scheme(tls12)).as("TLS 1.2 client").isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        }
    }

    @Test
    void tls12NeverSignsWithMlDsa() {
        TestPair pair = TestPair.of(pki.client().versions(TLS12).build(),
                TestPki.server(pki.server(KeyType.ML_DSA_65)).build(), "localhost").run();
        // No TLS 1.2 key exchange takes an ML-DSA key (ECDHE_ECDSA wants EC or Ed25519, ECDHE_RSA RSA).
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_COMMON_CIPHER_SUITE);
        assertPeerAlert(pair.clientFailure(), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void tls12OnlyClientHelloOffersNoMlDsaButADualVersionOneDoes() {
        for (List<ProtocolVersion> versions : List.of(TLS12, List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12))) {
            StringBuilder hello = new StringBuilder();
            TestPair.of(pki.client().versions(versions).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                    "localhost").tamperToServer(b -> {
                        if (hello.isEmpty()) {
                            hello.append(HexFormat.of().formatHex(b));
                        }
                        return b;
                    }).handshake();
            // signature_algorithms (13) and signature_algorithms_cert (50): 0905 0906 0904 follow the classical ones.
            assertThat(hello.toString().contains("090509060904")).as("%s", versions)
                    .isEqualTo(versions.contains(ProtocolVersion.TLS13));
        }
    }

    @Test
    void tls12ClientRefusesAServerKeyExchangeSignedWithMlDsaThoughItOfferedMlDsaForTls13() {
        // A TLS 1.2 server signs its ServerKeyExchange (x25519) with ecdsa_secp256r1_sha256; on the way the
        // scheme becomes mldsa65, which the client offered, for TLS 1.3 only.
        TestPair pair = TestPair.of(pki.client().build(),
                TestPki.server(pki.server(KeyType.EC_P256)).versions(TLS12).build(), "localhost")
                .tamperToClient(b -> replaceHex(b, "(0c[0-9a-f]{6}03001d20[0-9a-f]{64})0403", "$10905")).run();
        assertFatal(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED);
        assertThat(pair.clientFailure().get().getMessage()).contains("mldsa65");
        assertPeerAlert(pair.serverFailure(), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void chainsWithAnMlDsaCaAndAnEcdsaLeafAndTheReverse() {
        Issued mlDsaCa = CertificateMinter.ca("ML-DSA CA", KeyType.ML_DSA_87, TestPki.NOW.minus(Duration.ofDays(1)),
                TestPki.NOW.plus(Duration.ofDays(30)));
        CertifiedKey ecdsaLeaf = CertificateMinter.leaf(mlDsaCa, "localhost", List.of("localhost"), KeyType.EC_P256,
                TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(30)),
                EnumSet.of(Usage.SERVER)).withChain(mlDsaCa);
        assertThat(ecdsaLeaf.leaf().getSigAlgName()).isEqualToIgnoringCase("ML-DSA-87");
        TestPair pair = TestPair.of(pki.client()
                        .verifier(PkixVerifier.withTrustedCertificates(List.of(mlDsaCa.certificate()))).build(),
                TestPki.server(ecdsaLeaf).build(), "localhost").handshake();
        assertThat(scheme(pair)).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        // The reverse: an ECDSA CA (TestPki's) over an ML-DSA leaf.
        CertifiedKey mlDsaLeaf = pki.server(KeyType.ML_DSA_65);
        assertThat(mlDsaLeaf.leaf().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(scheme(TestPair.of(pki.client().build(), TestPki.server(mlDsaLeaf).build(), "localhost")
                .handshake())).isEqualTo(SignatureScheme.MLDSA65);
    }

    @Test
    void clientThatAcceptsNoMlDsaRefusesAnMlDsaOnlyServer() {
        TestPair pair = TestPair.of(pki.client().signatureSchemes(CLASSICAL).build(),
                TestPki.server(pki.server(KeyType.ML_DSA_65)).build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, PeerIncompatible.NO_SIGNATURE_SCHEME);
    }

    private static byte[] replaceHex(byte[] bytes, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(HexFormat.of().formatHex(bytes));
        return m.find() ? HexFormat.of().parseHex(m.replaceFirst(replacement)) : bytes;
    }
}
