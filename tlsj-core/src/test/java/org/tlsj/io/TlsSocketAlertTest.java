package org.tlsj.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;

/**
 * A {@link TlsSocket} that fails sends its alert and then ends the stream in order, so the peer reads the
 * alert and a clean end of stream, not a TCP reset: even when the peer's bytes are still unread when the
 * server gives up, and with the close bounded in time when the peer sends on and on or never closes.
 */
@Timeout(30)
class TlsSocketAlertTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] FLOOD = new byte[256 * 1024];

    private final ServerConfig serverConfig = ServerConfig.builder(TestCertificates.localhost()).build();
    private TlsServerSocket server;

    @BeforeEach
    void bind() throws IOException {
        server = TlsServerSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), serverConfig,
                TIMEOUT, TIMEOUT);
    }

    @AfterEach
    void unbind() throws IOException {
        server.close();
    }

    /** Accepts one connection, handshakes and reads until it fails; closes it; the failure is the result. */
    private CompletableFuture<Throwable> serveUntilFailure() {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (TlsSocket s = server.accept()) {
                s.handshake();
                s.getInputStream().readAllBytes();
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });
        return result;
    }

    @Test
    void badFirstByteFollowedByAFloodGetsTheAlertThenAnOrderlyEnd() throws Exception {
        CompletableFuture<Throwable> served = serveUntilFailure();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.localPort())) {
            byte[] bad = FLOOD.clone();
            bad[0] = 'G';
            raw.getOutputStream().write(bad);
            assertThat(readToEnd(raw.getInputStream())).containsExactly(21, 3, 3, 0, 2, 2, 10);
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.2"})
    void tamperedRecordAfterTheHandshakeGetsBadRecordMacThenAnOrderlyEnd(String version) throws Exception {
        CompletableFuture<Throwable> served = serveUntilFailure();
        ClientConfig config = ClientConfig.builder().verifier(TestCertificates.pinned())
                .versions(List.of(ProtocolVersion.parse(version))).build();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.localPort())) {
            raw.setSoTimeout(10_000);
            ClientConnection client = ClientConnection.start(config, "localhost");
            handshake(raw, client);
            client.write(ByteBuffer.wrap(new byte[] {'h', 'i'}));
            byte[] record = drain(client);
            record[record.length - 1] ^= 1;
            raw.getOutputStream().write(record);
            raw.getOutputStream().write(FLOOD);
            byte[] answer = readToEnd(raw.getInputStream());
            assertThatThrownBy(() -> client.feed(ByteBuffer.wrap(answer)))
                    .isInstanceOfSatisfying(TlsPeerAlertException.class,
                            e -> assertThat(e.description()).contains(AlertDescription.BAD_RECORD_MAC));
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isInstanceOf(TlsFatalAlertException.class);
    }

    /** The application still holds the socket after its read failed: the alert is out already. */
    @Test
    void alertIsOnTheWireBeforeTheFailedReadReturns() throws Exception {
        CountDownLatch clientDone = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (TlsSocket s = server.accept()) {
                try {
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    clientDone.await(20, TimeUnit.SECONDS); // not closed yet: only the failed read sent the alert
                }
            } catch (IOException | InterruptedException ignored) {
                // the client side fails the test
            }
        });
        ClientConfig config = ClientConfig.builder().verifier(TestCertificates.pinned()).build();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.localPort())) {
            raw.setSoTimeout(10_000);
            ClientConnection client = ClientConnection.start(config, "localhost");
            handshake(raw, client);
            client.write(ByteBuffer.wrap(new byte[] {'h', 'i'}));
            byte[] record = drain(client);
            record[record.length - 1] ^= 1;
            raw.getOutputStream().write(record);
            byte[] buf = new byte[4096];
            assertThatThrownBy(() -> {
                while (true) {
                    int n = raw.getInputStream().read(buf);
                    client.feed(ByteBuffer.wrap(buf, 0, Math.max(n, 0)));
                }
            }).isInstanceOfSatisfying(TlsPeerAlertException.class,
                    e -> assertThat(e.description()).contains(AlertDescription.BAD_RECORD_MAC));
        } finally {
            clientDone.countDown();
        }
    }

    /** A peer that never closes after the alert costs the server's close at most the lingering time. */
    @Test
    void closeAfterAFailureIsBoundedWhenThePeerStaysSilent() throws Exception {
        CompletableFuture<Long> closeMillis = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            TlsSocket s = null;
            try {
                s = server.accept();
                s.handshake();
            } catch (IOException e) {
                long start = System.nanoTime();
                try {
                    s.close();
                } catch (IOException ignored) {
                    // measured below either way
                }
                closeMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        });
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.localPort())) {
            raw.getOutputStream().write('G');
            assertThat(closeMillis.get(10, TimeUnit.SECONDS)).isLessThan(LingeringClose.TIME.toMillis() + 1000);
            assertThat(readToEnd(raw.getInputStream())).containsExactly(21, 3, 3, 0, 2, 2, 10);
        }
    }

    private static void handshake(Socket raw, ClientConnection client) throws IOException {
        byte[] buf = new byte[16 * 1024];
        while (!client.isHandshakeComplete()) {
            raw.getOutputStream().write(drain(client));
            int n = raw.getInputStream().read(buf);
            if (n < 0) {
                throw new IOException("the server closed during the handshake");
            }
            client.feed(ByteBuffer.wrap(buf, 0, n));
        }
        raw.getOutputStream().write(drain(client));
    }

    private static byte[] drain(ClientConnection c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer chunk = ByteBuffer.allocate(32 * 1024);
        while (c.hasPendingOutput()) {
            chunk.clear();
            c.drainOutput(chunk);
            out.write(chunk.array(), 0, chunk.position());
        }
        return out.toByteArray();
    }

    /** Everything until end of stream; a reset fails the test. */
    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketException e) {
            throw new AssertionError("reset after " + got.size() + " bytes: " + e, e);
        }
        return got.toByteArray();
    }
}
