package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.tlsj.cli.gateway.TestUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.cli.server.GreetingServer;

/**
 * TLS 1.2 stays strict by default: {@code tlsj server} and {@code tlsj gateway} refuse a client without the
 * extended master secret (RFC 7627) with handshake_failure, and their log line names the option that lets it
 * in; with {@code --allow-no-ems} the same client is served.
 */
@Timeout(60)
class AllowNoEmsTest {
    @TempDir
    static Path certs;
    private static TestUpstream upstream;

    @BeforeAll
    static void start() throws Exception {
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", certs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        upstream = TestUpstream.start(TestUpstream.echo());
    }

    @AfterAll
    static void stop() throws IOException {
        upstream.close();
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of("--cert", certs.resolve("server.pem").toString(),
                "--key", certs.resolve("server-key.pem").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] gatewayWith(String... more) {
        List<String> args = new ArrayList<>(List.of(with("--upstream", "127.0.0.1:" + upstream.port())));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void serverRefusesAClientWithoutTheExtendedMasterSecretAndNamesTheOption() throws Exception {
        try (RunningServer server = new RunningServer(with())) {
            assertThat(jdkClientWithoutEms(server.port(), "http")).contains("FAILED").contains("handshake_failure");
            assertThat(server.lineContaining("RFC 7627")).contains("TLS handshake failed: ")
                    .contains("(RFC 7627), which we require; start the server with --allow-no-ems to accept such clients");
        }
    }

    @Test
    void serverWithAllowNoEmsServesTheClient() throws Exception {
        try (RunningServer server = new RunningServer(with("--allow-no-ems"))) {
            assertThat(jdkClientWithoutEms(server.port(), "http")).contains("PROTOCOL TLSv1.2")
                    .contains("HTTP/1.1 200").contains(GreetingServer.BODY);
        }
    }

    @Test
    void gatewayRefusesAClientWithoutTheExtendedMasterSecretAndNamesTheOption() throws Exception {
        try (RunningGateway gateway = new RunningGateway(gatewayWith())) {
            assertThat(jdkClientWithoutEms(gateway.port(), "echo")).contains("FAILED").contains("handshake_failure");
            assertThat(gateway.lineContaining("RFC 7627")).contains("TLS handshake failed: ")
                    .contains("(RFC 7627), which we require; start the gateway with --allow-no-ems to accept such clients");
        }
    }

    @Test
    void gatewayWithAllowNoEmsRelaysTheClient() throws Exception {
        try (RunningGateway gateway = new RunningGateway(gatewayWith("--allow-no-ems"))) {
            assertThat(jdkClientWithoutEms(gateway.port(), "echo")).contains("PROTOCOL TLSv1.2").contains("ANSWER ping");
        }
    }

    /**
     * Runs {@link JdkClient} in its own JVM: SunJSSE reads {@code jdk.tls.useExtendedMasterSecret} once per
     * process, and false makes it a TLS 1.2 client that leaves the extension out of its ClientHello.
     */
    private static String jdkClientWithoutEms(int port, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djdk.tls.useExtendedMasterSecret=false",
                "-cp", System.getProperty("java.class.path"), JdkClient.class.getName(),
                Integer.toString(port), certs.resolve("ca.pem").toString(), mode)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(out).isTrue();
        return out;
    }

    /**
     * A SunJSSE TLS 1.2 client trusting the test CA: {@code http} sends a GET and prints the answer to the end;
     * {@code echo} sends "ping" and prints the four bytes that come back. Prints "FAILED ..." if TLS fails.
     */
    static final class JdkClient {
        private JdkClient() {
        }

        public static void main(String[] args) throws Exception {
            X509Certificate ca;
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLSv1.2", "SunJSSE");
            ctx.init(null, tmf.getTrustManagers(), null);
            boolean http = args[2].equals("http");
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", Integer.parseInt(args[0]))) {
                s.setSoTimeout(20_000);
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.startHandshake();
                System.out.println("PROTOCOL " + s.getSession().getProtocol());
                s.getOutputStream().write((http ? "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n" : "ping")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                byte[] answer = http ? s.getInputStream().readAllBytes() : s.getInputStream().readNBytes(4);
                System.out.println("ANSWER " + new String(answer, StandardCharsets.UTF_8));
            } catch (SSLException e) {
                System.out.println("FAILED " + e.getMessage());
            }
        }
    }
}
