package org.tlsj.bogo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.InsecureTrustAllVerifier;
import org.tlsj.pki.Pem;
import org.tlsj.testkit.TestPki;

/**
 * The shim against an in-process stand-in for BoringSSL's runner: the test listens, reads the shim id, plays
 * the peer with tlsj, and checks the echo, the expectations and the exit code, as the runner does.
 */
class ShimTest {
    private static final TestPki PKI = TestPki.create();
    private ServerSocket runner;

    @BeforeEach
    void listen() throws IOException {
        runner = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        runner.setSoTimeout(20_000);
    }

    @AfterEach
    void close() throws IOException {
        runner.close();
    }

    @Test
    void clientWritesFirstEchoesXoredAndResumesWithATicket() throws Exception {
        ServerConfig server = TestPki.server(PKI.server(KeyType.EC_P256)).build();
        CompletableFuture<Result> shim = start("-port", port(), "-shim-id", "7", "-shim-writes-first",
                "-expect-version", "772", "-resume-count", "1");
        for (int i = 0; i < 2; i++) {
            try (ShimConnection c = accept(7, ServerConnection.accept(server))) {
                c.handshake();
                assertThat(new String(readFully(c, 5), StandardCharsets.US_ASCII)).isEqualTo("hello");
                byte[] message = new byte[32];
                Arrays.fill(message, (byte) 0x42);
                c.write(message);
                byte[] echo = readFully(c, 32);
                for (byte b : echo) {
                    assertThat(b).isEqualTo((byte) (0x42 ^ 0xff));
                }
                assertThat(c.tls().session().orElseThrow().resumed()).isEqualTo(i == 1);
                c.sendCloseNotify();
            }
        }
        Result r = shim.get(30, TimeUnit.SECONDS);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.code()).isZero();
    }

    @Test
    void serverRefusesAClientWithoutACertificateAndNamesTheReason(@TempDir Path dir) throws Exception {
        CertifiedKey key = PKI.server(KeyType.EC_P256);
        Path cert = Files.writeString(dir.resolve("cert.pem"), Pem.toPem(key.chain()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), Pem.toPem(key.privateKey()));
        CompletableFuture<Result> shim = start("-port", port(), "-shim-id", "3", "-server",
                "-cert-file", cert.toString(), "-key-file", keyFile.toString(), "-require-any-client-certificate");
        ClientConfig client = ClientConfig.builder().verifier(InsecureTrustAllVerifier.INSTANCE).build();
        try (ShimConnection c = accept(3, ClientConnection.start(client, "localhost"))) {
            c.handshake();
            assertThat(c.read(16)).as("the shim aborts instead of sending data").isNull();
            assertThat(c.tls().failure()).hasValueSatisfying(e -> assertThat(e.getMessage())
                    .contains("certificate_required"));
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("certificate_required");
        }
        Result r = shim.get(30, TimeUnit.SECONDS);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr()).contains("error:CERTIFICATE_REQUIRED:").contains("sent alert:certificate_required:");
    }

    @Test
    void aFailedExpectationFailsTheTest() throws Exception {
        ServerConfig server = TestPki.server(PKI.server(KeyType.EC_P256)).build();
        CompletableFuture<Result> shim = start("-port", port(), "-shim-id", "1", "-expect-alpn", "h2");
        try (ShimConnection c = accept(1, ServerConnection.accept(server))) {
            c.handshake();
            assertThat(c.read(16)).isNull();
        }
        Result r = shim.get(30, TimeUnit.SECONDS);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr()).contains("negotiated alpn proto mismatch");
    }

    @Test
    void unknownFlagsAreUnimplementedAndTheHandshakerQuestionIsAnswered() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Shim.run(List.of("-enable-channel-id"), new PrintStream(out), new PrintStream(err)))
                .isEqualTo(Shim.UNIMPLEMENTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("-enable-channel-id");
        out.reset();
        assertThat(Shim.run(List.of("-is-handshaker-supported"), new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("No");
    }

    private record Result(int code, String stderr) {
    }

    private String port() {
        return Integer.toString(runner.getLocalPort());
    }

    private static CompletableFuture<Result> start(String... args) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Shim.run(new ArrayList<>(List.of(args)), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        });
    }

    private ShimConnection accept(long expectedId, TlsConnection tls) throws IOException {
        Socket s = runner.accept();
        s.setSoTimeout(20_000);
        byte[] id = new byte[8];
        new DataInputStream(s.getInputStream()).readFully(id);
        assertThat(ByteBuffer.wrap(id).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(expectedId);
        return new ShimConnection(s, tls, false);
    }

    private static byte[] readFully(ShimConnection c, int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (b.size() < n) {
            byte[] part = c.read(n - b.size());
            assertThat(part).as("the shim closed early").isNotNull();
            b.write(part);
        }
        return b.toByteArray();
    }
}
