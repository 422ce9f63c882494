package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientConfig;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.get.HttpsGet;
import org.tlsj.cli.server.GreetingServer;
import org.tlsj.io.TlsSocket;
import org.tlsj.pki.PkixVerifier;

/** `tlsj server` and `tlsj get` as commands: /echo, SNI, mutual TLS, -v, --data, and curl as a client. */
class ServerAndGetCommandsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path certs;

    @BeforeEach
    void mintCertificates() {
        certs = dir.resolve("certs");
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", certs.toString(), "--client", "alice");
        assertThat(r.code()).as(r.err()).isZero();
    }

    private String[] serverCert() {
        return new String[] {"--cert", certs.resolve("server.pem").toString(), "--key", certs.resolve("server-key.pem").toString()};
    }

    private String url(RunningServer s, String path) {
        return "https://localhost:" + s.port() + path;
    }

    @Test
    void getDashVPrintsTheHandshakeSummaryAndTheHeaders() throws Exception {
        try (RunningServer s = new RunningServer(serverCert())) {
            CommandLineTest.Run r = CommandLineTest.tlsj("get", "-v", "--ca", certs.resolve("ca.pem").toString(), url(s, "/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("Hello TLS-secured world!" + System.lineSeparator());
            assertThat(r.err().lines()).contains("* Connected to localhost (127.0.0.1) port " + s.port(),
                    "* TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519MLKEM768 / ecdsa_secp256r1_sha256",
                    "* Server certificate:", "*  subject: CN=localhost", "*  issuer: CN=tlsj certs CA",
                    "*  subjectAltName: DNS:localhost, IP:127.0.0.1, IP:::1; host \"localhost\" matched",
                    "*  SSL certificate verify ok.", "> GET / HTTP/1.1", "> Host: localhost:" + s.port(), ">",
                    "< HTTP/1.1 200 OK", "< Content-Length: 24", "<");
            assertThat(r.err()).containsPattern("\\*  start date: \\d{4}-").containsPattern("\\*  expire date: \\d{4}-");
        }
    }

    @Test
    void dataPostsJsonToEchoFromTheCommandLineOrAFile() throws Exception {
        Path file = dir.resolve("payload.json");
        Files.writeString(file, "{\"name\": \"Zoë\", \"list\": [1, 2, 3]}");
        try (RunningServer s = new RunningServer(serverCert())) {
            String ca = certs.resolve("ca.pem").toString();
            CommandLineTest.Run inline = CommandLineTest.tlsj("get", "-v", "--ca", ca, "--data", "{\"a\":1}", url(s, "/echo"));
            assertThat(inline.code()).as(inline.err()).isZero();
            assertThat(inline.out()).isEqualTo("{\"a\":1}" + System.lineSeparator());
            assertThat(inline.err().lines()).contains("> POST /echo HTTP/1.1", "> Content-Type: application/json",
                    "> Content-Length: 7", "< Content-Type: application/json");
            assertThat(s.lineContaining("POST")).contains("\"POST /echo HTTP/1.1\" 200");

            CommandLineTest.Run fromFile = CommandLineTest.tlsj("get", "--ca", ca, "--data", "@" + file, url(s, "/echo"));
            assertThat(fromFile.out()).as(fromFile.err()).isEqualTo(Files.readString(file) + System.lineSeparator());
        }
        CommandLineTest.Run missing = CommandLineTest.tlsj("get", "--data", "@" + dir.resolve("nope.json"), "https://localhost:1/");
        assertThat(missing.err()).startsWith("tlsj: --data @" + dir.resolve("nope.json") + ": cannot read");
    }

    @Test
    void curlPostsJsonToEcho() throws Exception {
        Curl.require();
        String json = "{\"greeting\":\"hi\",\"n\":[1,2,3]}";
        try (RunningServer s = new RunningServer(serverCert())) {
            Curl.Result r = Curl.run(dir, "-sS", "--cacert", certs.resolve("ca.pem").toString(), "-H",
                    "Content-Type: application/json", "--data", json, "-D", dir.resolve("headers.txt").toString(),
                    url(s, "/echo"));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo(json);
            assertThat(Files.readString(dir.resolve("headers.txt"))).contains("HTTP/1.1 200 OK")
                    .containsIgnoringCase("Content-Type: application/json");
            Curl.Result chunked = Curl.run(dir, "-sS", "--cacert", certs.resolve("ca.pem").toString(), "-H",
                    "Transfer-Encoding: chunked", "--data", json, "-o", "/dev/null", "-w", "%{http_code}", url(s, "/echo"));
            assertThat(chunked.stdout()).isEqualTo("411");
        }
    }

    @Test
    void echoRefusesBodiesOverOneMebibyte() throws Exception {
        try (RunningServer s = new RunningServer(serverCert())) {
            ClientConfig client = ClientConfig.builder().verifier(PkixVerifier.fromCaFile(certs.resolve("ca.pem"))).build();
            HttpsGet.Target target = new HttpsGet.Target("127.0.0.1", "localhost", s.port(), "/echo");
            try (TlsSocket raw = TlsSocket.connect("127.0.0.1", s.port(), client, "localhost", TIMEOUT, TIMEOUT)) {
                raw.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                        + (GreetingServer.MAX_ECHO_BODY + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(Http.readResponse(raw.getInputStream()).status()).isEqualTo(413);
            }
            String fits = "\"" + "x".repeat(GreetingServer.MAX_ECHO_BODY - 2) + "\"";
            Http.Response ok = HttpsGet.exchange(target, HttpsGet.Request.postJson(fits), client, TIMEOUT,
                    java.net.Socket::new, new HttpsGet.Observer() { });
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo(fits.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutualTlsWithAClientCertificateFromTlsjCerts() throws Exception {
        String ca = certs.resolve("ca.pem").toString();
        List<String> args = new java.util.ArrayList<>(List.of(serverCert()));
        args.addAll(List.of("--ca", ca, "--client-auth", "required"));
        try (RunningServer s = new RunningServer(args.toArray(String[]::new))) {
            CommandLineTest.Run r = CommandLineTest.tlsj("get", "--ca", ca, "--cert",
                    certs.resolve("client-alice.pem").toString(), "--key", certs.resolve("client-alice-key.pem").toString(),
                    url(s, "/"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Hello TLS-secured world!");
            assertThat(s.lineContaining("#1")).contains("client=\"CN=alice\"", "\"GET / HTTP/1.1\" 200");

            CommandLineTest.Run without = CommandLineTest.tlsj("get", "--ca", ca, url(s, "/"));
            assertThat(without.code()).isEqualTo(1);
            assertThat(without.err()).contains("certificate_required");
            assertThat(s.lineContaining("#2")).contains("failed: TLS handshake failed:");
        }
    }

    @Test
    void optionalClientAuthLetsAnonymousClientsIn() throws Exception {
        String ca = certs.resolve("ca.pem").toString();
        List<String> args = new java.util.ArrayList<>(List.of(serverCert()));
        args.addAll(List.of("--ca", ca, "--client-auth", "optional"));
        try (RunningServer s = new RunningServer(args.toArray(String[]::new))) {
            assertThat(CommandLineTest.tlsj("get", "--ca", ca, url(s, "/")).out()).startsWith("Hello TLS-secured world!");
            assertThat(s.lineContaining("#1")).doesNotContain("client=").contains(" 200 ");
        }
        CommandLineTest.Run noCa = CommandLineTest.tlsj("server", "--client-auth", "required");
        assertThat(noCa.err().lines()).containsExactly(
                "tlsj: --client-auth required needs --ca FILE: the CAs whose client certificates are accepted");
    }

    @Test
    void serverPicksTheCertificateByServerName() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(certs.resolve("ca.pem"), other.resolve("ca.pem"));
        Files.copy(certs.resolve("ca-key.pem"), other.resolve("ca-key.pem"));
        assertThat(CommandLineTest.tlsj("certs", "--out", other.toString(), "--names", "api.example.com").code()).isZero();
        List<String> args = new java.util.ArrayList<>(List.of(serverCert()));
        args.addAll(List.of("--cert", other.resolve("server.pem").toString(), "--key", other.resolve("server-key.pem").toString()));
        try (RunningServer s = new RunningServer(args.toArray(String[]::new))) {
            ClientConfig client = ClientConfig.builder().verifier(PkixVerifier.fromCaFile(certs.resolve("ca.pem"))).build();
            for (String name : List.of("api.example.com", "localhost")) {
                var session = new java.util.concurrent.atomic.AtomicReference<org.tlsj.SessionInfo>();
                Http.Response r = HttpsGet.fetch(new HttpsGet.Target("127.0.0.1", name, s.port(), "/"), client, TIMEOUT,
                        session::set);
                assertThat(r.text()).isEqualTo("Hello TLS-secured world!");
                assertThat(session.get().peerCertificates().getFirst().getSubjectX500Principal().getName())
                        .isEqualTo("CN=" + name);
                assertThat(s.nextLine()).contains("sni=" + name);
            }
        }
        assertThat(CommandLineTest.tlsj("server", "--cert", "a.pem", "--key", "a-key.pem", "--cert", "b.pem").err())
                .contains("--cert and --key go together");
    }

    /** curl with a deadline; skipped without curl unless CI=true. */
    static final class Curl {
        record Result(int exitCode, String stdout, String stderr) {
        }

        static void require() {
            boolean present = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                    .anyMatch(d -> Files.isExecutable(Path.of(d, "curl")));
            if (!present && "true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("curl is not installed; CI=true, so that is a failure");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(present, "curl is not installed");
        }

        static Result run(Path work, String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>(List.of("curl", "--max-time", "20"));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(work, "curl", ".out");
            Path err = Files.createTempFile(work, "curl", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
