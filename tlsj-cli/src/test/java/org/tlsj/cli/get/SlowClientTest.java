package org.tlsj.cli.get;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;
import org.tlsj.cli.server.GreetingServer;
import org.tlsj.io.TlsSocket;
import org.tlsj.testkit.TestPki;

/** Slow-loris clients are cut off by the server's timeout, during the handshake and in the request head. */
class SlowClientTest {
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(1);
    private final TestPki pki = TestPki.create();
    private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
    private GreetingServer server;

    @BeforeEach
    void start() throws IOException {
        ServerConfig config = ServerConfig.builder(pki.server(KeyType.EC_P256, List.of("localhost"),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))).build();
        server = GreetingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, SERVER_TIMEOUT,
                log::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientTricklingItsRequestHeadIsCutOff() throws Exception {
        ClientConfig client = pki.client().clock(java.time.Clock.systemUTC()).build();
        try (TlsSocket s = TlsSocket.connect("127.0.0.1", server.port(), client, "localhost", Duration.ofSeconds(10),
                Duration.ofSeconds(10))) {
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            boolean cut = false;
            // One byte every 200 ms: each read is quick, but the whole head never completes.
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    out.write('X');
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException e) {
                    cut = true;
                }
            }
            assertThat(log.poll(10, TimeUnit.SECONDS)).contains("failed").contains("request header not complete");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aClientThatNeverFinishesTheHandshakeIsCutOffWhileOthersAreServed() throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            silent.getOutputStream().write(new byte[] {22, 3, 1}); // the start of a record, then nothing
            InputStream in = silent.getInputStream();
            silent.setSoTimeout(10_000);
            HttpsGet.Target target = new HttpsGet.Target("localhost", "localhost", server.port(), "/");
            ClientConfig client = pki.client().clock(java.time.Clock.systemUTC()).build();
            assertThat(JdkGet.exchange(target, HttpsGet.Request.GET, JdkGet.context(client), Duration.ofSeconds(10),
                    new HttpsGet.Observer() { }).status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(in.read()).as("the server closes the silent connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClientStallingInsideItsRequestBodyIsCutOffAfterAnotherTimeout() throws Exception {
        ClientConfig client = pki.client().clock(java.time.Clock.systemUTC()).build();
        try (TlsSocket s = TlsSocket.connect("127.0.0.1", server.port(), client, "localhost", Duration.ofSeconds(10),
                Duration.ofSeconds(10))) {
            s.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n{\"a\""
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertThat(log.poll(10, TimeUnit.SECONDS)).contains("\"POST /echo HTTP/1.1\" failed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
