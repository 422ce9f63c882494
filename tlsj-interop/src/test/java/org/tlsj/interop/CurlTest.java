package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Group;
import org.tlsj.interop.Matrix.Suite;
import org.tlsj.interop.Matrix.Suite12;
import org.tlsj.interop.Peer.Result;

/** curl (over OpenSSL 3.0) against our server. */
class CurlTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** curl limited to TLS 1.3 for https://localhost:port/, with localhost pinned to 127.0.0.1. */
    private static Result curl(int port, Path caFile, String... options) {
        List<String> all = new ArrayList<>(List.of("--tlsv1.3"));
        all.addAll(List.of(options));
        return curlAnyVersion(port, caFile, all.toArray(String[]::new));
    }

    /** curl for https://localhost:port/ with the versions its options allow. */
    private static Result curlAnyVersion(int port, Path caFile, String... options) {
        List<String> cmd = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--fail",
                "--max-time", "20", "--cacert", caFile.toString(),
                "--resolve", "localhost:" + port + ":127.0.0.1"));
        cmd.addAll(List.of(options));
        cmd.add("https://localhost:" + port + "/");
        return Peer.run(dir, "", cmd);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Suite.class)
    void curlGetsAPageOverEachSuite(Suite suite) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = curl(server.port(), pki.caFile(), "--tls13-ciphers", suite.iana());
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.stdout()).as(r.description()).startsWith(TlsjHttpServer.BODY + ": TLSv1.3 " + suite.iana());
            assertThat(s.cipherSuite()).isEqualTo(suite.suite);
            assertThat(s.serverName()).contains("localhost");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Suite12.class)
    void curlGetsAPageOverEachTls12Suite(Suite12 suite) throws Exception {
        Case12 c = new Case12(suite, Group.X25519);
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c).build())) {
            Result r = curlAnyVersion(server.port(), pki.caFile(), "--tlsv1.2", "--tls-max", "1.2",
                    "--ciphers", suite.openssl);
            TlsjHttpServer.Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            SessionInfo s = o.established();
            assertThat(r.stdout()).as(r.description()).startsWith(TlsjHttpServer.BODY + ": TLSv1.2 " + suite.iana());
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.cipherSuite()).isEqualTo(suite.suite);
            assertThat(s.group()).isEqualTo(c.expectedGroup());
            assertThat(s.serverName()).contains("localhost");
        }
    }

    @Test
    void curlGetsAPageFromOurRsaServerOverP384() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.RSA_2048).build())) {
            Result r = curl(server.port(), pki.caFile(), "--curves", "P-384");
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.stdout()).as(r.description()).startsWith(TlsjHttpServer.BODY);
            assertThat(s.group()).isEqualTo(NamedGroup.SECP384R1);
        }
    }

    @Test
    void curlTrustingAnotherCaRefusesOurServer() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = curl(server.port(), pki.otherCaFile());
            TlsjHttpServer.Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isEqualTo(60);
            assertThat(r.stdout()).doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.failure()).as("our server saw the handshake fail").isPresent();
        }
    }
}
