package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Resumption;
import org.tlsj.interop.Matrix.ServerKey;
import org.tlsj.interop.Peer.Result;
import org.tlsj.interop.TlsjClient.Response;
import org.tlsj.interop.TlsjHttpServer.Outcome;

/**
 * GnuTLS 3.7 both ways: our client against {@code gnutls-serv --http} (which also sends a CertificateRequest,
 * so our client answers with an empty Certificate), and {@code gnutls-cli} against our server. Both print a
 * session description such as {@code (TLS1.3-X.509)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-128-GCM)}.
 */
class GnuTlsTest {
    private static final String TLS13_ONLY = GnuTls.TLS13_ONLY;

    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** A priority string allowing TLS 1.3 with only this suite's cipher and this group. */
    private static String priority(Case c) {
        return TLS13_ONLY + ":-CIPHER-ALL:+" + c.suite().gnutls + ":-GROUP-ALL:+GROUP-" + c.group().gnutls;
    }

    private static String description(Case c) {
        return "(TLS1.3-X.509)-(ECDHE-" + c.group().gnutls + ")-(" + c.key().gnutls + ")-(" + c.suite().gnutls + ")";
    }

    /**
     * GnuTLS's session description for a TLS 1.2 case, as gnutls-cli prints it and gnutls-serv serves it: static
     * RSA is {@code (RSA)}; for ECDHE the group and the signature follow, and TLS 1.2 ECDSA is named by its hash
     * alone ({@code ECDSA-SHA256}).
     */
    private static String description12(Case12 c) {
        String kx = c.suite().staticRsa() ? "(RSA)" : "(ECDHE-" + c.group().gnutls + ")-("
                + (c.suite().key == ServerKey.EC_P256 ? "ECDSA-SHA256" : c.suite().key.gnutls) + ")";
        return "(TLS1.2-X.509)-" + kx + "-(" + c.suite().gnutlsCipher + ")";
    }

    private static Peer gnutlsServ(PemFiles files, String priority) {
        return GnuTls.serv(dir, files, priority);
    }

    private static Result gnutlsCli(int port, String priority) {
        return GnuTls.cli(dir, port, pki.caFile(), priority);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void ourClientNegotiatesEachSuiteGroupAndKeyTypeWithGnuTlsServer(Case c) throws Exception {
        try (Peer server = gnutlsServ(pki.serverFiles(c.key().keyType), priority(c))) {
            Response r = TlsjClient.get(server.port(), pki.client().keyShareGroups(List.of(c.group().group)).build());

            SessionInfo s = r.session();
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(s.helloRetried()).isFalse();
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 OK")
                    .contains("<p>Server Name: localhost</p>")
                    .contains(description(c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12")
    void ourClientNegotiatesEachTls12SuiteAndGroupWithGnuTlsServer(Case12 c) throws Exception {
        try (Peer server = gnutlsServ(pki.serverFiles(c.suite().key.keyType), GnuTls.priority(c))) {
            Response r = TlsjClient.get(server.port(), pki.client(c).build());

            SessionInfo s = r.session();
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.expectedGroup());
            assertThat(s.signatureScheme()).isEqualTo(c.expectedScheme());
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 OK")
                    .contains(description12(c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Resumption.class)
    void ourClientResumesItsSessionWithGnuTlsServer(Resumption mode) throws Exception {
        String priority = mode.gnutlsPriority + (mode == Resumption.TLS12_SESSION_ID ? ":%NO_TICKETS" : "");
        try (Peer server = gnutlsServ(pki.serverFiles(KeyType.EC_P256), priority)) {
            ClientConfig config = pki.client().sessionCache(ClientSessionCache.inMemory(4)).build();
            Response first = TlsjClient.get(server.port(), config);
            Response second = TlsjClient.get(server.port(), config);

            assertThat(first.session().resumed()).isFalse();
            assertThat(second.session().resumed()).as(server.describe()).isTrue();
            assertThat(second.session().version()).isEqualTo(mode.version);
            assertThat(second.body()).as(server.describe()).contains("<p>Server Name: localhost</p>");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void ourClientPresentsItsCertificateToGnuTlsServerRequiringOne(ProtocolVersion v) throws Exception {
        try (Peer server = GnuTls.serv(dir, pki.serverFiles(KeyType.EC_P256), GnuTls.only(v), "--require-client-cert",
                "--x509cafile", pki.caFile().toString())) {
            Response r = TlsjClient.get(server.port(), pki.mutualClient(v).build());

            assertThat(r.session().version()).isEqualTo(v);
            assertThat(r.body()).as(server.describe()).startsWith("HTTP/1.0 200 OK")
                    .contains(InteropPki.CLIENT_IDENTITY);
        }
    }

    @Test
    void ourClientRetriesWithTheGroupGnuTlsAsksForInHelloRetryRequest() throws Exception {
        try (Peer server = gnutlsServ(pki.serverFiles(KeyType.EC_P256), TLS13_ONLY + ":-GROUP-ALL:+GROUP-SECP384R1")) {
            Response r = TlsjClient.get(server.port(), pki.client().build());

            assertThat(r.session().helloRetried()).isTrue();
            assertThat(r.session().group()).isEqualTo(NamedGroup.SECP384R1);
            assertThat(r.body()).as(server.describe()).contains("(ECDHE-SECP384R1)");
        }
    }

    @Test
    void ourClientRejectsGnuTlsServerCertificateForAnotherName() {
        try (Peer server = gnutlsServ(pki.wrongNameFiles(), TLS13_ONLY)) {
            Throwable t = catchThrowable(() -> TlsjClient.get(server.port(), pki.client().build()));

            assertThat(t).as(server.describe()).isInstanceOfSatisfying(TlsFatalAlertException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CertificateProblem.NAME_MISMATCH));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void gnuTlsClientNegotiatesEachSuiteGroupAndKeyTypeWithOurServer(Case c) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c.key().keyType).build())) {
            Result r = gnutlsCli(server.port(), priority(c));
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description())
                    .contains("- Status: The certificate is trusted.")
                    .contains("- Description: " + description(c))
                    .contains("HTTP/1.1 200 OK")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(s.serverName()).contains("localhost");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12")
    void gnuTlsClientNegotiatesEachTls12SuiteAndGroupWithOurServer(Case12 c) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c).build())) {
            Result r = gnutlsCli(server.port(), GnuTls.priority(c));
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            SessionInfo s = o.established();
            assertThat(r.output()).as(r.description())
                    .contains("- Status: The certificate is trusted.")
                    .contains("- Description: " + description12(c))
                    .contains(TlsjHttpServer.BODY + ": TLSv1.2 " + c.suite().iana());
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.expectedGroup());
            assertThat(s.signatureScheme()).isEqualTo(c.expectedScheme());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Resumption.class)
    void gnuTlsClientResumesWithOurServer(Resumption mode) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            // --resume: a full handshake, a disconnect, then a resuming connection that sends the request.
            List<String> options = new ArrayList<>(mode.gnutls);
            options.add("--resume");
            Result r = GnuTls.cli(dir, server.port(), pki.caFile(), mode.gnutlsPriority,
                    options.toArray(String[]::new));
            Optional<SessionInfo> first = server.next().session();
            SessionInfo second = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains("*** This is a resumed session")
                    .contains(TlsjHttpServer.BODY + ": " + mode.version.displayName());
            assertThat(first).get().extracting(SessionInfo::resumed).isEqualTo(false);
            assertThat(second.resumed()).isTrue();
            assertThat(second.version()).isEqualTo(mode.version);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void gnuTlsClientWithACertificateIsIdentifiedByOurServerRequiringOne(ProtocolVersion v) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.mutualServerConfig(v).build())) {
            Result r = GnuTls.cli(dir, server.port(), pki.caFile(), GnuTls.only(v),
                    "--x509certfile", pki.clientFiles().chain().toString(),
                    "--x509keyfile", pki.clientFiles().key().toString());
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains(TlsjHttpServer.BODY + ": " + v.displayName());
            assertThat(o.established().peerIdentity()).contains(InteropPki.CLIENT_IDENTITY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void gnuTlsClientWithoutACertificateIsRefusedByOurServerRequiringOne(ProtocolVersion v) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.mutualServerConfig(v).build())) {
            Result r = GnuTls.cli(dir, server.port(), pki.caFile(), GnuTls.only(v));
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isNotZero();
            assertThat(r.output()).as(r.description())
                    .contains(v.equals(ProtocolVersion.TLS13) ? "Received alert [116]" : "Received alert [40]")
                    .doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.session()).isEmpty();
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsFatalAlertException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.CERTIFICATE_REQUIRED));
        }
    }

    @Test
    void ourServerAsksGnuTlsClientForAnotherShareWithHelloRetryRequest() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256)
                .groups(List.of(NamedGroup.SECP384R1)).build())) {
            Result r = gnutlsCli(server.port(), TLS13_ONLY
                    + ":-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1");
            SessionInfo s = server.next().established();

            assertThat(r.output()).as(r.description()).contains("(ECDHE-SECP384R1)").contains(TlsjHttpServer.BODY);
            assertThat(s.helloRetried()).isTrue();
            assertThat(s.group()).isEqualTo(NamedGroup.SECP384R1);
        }
    }
}
