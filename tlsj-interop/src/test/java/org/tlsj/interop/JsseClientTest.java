package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Jsse.Background;
import org.tlsj.interop.Jsse.Restriction;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Group;
import org.tlsj.interop.Matrix.Resumption;
import org.tlsj.interop.Matrix.ServerKey;
import org.tlsj.interop.Matrix.Suite;
import org.tlsj.interop.Matrix.Suite12;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;

/** JSSE clients ({@link SSLSocket} and {@link HttpClient}) against our server in the same JVM. */
class JsseClientTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** What our server saw on its one connection. */
    private record Served(SessionInfo session, List<String> lines) {}

    /** Our side of one connection: returns the lines it received. */
    private interface Handler {
        List<String> serve(TlsSocket s) throws Exception;
    }

    private static TlsServerSocket ourServer(ServerConfig config) throws Exception {
        return TlsServerSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config,
                TlsjClient.TIMEOUT, TlsjClient.TIMEOUT);
    }

    private static Background<Served> acceptOne(TlsServerSocket server, Handler handler) {
        return Jsse.background(() -> {
            try (TlsSocket s = server.accept()) {
                s.handshake();
                return new Served(s.session(), handler.serve(s));
            }
        });
    }

    /** A JSSE client socket restricted to the case, checking the name "localhost" as HTTPS clients do. */
    private static SSLSocket jsseClient(int port, Case c) throws Exception {
        return jsseClient(port, Restriction.of(c));
    }

    /** A JSSE client socket restricted as given, checking the name "localhost" as HTTPS clients do. */
    private static SSLSocket jsseClient(int port, Restriction restriction) throws Exception {
        return jsseClient(Jsse.context(Optional.empty(), pki.caCertificate()), port, restriction);
    }

    /** {@link #jsseClient(int, Restriction)} from a given context (whose session cache it shares). */
    private static SSLSocket jsseClient(SSLContext context, int port, Restriction restriction) throws Exception {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters p = restriction.applyTo(s.getSSLParameters());
        p.setServerNames(List.of(new SNIHostName("localhost")));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setSoTimeout(10_000);
        return s;
    }

    private static BufferedReader lines(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void jsseClientExchangesDataWithOurServerAndBothSeeTheOthersCloseNotify(Case c) throws Exception {
        try (TlsServerSocket server = ourServer(pki.serverConfig(c.key().keyType).build())) {
            Background<Served> ours = acceptOne(server, s -> {
                // Reads to end of stream: JSSE's close_notify (shutdownOutput), then answers and closes.
                String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                send(s.getOutputStream(), "hello from tlsj");
                return List.of(got);
            });
            String suite;
            String reply;
            int afterReply;
            try (SSLSocket jsse = jsseClient(server.localPort(), c)) {
                jsse.startHandshake();
                suite = jsse.getSession().getCipherSuite();
                send(jsse.getOutputStream(), "hello from jsse");
                jsse.shutdownOutput();
                reply = lines(jsse.getInputStream()).readLine();
                afterReply = jsse.getInputStream().read();
            }
            Served served = ours.get();

            assertThat(served.lines()).containsExactly("hello from jsse\n");
            assertThat(reply).isEqualTo("hello from tlsj");
            assertThat(afterReply).isEqualTo(-1);
            assertThat(suite).isEqualTo(c.suite().iana());
            assertThat(served.session().cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(served.session().group()).isEqualTo(c.group().group);
            assertThat(served.session().signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(served.session().serverName()).contains("localhost");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12WithForwardSecrecy")
    void jsseClientExchangesDataWithOurServerOverEachTls12SuiteAndGroup(Case12 c) throws Exception {
        try (TlsServerSocket server = ourServer(pki.serverConfig(c).build())) {
            Background<Served> ours = acceptOne(server, s -> {
                String got = lines(s.getInputStream()).readLine();
                send(s.getOutputStream(), "hello from tlsj");
                return List.of(got);
            });
            String protocol;
            String suite;
            String reply;
            try (SSLSocket jsse = jsseClient(server.localPort(), Restriction.of(c))) {
                send(jsse.getOutputStream(), "hello from jsse");
                reply = lines(jsse.getInputStream()).readLine();
                protocol = jsse.getSession().getProtocol();
                suite = jsse.getSession().getCipherSuite();
            }
            Served served = ours.get();

            assertThat(served.lines()).containsExactly("hello from jsse");
            assertThat(reply).isEqualTo("hello from tlsj");
            assertThat(protocol).isEqualTo("TLSv1.2");
            assertThat(suite).isEqualTo(c.suite().iana());
            assertThat(served.session().version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(served.session().cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(served.session().group()).isEqualTo(c.expectedGroup());
            assertThat(served.session().signatureScheme()).isEqualTo(c.expectedScheme());
            assertThat(served.session().serverName()).contains("localhost");
        }
    }

    /** JSSE resumes by ticket in both versions (it sends the RFC 5077 extension by default). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Resumption.class, names = {"TLS13_TICKET", "TLS12_TICKET"})
    void jsseClientResumesWithOurServerFromTheSameContext(Resumption mode) throws Exception {
        Restriction restriction = mode.version.equals(ProtocolVersion.TLS13)
                ? Restriction.of(new Case(Suite.AES_128_GCM, Group.X25519, ServerKey.EC_P256))
                : Restriction.of(new Case12(Suite12.ECDHE_ECDSA_AES_128_GCM, Group.P256));
        SSLContext context = Jsse.context(Optional.empty(), pki.caCertificate());
        List<SessionInfo> ours = new ArrayList<>();
        List<SSLSession> theirs = new ArrayList<>();
        try (TlsServerSocket server = ourServer(pki.serverConfig(KeyType.EC_P256).build())) {
            for (int i = 0; i < 2; i++) {
                Background<Served> served = acceptOne(server, s -> {
                    String got = lines(s.getInputStream()).readLine();
                    send(s.getOutputStream(), "hello from tlsj");
                    return List.of(got);
                });
                try (SSLSocket jsse = jsseClient(context, server.localPort(), restriction)) {
                    send(jsse.getOutputStream(), "hello " + i);
                    assertThat(lines(jsse.getInputStream()).readLine()).isEqualTo("hello from tlsj");
                    theirs.add(jsse.getSession());
                }
                ours.add(served.get().session());
            }
        }

        assertThat(ours).extracting(SessionInfo::resumed).containsExactly(false, true);
        assertThat(ours).extracting(SessionInfo::version).containsOnly(mode.version);
        assertThat(theirs).extracting(SSLSession::getProtocol).containsOnly(mode.version.displayName());
        if (mode.version.equals(ProtocolVersion.TLS12)) {
            assertThat(theirs.get(1).getCreationTime()).isEqualTo(theirs.get(0).getCreationTime());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void jsseClientWithACertificateIsIdentifiedByOurServerRequiringOne(ProtocolVersion v) throws Exception {
        try (TlsServerSocket server = ourServer(pki.mutualServerConfig(v).build())) {
            Background<Served> ours = acceptOne(server, s -> List.of(lines(s.getInputStream()).readLine()));
            SSLContext context = Jsse.context(Optional.of(pki.clientKey()), pki.caCertificate());
            try (SSLSocket jsse = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    server.localPort())) {
                jsse.setSoTimeout(10_000);
                send(jsse.getOutputStream(), "hello with a certificate");
                assertThat(jsse.getSession().getProtocol()).isEqualTo(v.displayName());
            }
            Served served = ours.get();

            assertThat(served.lines()).containsExactly("hello with a certificate");
            assertThat(served.session().peerIdentity()).contains(InteropPki.CLIENT_IDENTITY);
        }
    }

    @Test
    void dataKeepsFlowingAfterOurServerUpdatesKeysAndAsksJsseToo() throws Exception {
        Case c = new Case(Suite.CHACHA20_POLY1305, Group.X25519, ServerKey.EC_P256);
        try (TlsServerSocket server = ourServer(pki.serverConfig(KeyType.EC_P256).build())) {
            Background<Served> ours = acceptOne(server, s -> {
                BufferedReader in = lines(s.getInputStream());
                List<String> got = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    got.add(line);
                    s.connection().requestKeyUpdate(true);
                    send(s.getOutputStream(), "echo " + line);
                }
                return got;
            });
            List<String> echoes = new ArrayList<>();
            try (SSLSocket jsse = jsseClient(server.localPort(), c)) {
                BufferedReader in = lines(jsse.getInputStream());
                for (int round = 0; round < 3; round++) {
                    send(jsse.getOutputStream(), "round " + round);
                    echoes.add(in.readLine());
                }
            }

            assertThat(echoes).containsExactly("echo round 0", "echo round 1", "echo round 2");
            assertThat(ours.get().lines()).containsExactly("round 0", "round 1", "round 2");
        }
    }

    @Test
    void javaHttpClientGetsAPageFromOurServer() throws Exception {
        try (TlsjHttpServer server = TlsjHttpServer.start(pki.serverConfig(KeyType.ED25519).build());
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .sslContext(Jsse.context(Optional.empty(), pki.caCertificate()))
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port()
                    + "/")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            SessionInfo s = server.next().established();

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith(TlsjHttpServer.BODY);
            assertThat(r.sslSession()).get().extracting(javax.net.ssl.SSLSession::getProtocol).isEqualTo("TLSv1.3");
            assertThat(s.serverName()).contains("localhost");
        }
    }
}
