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
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Resumption;
import org.tlsj.interop.Peer.Result;
import org.tlsj.interop.TlsjHttpServer.Outcome;

/** {@code openssl s_client} (OpenSSL 3.0) against our server. */
class OpenSslClientTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** s_client -brief limited to TLS 1.3, sending one request. */
    private static Result sClient(int port, Path caFile, String... options) {
        List<String> all = new ArrayList<>(List.of("-tls1_3"));
        all.addAll(List.of(options));
        return OpenSsl.sClient(dir, port, caFile, all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void openSslClientNegotiatesEachSuiteGroupAndKeyTypeWithOurServer(Case c) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c.key().keyType).build())) {
            Result r = sClient(server.port(), pki.caFile(), "-ciphersuites", c.suite().iana(),
                    "-groups", c.group().openssl);
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description())
                    .contains("Protocol version: TLSv1.3")
                    .contains("Ciphersuite: " + c.suite().iana())
                    .contains("Signature type: " + c.key().opensslSignatureType)
                    .containsPattern("Server Temp Key: (ECDH, )?" + c.group().opensslTempKey + ", ")
                    .contains("Verification: OK")
                    .contains("HTTP/1.1 200 OK")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.group().group);
            assertThat(s.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(s.serverName()).contains("localhost");
            assertThat(s.helloRetried()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12")
    void openSslClientNegotiatesEachTls12SuiteAndGroupWithOurServer(Case12 c) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(c).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_2", "-cipher", c.suite().openssl,
                    "-groups", c.group().openssl);
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            SessionInfo s = o.established();
            assertThat(r.output()).as(r.description())
                    .contains("Protocol version: TLSv1.2")
                    .contains("Ciphersuite: " + c.suite().openssl)
                    .contains("Verification: OK")
                    .contains(TlsjHttpServer.BODY + ": TLSv1.2 " + c.suite().iana());
            if (c.suite().staticRsa()) {
                assertThat(r.output()).as(r.description()).doesNotContain("Server Temp Key");
            } else {
                assertThat(r.output()).as(r.description())
                        .containsPattern("Server Temp Key: (ECDH, )?" + c.group().opensslTempKey + ", ")
                        .contains("Signature type: " + c.suite().key.opensslSignatureType);
            }
            assertThat(s.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(s.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(s.group()).isEqualTo(c.expectedGroup());
            assertThat(s.signatureScheme()).isEqualTo(c.expectedScheme());
            assertThat(s.serverName()).contains("localhost");
            assertThat(s.resumed()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Resumption.class)
    void openSslClientResumesASavedSessionWithOurServer(Resumption mode) throws Exception {
        Path saved = dir.resolve("session-" + mode + ".pem");
        String v = mode.version.displayName();
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result first = OpenSsl.sClientFull(dir, server.port(), pki.caFile(), mode.openssl("-sess_out",
                    saved.toString()));
            Outcome o1 = server.next();
            Result second = OpenSsl.sClientFull(dir, server.port(), pki.caFile(), mode.openssl("-sess_in",
                    saved.toString()));
            Outcome o2 = server.next();

            assertThat(first.output()).as(first.description()).contains("New, " + v).contains(TlsjHttpServer.BODY);
            assertThat(second.exitCode()).as(second.description()).isZero();
            assertThat(second.output()).as(second.description()).contains("Reused, " + v)
                    .contains(TlsjHttpServer.BODY);
            assertThat(o1.established().resumed()).isFalse();
            assertThat(o2.established().resumed()).isTrue();
            assertThat(o2.established().version()).isEqualTo(mode.version);
        }
    }

    /**
     * TLS 1.2 only: OpenSSL 3.0's s_client -reconnect drops each connection right after the handshake, before
     * reading a TLS 1.3 NewSessionTicket, so in TLS 1.3 it never resumes, against s_server as against us
     * ("New, TLSv1.3" six times).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Resumption.class, names = {"TLS12_TICKET", "TLS12_SESSION_ID"})
    void openSslClientReconnectingResumesWithOurServerEachTime(Resumption mode) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            // -reconnect: one full handshake, then five more connections resuming the same session.
            Result r = OpenSsl.sClientFull(dir, server.port(), pki.caFile(), mode.openssl("-reconnect"));
            List<Boolean> resumed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                resumed.add(server.next().session().map(SessionInfo::resumed).orElse(null));
            }

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.stdout().split("Reused, " + mode.version.displayName(), -1)).as(r.description()).hasSize(6);
            // Connections end in any order on the server (one virtual thread each): count, do not order.
            assertThat(resumed).containsExactlyInAnyOrder(false, true, true, true, true, true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void openSslClientWithACertificateIsIdentifiedByOurServerRequiringOne(ProtocolVersion v) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.mutualServerConfig(v).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), OpenSsl.only(v),
                    "-cert", pki.clientFiles().chain().toString(), "-key", pki.clientFiles().key().toString());
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains("Protocol version: " + v.displayName())
                    .contains(TlsjHttpServer.BODY);
            assertThat(o.established().peerIdentity()).contains(InteropPki.CLIENT_IDENTITY);
            assertThat(o.established().version()).isEqualTo(v);
        }
    }

    /**
     * A client without a certificate gets certificate_required in TLS 1.3 (RFC 8446 section 4.4.2.4) and
     * handshake_failure in TLS 1.2 (RFC 5246 section 7.4.6). In TLS 1.3 the client has already finished when the
     * alert comes, so s_client sees it on its first read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void openSslClientWithoutACertificateIsRefusedByOurServerRequiringOne(ProtocolVersion v) throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.mutualServerConfig(v).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), OpenSsl.only(v));
            Outcome o = server.next();

            assertThat(r.output()).as(r.description())
                    .contains(v.equals(ProtocolVersion.TLS13) ? "alert certificate required" : "alert handshake failure")
                    .doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.session()).isEmpty();
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.CERTIFICATE_REQUIRED);
                assertThat(e.sent()).isEqualTo(v.equals(ProtocolVersion.TLS13) ? AlertDescription.CERTIFICATE_REQUIRED
                        : AlertDescription.HANDSHAKE_FAILURE);
            });
        }
    }

    /** RFC 7507: a client retrying with TLS 1.2 after a failed 1.3 attempt, to a server that speaks 1.3. */
    @Test
    void openSslClientFallingBackToTls12IsRefusedWithInappropriateFallback() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_2", "-fallback_scsv");
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isNotZero();
            assertThat(r.output()).as(r.description()).contains("alert inappropriate fallback")
                    .doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsFatalAlertException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.PeerIncompatible.INAPPROPRIATE_FALLBACK));
        }
    }

    /**
     * RFC 7627: our server requires the extended master secret. OpenSSL 3.0's s_client has no option to leave it
     * out, but an OpenSSL config file with {@code Options = -ExtendedMasterSecret} does.
     */
    @Test
    void openSslClientWithoutExtendedMasterSecretIsRefusedByOurServer() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = OpenSsl.sClientWithoutExtendedMasterSecret(dir, server.port(), pki.caFile(), "-tls1_2");
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isNotZero();
            assertThat(r.output()).as(r.description()).contains("alert handshake failure")
                    .doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsFatalAlertException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.PeerIncompatible.NO_EXTENDED_MASTER_SECRET));
        }
    }

    @Test
    void openSslClientWithoutExtendedMasterSecretIsServedWhenOurServerAllowsIt() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256)
                .requireExtendedMasterSecret(false).build())) {
            Result r = OpenSsl.sClientWithoutExtendedMasterSecret(dir, server.port(), pki.caFile(), "-tls1_2");
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains(TlsjHttpServer.BODY + ": TLSv1.2");
            assertThat(o.established().version()).isEqualTo(ProtocolVersion.TLS12);
        }
    }

    /**
     * RFC 8422 section 4: a server must not pick an ECC suite unless it can finish the handshake within the
     * client's curves, which in TLS 1.2 also bind the curve of its ECDSA certificate. Offered only x25519, our
     * server with only a P-256 ECDSA certificate should refuse (handshake_failure); today it goes ahead, and
     * s_client aborts with illegal_parameter ("tls12_check_peer_sigalg:wrong curve").
     */
    @Test
    void ourServerRefusesAnEcdsaSuiteWhenTheClientsGroupsExcludeItsCertificateCurve() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = OpenSsl.sClient(dir, server.port(), pki.caFile(), "-tls1_2",
                    "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "-groups", "X25519");
            Outcome o = server.next();

            assertThat(r.output()).as(r.description()).contains("alert handshake failure")
                    .doesNotContain("wrong curve");
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsFatalAlertException.class,
                    e -> assertThat(e.sent()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE));
        }
    }

    @Test
    void openSslClientOfferingOnlyAP384ShareNeedsNoRetry() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = sClient(server.port(), pki.caFile(), "-groups", "P-384");
            SessionInfo s = server.next().established();

            assertThat(r.output()).as(r.description()).contains("Server Temp Key: ECDH, secp384r1")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.group()).isEqualTo(NamedGroup.SECP384R1);
            assertThat(s.helloRetried()).isFalse();
        }
    }

    @Test
    void ourServerAsksOpenSslClientForAnotherShareWithHelloRetryRequest() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256)
                .groups(List.of(NamedGroup.SECP256R1)).build())) {
            Result r = sClient(server.port(), pki.caFile(), "-groups", "X25519:P-256");
            SessionInfo s = server.next().established();

            assertThat(r.exitCode()).as(r.description()).isZero();
            assertThat(r.output()).as(r.description()).contains("Server Temp Key: ECDH, prime256v1")
                    .contains(TlsjHttpServer.BODY);
            assertThat(s.helloRetried()).isTrue();
            assertThat(s.group()).isEqualTo(NamedGroup.SECP256R1);
        }
    }

    @Test
    void openSslClientTrustingAnotherCaRejectsOurServer() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.EC_P256).build())) {
            Result r = sClient(server.port(), pki.otherCaFile());
            Outcome o = server.next();

            assertThat(r.exitCode()).as(r.description()).isNotZero();
            assertThat(r.output()).as(r.description()).contains("verify error")
                    .contains("certificate verify failed")
                    .doesNotContain(TlsjHttpServer.BODY);
            assertThat(o.failure()).get().isInstanceOfSatisfying(TlsPeerAlertException.class,
                    e -> assertThat(e.description()).contains(AlertDescription.UNKNOWN_CA));
        }
    }
}
