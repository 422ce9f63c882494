package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientAuth;
import org.tlsj.ServerConfig;
import org.tlsj.io.TlsServerSocket;
import org.tlsj.io.TlsSocket;

/** curl, a client nobody here wrote, through the gateway. Skipped where curl is not installed. */
class GatewayCurlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsCurl() {
        boolean found;
        try {
            found = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        assumeTrue(found, "curl is not installed");
    }

    /** A response with a body of every byte value, so any rewriting shows. */
    private static byte[] response() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 40_000; i++) {
            body.write(i * 7 + (i >>> 8));
        }
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.size()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private byte[] curl(int port, List<String> extra) throws IOException, InterruptedException {
        Path output = dir.resolve("curl.out");
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--include",
                "--max-time", "10", "--resolve", "localhost:" + port + ":127.0.0.1", "--output", output.toString()));
        command.addAll(extra);
        command.add("https://localhost:" + port + "/through");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl said: " + said).isZero();
        return Files.readAllBytes(output);
    }

    @Test
    void curlGetsThePlainUpstreamsResponseByteForByte() throws Exception {
        LivePki pki = new LivePki("Curl CA", dir);
        byte[] response = response();
        LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
        CertificateFiles files = new CertificateFiles(List.of(pki.write("server", pki.server("s", List.of("localhost")))),
                ClientAuth.NONE, Optional.empty());
        try (TestUpstream http = TestUpstream.start(s -> {
                requests.add(new String(TestUpstream.readHead(s.getInputStream()), StandardCharsets.US_ASCII));
                s.getOutputStream().write(response);
            });
             Gateway gateway = Gateway.start(new GatewaySettings(ANY_LOOPBACK_PORT, Routes.to(http.address()),
                     Optional.empty(), false, 10, TIMEOUT, Duration.ZERO), ReloadingConfig.load(files), line -> { })) {
            byte[] got = curl(gateway.port(), List.of("--cacert", pki.caFile().toString()));
            assertThat(got).isEqualTo(response);
            assertThat(requests.poll(10, TimeUnit.SECONDS)).startsWith("GET /through HTTP/1.1\r\n");
        }
    }

    @Test
    void curlWithAClientCertificateGoesThroughMutualTlsOnBothLegs() throws Exception {
        LivePki pki = new LivePki("Curl mTLS CA", dir);
        byte[] response = response();
        ServerConfig backendConfig = ServerConfig.builder(pki.certified(pki.server("backend", List.of("backend.internal"))))
                .clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        LinkedBlockingQueue<String> backendSaw = new LinkedBlockingQueue<>();
        CertificateFiles.Pair curlCert = pki.write("curl-client", pki.client("curl-user"));
        CertificateFiles files = new CertificateFiles(List.of(pki.write("server", pki.server("s", List.of("localhost")))),
                ClientAuth.REQUIRED, Optional.of(pki.caFile()));
        GatewaySettings.UpstreamTls upstreamTls = new GatewaySettings.UpstreamTls(
                pki.clientConfig(List.of(pki.certified(pki.client("gateway")))), Optional.of("backend.internal"));
        LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
        try (TlsServerSocket backend = TlsServerSocket.bind(ANY_LOOPBACK_PORT, backendConfig, TIMEOUT, TIMEOUT);
             Gateway gateway = Gateway.start(new GatewaySettings(ANY_LOOPBACK_PORT,
                     Routes.to(new HostPort("127.0.0.1", backend.localPort())), Optional.of(upstreamTls), false, 10,
                     TIMEOUT, Duration.ZERO), ReloadingConfig.load(files), log::add)) {
            Thread.ofVirtual().start(() -> {
                try (TlsSocket s = backend.accept()) {
                    s.handshake();
                    backendSaw.add(s.session().peerIdentity().orElse("nobody"));
                    TestUpstream.readHead(s.getInputStream());
                    s.getOutputStream().write(response);
                } catch (IOException e) {
                    backendSaw.add("failed: " + e);
                }
            });
            byte[] got = curl(gateway.port(), List.of("--cacert", pki.caFile().toString(),
                    "--cert", curlCert.chain().toString(), "--key", curlCert.key().toString()));
            assertThat(got).isEqualTo(response);
            assertThat(backendSaw.poll(10, TimeUnit.SECONDS)).isEqualTo("CN=gateway");
            assertThat(log.poll(10, TimeUnit.SECONDS)).contains("client=\"CN=curl-user\"", "down=" + response.length + "B");
        }
    }
}
