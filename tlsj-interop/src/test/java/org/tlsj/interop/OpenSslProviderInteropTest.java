package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.openssl.OpenSslCryptoProvider;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Group;
import org.tlsj.interop.Matrix.ServerKey;
import org.tlsj.interop.Matrix.Suite;
import org.tlsj.interop.Peer.Result;
import org.tlsj.interop.TlsjClient.Response;

/**
 * Our side running on the libcrypto provider (tlsj-crypto-openssl) against OpenSSL's own s_server and
 * s_client: its X25519 and ECDH shares, ECDSA and Ed25519 signatures and verifications must be what a TLS
 * peer nobody on this team wrote accepts.
 */
class OpenSslProviderInteropTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;
    static CryptoProvider provider;

    @BeforeAll
    static void setUp() {
        Optional<String> unavailable = CryptoProviders.named("openssl").orElseThrow().unavailableReason();
        Peer.requireTool("libcrypto.so.3 for the openssl crypto provider (" + unavailable.orElse("") + ")",
                unavailable.isEmpty(), "true".equals(System.getenv("CI")));
        pki = InteropPki.create(dir);
        provider = OpenSslCryptoProvider.create(new SecureRandom()::nextBytes);
    }

    /** Each group with ECDSA P-256; the other native signature keys with x25519. */
    static Stream<Arguments> cases() {
        Stream<Case> groups = Stream.of(Group.values()).map(g -> new Case(Suite.AES_128_GCM, g, ServerKey.EC_P256));
        Stream<Case> keys = Stream.of(ServerKey.EC_P384, ServerKey.ED25519)
                .map(k -> new Case(Suite.AES_128_GCM, Group.X25519, k));
        return Stream.concat(groups, keys).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void openSslClientHandshakesWithOurServerOnTheOpenSslProvider(Case c) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c.key().keyType).crypto(provider).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_3", "-groups", c.group().openssl);
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description())
                    .contains("Protocol version: TLSv1.3")
                    .contains("Signature type: " + c.key().opensslSignatureType)
                    .containsPattern("Server Temp Key: (ECDH, )?" + c.group().opensslTempKey + ", ")
                    .contains("Verification: OK")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ourClientOnTheOpenSslProviderHandshakesWithOpenSslServer(Case c) throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(c.key().keyType), "-tls1_3",
                "-groups", c.group().openssl)) {
            Response r = TlsjClient.get(server.port(),
                    pki.client().crypto(provider).keyShareGroups(List.of(c.group().group)).build());

            SessionInfo s = r.session();
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS13);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok");
        }
    }

    /** ChaCha20-Poly1305 records, which this provider protects in libcrypto, both ways against OpenSSL. */
    @Test
    void chacha20Poly1305RecordsBothWays() throws Exception {
        String suite = "TLS_CHACHA20_POLY1305_SHA256";
        try (TlsjHttpServer server = TlsjHttpServer.start(
                pki.serverConfig(ServerKey.EC_P256.keyType).crypto(provider).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_3", "-ciphersuites", suite);

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains("Ciphersuite: " + suite).contains(TlsjHttpServer.BODY);
            assertThat(server.next().established().cipherSuite()).isEqualTo(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        }
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(ServerKey.EC_P256.keyType), "-tls1_3",
                "-ciphersuites", suite)) {
            Response r = TlsjClient.get(server.port(), pki.client().crypto(provider)
                    .cipherSuites(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).build());

            assertThat(r.session().cipherSuite()).isEqualTo(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok");
        }
    }
}
