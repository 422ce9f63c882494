package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.io.TlsSocket;

/**
 * Many clients at once through the gateway to an echo service: every byte comes back, no connection is lost.
 * {@code -Dtlsj.gateway.loadClients=N} changes the number of clients (default 200).
 */
class GatewayLoadTest {
    private static final int CLIENTS = Integer.getInteger("tlsj.gateway.loadClients", 200);
    private static final int PAYLOAD = 4 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyConcurrentClientGetsItsBytesBackExactly() throws Exception {
        LivePki pki = new LivePki("Load CA", dir);
        CertificateFiles files = new CertificateFiles(
                List.of(pki.write("server", pki.server("server", List.of("localhost")))), ClientAuth.NONE,
                Optional.empty());
        LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
        try (TestUpstream echo = TestUpstream.start(TestUpstream.echo());
             Gateway gateway = Gateway.start(new GatewaySettings(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Routes.to(echo.address()),
                     Optional.empty(), false, CLIENTS, TIMEOUT, Duration.ZERO), ReloadingConfig.load(files), log::add)) {
            ClientConfig client = pki.clientConfig(List.of());
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                byte[] payload = payload(i);
                CompletableFuture<Boolean> result = new CompletableFuture<>();
                results.add(result);
                Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                        try (TlsSocket s = TlsSocket.connect("127.0.0.1", gateway.port(), client, "localhost", TIMEOUT,
                                TIMEOUT)) {
                            s.getOutputStream().write(payload);
                            s.shutdownOutput();
                            result.complete(Arrays.equals(s.getInputStream().readAllBytes(), payload));
                        }
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
            }
            go.countDown();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(results).allSatisfy(r -> assertThat(r.join()).as("bytes came back exactly").isTrue());
            assertThat(took).isLessThan(TIMEOUT);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                lines.add(log.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            assertThat(lines).allSatisfy(l -> assertThat(l).contains("up=" + PAYLOAD + "B down=" + PAYLOAD + "B")
                    .endsWith(" closed"));
            assertThat(echo.failures).isEmpty();
            System.out.printf("%d clients through the gateway in %d ms%n", CLIENTS, took.toMillis());
        }
    }

    private static byte[] payload(int client) {
        byte[] b = new byte[PAYLOAD];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (client * 131 + i * 7 + (i >>> 8));
        }
        return b;
    }
}
