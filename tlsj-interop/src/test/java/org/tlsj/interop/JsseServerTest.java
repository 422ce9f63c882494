package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Jsse.Background;
import org.tlsj.interop.Jsse.Restriction;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Matrix.Group;
import org.tlsj.interop.Matrix.ServerKey;
import org.tlsj.interop.Matrix.Suite;
import org.tlsj.io.TlsSocket;

/** Our client against a JSSE {@link SSLServerSocket} in the same JVM. */
class JsseServerTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static InteropPki pki;

    @BeforeAll
    static void mint() {
        pki = InteropPki.create(dir);
    }

    /** Serves one accepted JSSE connection and returns what the test checks. */
    private interface Handler {
        String serve(SSLSocket s) throws Exception;
    }

    /** A JSSE server socket on 127.0.0.1 restricted to the case's suite and group, with its key type. */
    private static SSLServerSocket jsseServer(Case c) throws Exception {
        return jsseServer(c.key().keyType, Restriction.of(c));
    }

    /** A JSSE server socket on 127.0.0.1 with a certificate of the key type, restricted as given. */
    private static SSLServerSocket jsseServer(KeyType keyType, Restriction restriction) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) Jsse.context(Optional.of(pki.server(keyType)),
                pki.caCertificate()).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ss.setSSLParameters(restriction.applyTo(ss.getSSLParameters()));
        return ss;
    }

    private static Background<String> acceptOne(SSLServerSocket ss, Handler handler) {
        return Jsse.background(() -> {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.setSoTimeout(10_000);
                return handler.serve(s);
            }
        });
    }

    private static TlsSocket connect(SSLServerSocket ss, Case c) throws Exception {
        return TlsSocket.connect("127.0.0.1", ss.getLocalPort(), pki.client().keyShareGroups(
                List.of(c.group().group)).build(), "localhost", TlsjClient.TIMEOUT, TlsjClient.TIMEOUT);
    }

    private static BufferedReader lines(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases")
    void ourClientExchangesDataWithJsseServerAndJsseSeesOurCloseNotify(Case c) throws Exception {
        try (SSLServerSocket ss = jsseServer(c)) {
            Background<String> jsse = acceptOne(ss, s -> {
                BufferedReader in = lines(s.getInputStream());
                String got = in.readLine();
                send(s.getOutputStream(), "hello from jsse " + s.getSession().getCipherSuite());
                int afterClose = s.getInputStream().read();
                return got + "|" + afterClose;
            });
            SessionInfo session;
            String reply;
            try (TlsSocket ours = connect(ss, c)) {
                send(ours.getOutputStream(), "hello from tlsj");
                reply = lines(ours.getInputStream()).readLine();
                session = ours.session();
            }

            assertThat(jsse.get()).isEqualTo("hello from tlsj|-1");
            assertThat(reply).isEqualTo("hello from jsse " + c.suite().iana());
            assertThat(session.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(session.group()).isEqualTo(c.group().group);
            assertThat(session.signatureScheme()).isEqualTo(c.key().scheme);
            assertThat(session.helloRetried()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#cases12WithForwardSecrecy")
    void ourClientExchangesDataWithJsseServerOverEachTls12SuiteAndGroup(Case12 c) throws Exception {
        try (SSLServerSocket ss = jsseServer(c.suite().key.keyType, Restriction.of(c))) {
            Background<String> jsse = acceptOne(ss, s -> {
                String got = lines(s.getInputStream()).readLine();
                send(s.getOutputStream(), s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
                return got;
            });
            SessionInfo session;
            String reply;
            try (TlsSocket ours = TlsSocket.connect("127.0.0.1", ss.getLocalPort(), pki.client(c).build(),
                    "localhost", TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
                send(ours.getOutputStream(), "hello from tlsj");
                reply = lines(ours.getInputStream()).readLine();
                session = ours.session();
            }

            assertThat(jsse.get()).isEqualTo("hello from tlsj");
            assertThat(reply).isEqualTo("TLSv1.2 " + c.suite().iana());
            assertThat(session.version()).isEqualTo(ProtocolVersion.TLS12);
            assertThat(session.cipherSuite()).isEqualTo(c.suite().suite);
            assertThat(session.group()).isEqualTo(c.expectedGroup());
            assertThat(session.signatureScheme()).isEqualTo(c.expectedScheme());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.tlsj.interop.Matrix#versions")
    void ourClientPresentsItsCertificateToJsseServerRequiringOne(ProtocolVersion v) throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) Jsse.context(Optional.of(pki.server(KeyType.EC_P256)),
                pki.caCertificate()).getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            Background<String> jsse = acceptOne(ss, s -> {
                String got = lines(s.getInputStream()).readLine();
                send(s.getOutputStream(), s.getSession().getProtocol());
                return got + "|" + s.getSession().getPeerPrincipal().getName();
            });
            String reply;
            try (TlsSocket ours = TlsSocket.connect("127.0.0.1", ss.getLocalPort(), pki.mutualClient(v).build(),
                    "localhost", TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
                send(ours.getOutputStream(), "hello with a certificate");
                reply = lines(ours.getInputStream()).readLine();
            }

            assertThat(reply).isEqualTo(v.displayName());
            assertThat(jsse.get()).isEqualTo("hello with a certificate|" + InteropPki.CLIENT_IDENTITY);
        }
    }

    @Test
    void ourReadReturnsEndOfStreamAfterJsseServerCloses() throws Exception {
        Case c = new Case(Suite.AES_128_GCM, Group.X25519, ServerKey.EC_P256);
        try (SSLServerSocket ss = jsseServer(c)) {
            Background<String> jsse = acceptOne(ss, s -> {
                String got = lines(s.getInputStream()).readLine();
                send(s.getOutputStream(), "bye from jsse");
                return got;
            });
            try (TlsSocket ours = connect(ss, c)) {
                send(ours.getOutputStream(), "hello from tlsj");

                assertThat(new String(ours.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("bye from jsse\n");
                assertThat(ours.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(jsse.get()).isEqualTo("hello from tlsj");
        }
    }

    @Test
    void dataKeepsFlowingAfterOurClientUpdatesKeysAndAsksJsseToo() throws Exception {
        Case c = new Case(Suite.AES_256_GCM, Group.P256, ServerKey.EC_P256);
        try (SSLServerSocket ss = jsseServer(c)) {
            Background<String> jsse = acceptOne(ss, s -> {
                BufferedReader in = lines(s.getInputStream());
                List<String> got = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    got.add(line);
                    send(s.getOutputStream(), "echo " + line);
                }
                return String.join(",", got);
            });
            List<String> echoes = new ArrayList<>();
            try (TlsSocket ours = connect(ss, c)) {
                BufferedReader in = lines(ours.getInputStream());
                for (int round = 0; round < 3; round++) {
                    ours.connection().requestKeyUpdate(true);
                    send(ours.getOutputStream(), "round " + round);
                    echoes.add(in.readLine());
                }
            }

            assertThat(echoes).containsExactly("echo round 0", "echo round 1", "echo round 2");
            assertThat(jsse.get()).isEqualTo("round 0,round 1,round 2");
        }
    }

    @Test
    void ourClientRetriesWithTheGroupJsseAsksForInHelloRetryRequest() throws Exception {
        Case c = new Case(Suite.AES_128_GCM, Group.P384, ServerKey.EC_P256);
        try (SSLServerSocket ss = jsseServer(c)) {
            Background<String> jsse = acceptOne(ss, s -> lines(s.getInputStream()).readLine());
            try (TlsSocket ours = TlsSocket.connect("127.0.0.1", ss.getLocalPort(), pki.client().build(), "localhost",
                    TlsjClient.TIMEOUT, TlsjClient.TIMEOUT)) {
                send(ours.getOutputStream(), "after retry");

                assertThat(ours.session().helloRetried()).isTrue();
                assertThat(ours.session().group()).isEqualTo(NamedGroup.SECP384R1);
            }
            assertThat(jsse.get()).isEqualTo("after retry");
        }
    }
}
