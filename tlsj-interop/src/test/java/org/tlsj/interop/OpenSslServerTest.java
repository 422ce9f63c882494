package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Resumption;
import org.tlsj.interop.TlsjClient.Response;
import org.tlsj.io.TlsSocket;

/** Our client against {@code openssl s_server -www -tls1_3} (OpenSSL 3.0). */
class OpenSslServerTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** s_server -www limited to TLS 1.3. */
    private static Peer sServer(PemFiles files, String... options) {
        List<String> all = new ArrayList<>(List.of("-tls1_3"));
        all.addAll(List.of(options));
        return OpenSsl.sServer(dir, files, all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void ourClientNegotiatesEachSuiteGroupAndKeyTypeWithOpenSslServer(Case c) throws Exception {
        try (Peer server = sServer(pki.serverFiles(c.key().keyType), "-ciphersuites", c.suite().iana(),
                "-groups", c.group().openssl)) {
            Response r = TlsjClient.get(server.port(), pki.client().keyShareGroups(List.of(c.group().group)).build());

            SessionInfo s = r.session();
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS13);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(s.helloRetried()).isFalse();
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok")
                    .contains("New, TLSv1.3, Cipher is " + c.suite().iana());
        }
    }

    /**
     * Our client offers TLS 1.3 and 1.2 to a server limited to TLS 1.2. OpenSSL 3.0 puts the RFC 8446 downgrade
     * sentinel in its ServerHello.random only when TLS 1.3 is enabled on its side (seen with s_client -msg:
     * s_server -tls1_2 answers with a plain random), so our client's downgrade check must let this through.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12")
    void ourClientNegotiatesEachTls12SuiteAndGroupWithOpenSslServer(Case12 c) throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(c.suite().key.keyType), "-tls1_2",
                "-cipher", c.suite().openssl, "-groups", c.group().openssl)) {
            Response r = TlsjClient.get(server.port(), pki.client(c).build());

            SessionInfo s = r.session();
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.expectedGroup());
            assertThat(s.signatureScheme()).isEqualTo(c.expectedScheme());
            assertThat(s.resumed()).isFalse();
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok")
                    .contains("New, TLSv1.2, Cipher is " + c.suite().openssl);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Resumption.class)
    void ourClientResumesItsSessionWithOpenSslServer(Resumption mode) throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256), mode.openssl())) {
            ClientConfig config = pki.client().sessionCache(ClientSessionCache.inMemory(4)).build();
            Response first = TlsjClient.get(server.port(), config);
            Response second = TlsjClient.get(server.port(), config);

            assertThat(first.session().resumed()).isFalse();
            assertThat(first.body()).as(server.describe()).contains("New, " + mode.version.displayName());
            assertThat(second.session().resumed()).as(server.describe()).isTrue();
            assertThat(second.session().version()).isEqualTo(mode.version);
            assertThat(second.session().cipherSuite()).isEqualTo(first.session().cipherSuite());
            assertThat(second.body()).as(server.describe()).contains("Reused, " + mode.version.displayName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void ourClientPresentsItsCertificateToOpenSslServerRequiringOne(ProtocolVersion v) throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256), OpenSsl.only(v), "-Verify", "1",
                "-CAfile", pki.caFile().toString(), "-verify_return_error")) {
            Response r = TlsjClient.get(server.port(), pki.mutualClient(v).build());

            assertThat(r.session().version()).isEqualTo(v);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok")
                    .contains("New, " + v.displayName());
            assertThat(server.stderr()).as(server.describe()).contains("depth=0 CN = " + InteropPki.CLIENT_NAME)
                    .contains("verify return:1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void openSslServerRequiringACertificateRefusesOurClientWithoutOne(ProtocolVersion v) {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256), OpenSsl.only(v), "-Verify", "1",
                "-CAfile", pki.caFile().toString())) {
            Throwable t = catchThrowable(() -> TlsjClient.get(server.port(), pki.client().versions(List.of(v))
                    .build()));

            assertThat(t).as(server.describe()).isInstanceOfSatisfying(TlsPeerAlertException.class,
                    e -> assertThat(e.description()).contains(v.equals(ProtocolVersion.TLS13)
                            ? AlertDescription.CERTIFICATE_REQUIRED : AlertDescription.HANDSHAKE_FAILURE));
        }
    }

    /**
     * OpenSSL 3.0 sets the RFC 8446 downgrade sentinel only when TLS 1.3 is enabled on its side: s_server -tls1_2
     * answers a client offering 1.3 with a plain random (seen with s_client -msg), so our client offering both
     * versions accepts TLS 1.2 from it.
     */
    @Test
    void ourClientOfferingTls13AcceptsAnOpenSslServerLimitedToTls12() throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256), "-tls1_2")) {
            Response r = TlsjClient.get(server.port(), pki.client().build());

            assertThat(r.session().version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(r.body()).as(server.describe()).contains("New, TLSv1.2");
        }
    }

    /**
     * An s_server that speaks TLS 1.3 answers a TLS 1.2-only ClientHello with "DOWNGRD\x01" at the end of its
     * random. Only a client that offered 1.3 must treat that as an attack (RFC 8446 section 4.1.3), so our client
     * limited to TLS 1.2 goes on.
     */
    @Test
    void ourClientLimitedToTls12IgnoresTheSentinelOfAnOpenSslServerThatSpeaksTls13() throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256))) {
            Response r = TlsjClient.get(server.port(), pki.client().versions(List.of(ProtocolVersion.TLS12)).build());

            assertThat(r.session().version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(r.body()).as(server.describe()).contains("New, TLSv1.2");
        }
    }

    /**
     * With an attacker hiding our supported_versions from an s_server that speaks TLS 1.3, s_server answers TLS
     * 1.2 with the downgrade sentinel, and our client, which offered 1.3, aborts with illegal_parameter.
     */
    @Test
    void ourClientDetectsAnAttackerDowngradingItsHandshakeWithOpenSslServerToTls12() throws Exception {
        try (Peer server = OpenSsl.sServer(dir, pki.serverFiles(KeyType.EC_P256));
             DowngradingProxy proxy = DowngradingProxy.start(server.port())) {
            Throwable t = catchThrowable(() -> TlsjClient.get(proxy.port(), pki.client().build()));

            assertThat(t).as(server.describe()).isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.DOWNGRADE_SENTINEL);
                assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
            });
        }
    }

    @Test
    void ourClientRetriesWithTheGroupOpenSslAsksForInHelloRetryRequest() throws Exception {
        try (Peer server = sServer(pki.serverFiles(KeyType.EC_P256), "-groups", "P-256")) {
            Response r = TlsjClient.get(server.port(), pki.client().groups(List.of(NamedGroup.X25519,
                    NamedGroup.SECP256R1)).keyShareGroups(List.of(NamedGroup.X25519)).build());

            assertThat(r.session().helloRetried()).isTrue();
            assertThat(r.session().group()).isEqualTo(NamedGroup.SECP256R1);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 ok");
        }
    }

    @Test
    void ourClientEchoesTheCookieOfAStatelessOpenSslServer() throws Exception {
        // -stateless works only in s_server's interactive mode (not with -www), which prints what it receives.
        // OpenSSL 3.0's stateless server also drops the connection when a change_cipher_spec (middlebox
        // compatibility, RFC 8446 D.4) comes before the second ClientHello: openssl s_client fails the same way
        // unless it is given -no_middlebox. So this test turns middlebox compatibility off too.
        try (Peer server = Peer.server(dir, port -> List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-tls1_3", "-stateless", "-cert", pki.serverFiles(KeyType.EC_P256).chain().toString(),
                "-key", pki.serverFiles(KeyType.EC_P256).key().toString()));
             TlsSocket s = TlsSocket.connect("127.0.0.1", server.port(), pki.client().middleboxCompat(false).build(),
                     "localhost",
                     TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
            s.getOutputStream().write("stateless hello\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(s.session().helloRetried()).isTrue();
            assertThat(server.awaitStdout("stateless hello")).as(server.describe()).isTrue();
        }
    }

    @Test
    void ourClientRejectsOpenSslServerCertificateForAnotherName() {
        try (Peer server = sServer(pki.wrongNameFiles())) {
            Throwable t = catchThrowable(() -> TlsjClient.get(server.port(), pki.client().build()));

            assertThat(t).as(server.describe()).isInstanceOf(TlsFatalAlertException.class);
            assertThat(((TlsFatalAlertException) t).reason()).isEqualTo(Reason.CertificateProblem.NAME_MISMATCH);
            assertThat(t.getMessage()).contains("localhost");
        }
    }
}
