package org.tlsj.testkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * The conformance kit for a {@link CryptoProvider}: extend this class in a JUnit 5 test, implement
 * {@link #provider(org.tlsj.crypto.RandomSource)}, and every check runs against the JCA provider as the
 * reference. Inherited from {@link KeyExchangeConformance} and {@link SignatureConformance}: RFC 7748 and
 * RFC 8032 vectors, ECDH and the ML-KEM groups with JCA on the other side, bad shares refused with
 * illegal_parameter, signatures across providers. Here: whole in-memory handshakes (TLS 1.3 and 1.2) with
 * the provider on one side and JCA on the other, in both directions, over each group and certificate type.
 *
 * <p>The kit is provider-neutral: it uses only the {@link CryptoProvider} interface, and it assumes the
 * provider implements every group in {@link NamedGroup#SUPPORTED} and the usual signature schemes. The opt-in
 * secp521r1, MLKEM768 and MLKEM1024 groups are tested only if the provider lists them.
 */
public abstract class CryptoProviderConformance extends SignatureConformance {
    private static final TestPki PKI = TestPki.create("tlsj conformance CA");
    private static final Map<KeyType, CertifiedKey> CERTIFICATES = new ConcurrentHashMap<>();
    private static final List<ProtocolVersion> TLS13 = List.of(ProtocolVersion.TLS13);
    private static final List<ProtocolVersion> TLS12 = List.of(ProtocolVersion.TLS12);

    /** Creates the conformance base. */
    protected CryptoProviderConformance() {
    }

    /** TLS 1.3: each group with each certificate type, the provider as client and as server. */
    static Stream<Arguments> tls13Handshakes() {
        return matrix(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.X25519MLKEM768,
                NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP384R1MLKEM1024),
                List.of(KeyType.EC_P256, KeyType.ED25519, KeyType.RSA_2048));
    }

    /** TLS 1.2 (ECDHE suites): each ECDHE group with each certificate type, in both directions. */
    static Stream<Arguments> tls12Handshakes() {
        return matrix(List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
                List.of(KeyType.EC_P256, KeyType.RSA_2048));
    }

    private static Stream<Arguments> matrix(List<NamedGroup> groups, List<KeyType> keys) {
        List<Arguments> out = new ArrayList<>();
        for (NamedGroup group : groups) {
            for (KeyType key : keys) {
                for (String side : List.of("client", "server")) {
                    out.add(Arguments.of(group, key, side));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "TLS 1.3 {0} {1}, provider as {2}")
    @MethodSource("tls13Handshakes")
    void tls13HandshakeWithJcaOnTheOtherSide(NamedGroup group, KeyType key, String providerSide) throws TlsException {
        handshake(TLS13, List.of(group), group, key, providerSide);
    }

    @ParameterizedTest(name = "TLS 1.2 {0} {1}, provider as {2}")
    @MethodSource("tls12Handshakes")
    void tls12HandshakeWithJcaOnTheOtherSide(NamedGroup group, KeyType key, String providerSide) throws TlsException {
        // RFC 8422 section 4: with ECDSA the client's groups also name the curve its peer's key is on.
        List<NamedGroup> clientGroups = List.copyOf(new LinkedHashSet<>(List.of(group, NamedGroup.SECP256R1)));
        handshake(TLS12, clientGroups, group, key, providerSide);
    }

    @ParameterizedTest(name = "opt-in secp521r1, provider as {0}")
    @ValueSource(strings = {"client", "server"})
    void secp521r1HandshakesWhenBothSidesEnableIt(String providerSide) throws TlsException {
        assumeTrue(provider().groups().contains(NamedGroup.SECP521R1), "the provider does not implement secp521r1");
        List<NamedGroup> p521 = List.of(NamedGroup.SECP521R1);
        handshake(TLS13, p521, p521, NamedGroup.SECP521R1, KeyType.EC_P256, providerSide);
        handshake(TLS12, List.of(NamedGroup.SECP521R1, NamedGroup.SECP256R1), p521, NamedGroup.SECP521R1,
                KeyType.EC_P256, providerSide);
    }

    @ParameterizedTest(name = "mutual TLS 1.3, provider as {0}")
    @ValueSource(strings = {"client", "server"})
    void mutualTlsClientCertificateVerifyCrossesProviders(String providerSide) throws TlsException {
        boolean providerIsClient = providerSide.equals("client");
        ClientConfig client = PKI.client().versions(TLS13)
                .certificates(List.of(PKI.clientCertificate("conformance client")))
                .crypto(providerIsClient ? provider() : reference()).build();
        ServerConfig server = TestPki.server(certificate(KeyType.EC_P256)).versions(TLS13)
                .clientAuth(ClientAuth.REQUIRED, PKI.verifier())
                .crypto(providerIsClient ? reference() : provider()).build();
        TestPair pair = TestPair.of(client, server, "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().peerIdentity()).contains("CN=conformance client");
        assertThat(pair.clientSends("hello")).isEqualTo("hello");
    }

    private void handshake(List<ProtocolVersion> version, List<NamedGroup> clientGroups, NamedGroup group,
                           KeyType key, String providerSide) throws TlsException {
        handshake(version, clientGroups, NamedGroup.SUPPORTED, group, key, providerSide);
    }

    private void handshake(List<ProtocolVersion> version, List<NamedGroup> clientGroups, List<NamedGroup> serverGroups,
                           NamedGroup group, KeyType key, String providerSide) throws TlsException {
        boolean providerIsClient = providerSide.equals("client");
        ClientConfig client = PKI.client().versions(version).groups(clientGroups)
                .crypto(providerIsClient ? provider() : reference()).build();
        ServerConfig server = TestPki.server(certificate(key)).versions(version).groups(serverGroups)
                .crypto(providerIsClient ? reference() : provider()).build();
        TestPair pair = TestPair.of(client, server, "localhost").handshake();
        SessionInfo session = pair.client().session().orElseThrow();
        assertThat(session.version()).isEqualTo(version.getFirst());
        assertThat(session.group()).isEqualTo(group);
        assertThat(session.signatureScheme()).isIn(expectedSchemes(key));
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(group);
        assertThat(pair.clientSends("ping")).isEqualTo("ping");
        assertThat(pair.serverSends("pong".repeat(3000))).isEqualTo("pong".repeat(3000));
    }

    private static List<SignatureScheme> expectedSchemes(KeyType key) {
        return switch (key) {
            case EC_P256 -> List.of(SignatureScheme.ECDSA_SECP256R1_SHA256);
            case ED25519 -> List.of(SignatureScheme.ED25519);
            default -> List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
                    SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PKCS1_SHA256);
        };
    }

    private static CertifiedKey certificate(KeyType key) {
        return CERTIFICATES.computeIfAbsent(key, PKI::server);
    }
}
