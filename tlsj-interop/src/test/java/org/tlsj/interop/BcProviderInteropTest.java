package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.bc.BcCryptoProvider;
import org.tlsj.interop.Matrix.Group;
import org.tlsj.interop.Matrix.ServerKey;
import org.tlsj.interop.Peer.Result;
import org.tlsj.interop.TlsjClient.Response;

/**
 * Our side on the Bouncy Castle provider ({@code bc}) against OpenSSL 3.0: its X25519, P-256/P-384 ECDHE,
 * ECDSA and Ed25519 must agree with an implementation nobody on this team wrote, as client and as server.
 */
class BcProviderInteropTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** Each elliptic-curve group with each elliptic-curve key type the provider takes over. */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(Group.X25519, ServerKey.EC_P256), Arguments.of(Group.P256, ServerKey.ED25519),
                Arguments.of(Group.P384, ServerKey.EC_P384), Arguments.of(Group.X25519, ServerKey.ED25519));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void ourBcClientCompletesWithOpenSslServer(Group group, ServerKey key) throws Exception {
        CryptoProvider bc = BcCryptoProvider.create();
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(key.keyType), "-tls1_3", "-groups", group.openssl)) {
            Response r = TlsjClient.get(server.port(), pki.client().crypto(bc).groups(List.of(group.group)).build());

            SessionInfo s = r.session();
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS13);
            assertThat(s.group()).isEqualTo(group.group);
            assertThat(s.signatureScheme()).isEqualTo(key.scheme);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void openSslClientCompletesWithOurBcServer(Group group, ServerKey key) throws Exception {
        CryptoProvider bc = BcCryptoProvider.create();
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(key.keyType).crypto(bc).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_3", "-groups", group.openssl);
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description())
                    .contains("Signature type: " + key.opensslSignatureType)
                    .containsPattern("Server Temp Key: (ECDH, )?" + group.opensslTempKey + ", ")
                    .contains("Verification: OK")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.group()).isEqualTo(group.group);
            assertThat(s.signatureScheme()).isEqualTo(key.scheme);
        }
    }

    @ParameterizedTest(name = "TLS 1.2 {0} {1}")
    @MethodSource("cases12")
    void openSslTls12ClientCompletesWithOurBcServer(Group group, ServerKey key) throws Exception {
        CryptoProvider bc = BcCryptoProvider.create();
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(key.keyType).crypto(bc).build())) {
            // RFC 8422 section 4: the client's groups must also name the curve of the server's ECDSA key.
            String groups = group == Group.P256 ? group.openssl : group.openssl + ":P-256";
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_2", "-groups", groups);
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains("Protocol version: TLSv1.2")
                    .contains("Verification: OK").contains(TlsjHttpServer.BODY);
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.group()).isEqualTo(group.group);
            assertThat(s.signatureScheme()).isEqualTo(key.scheme);
        }
    }

    /** TLS 1.2 ECDHE-ECDSA: the provider's ECDHE and ECDSA in the ServerKeyExchange. */
    static Stream<Arguments> cases12() {
        return Stream.of(Arguments.of(Group.X25519, ServerKey.EC_P256), Arguments.of(Group.P256, ServerKey.EC_P256));
    }
}
