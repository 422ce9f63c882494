package org.tlsj.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;

class TlsSocketTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final ServerConfig serverConfig = ServerConfig.builder(TestCertificates.localhost()).build();
    private final ClientConfig clientConfig = ClientConfig.builder().verifier(TestCertificates.pinned()).build();
    private TlsServerSocket server;

    @BeforeEach
    void bind() throws IOException {
        server = TlsServerSocket.bind(LOOPBACK, serverConfig, TIMEOUT, TIMEOUT);
    }

    @AfterEach
    void unbind() throws IOException {
        server.close();
    }

    /** Runs one server connection in a virtual thread: handshake, then the given exchange. */
    private CompletableFuture<String> serveOne(ServerSide side) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (TlsSocket s = server.accept()) {
                s.handshake();
                result.complete(side.run(s));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    @FunctionalInterface
    private interface ServerSide {
        String run(TlsSocket socket) throws IOException;
    }

    private TlsSocket connect() throws IOException {
        return TlsSocket.connect("127.0.0.1", server.localPort(), clientConfig, "localhost", TIMEOUT, TIMEOUT);
    }

    @Test
    void exchangesDataBothWaysAndReadsEndOfStreamAfterCloseNotify() throws Exception {
        CompletableFuture<String> served = serveOne(s -> {
            String request = new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII);
            s.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
            return request + " from sni=" + s.session().serverName().orElse("-");
        });
        try (TlsSocket client = connect()) {
            assertThat(client.session().version()).isEqualTo(ProtocolVersion.TLS13);
            client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("pong");
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("ping from sni=localhost");
    }

    @Test
    void shutdownOutputSendsCloseNotifyButKeepsReading() throws Exception {
        CompletableFuture<String> served = serveOne(s -> {
            byte[] request = s.getInputStream().readAllBytes(); // ends at the client's close_notify
            s.getOutputStream().write(request.length == 0 ? new byte[0] : new byte[] {(byte) request.length});
            s.getOutputStream().write("done".getBytes(StandardCharsets.US_ASCII));
            return new String(request, StandardCharsets.US_ASCII);
        });
        try (TlsSocket client = connect()) {
            client.getOutputStream().write("half".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            client.shutdownOutput();
            assertThatThrownBy(() -> client.getOutputStream().write(1)).isInstanceOf(IOException.class);
            assertThat(client.getInputStream().readNBytes(5)).containsExactly(4, 'd', 'o', 'n', 'e');
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("half");
    }

    @Test
    void carriesAMegabyteThroughManyRecordsIntact() throws Exception {
        byte[] payload = new byte[1 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 11));
        }
        CompletableFuture<String> served = serveOne(s -> {
            s.getOutputStream().write(payload);
            return "sent";
        });
        try (TlsSocket client = connect()) {
            byte[] got = client.getInputStream().readAllBytes();
            assertThat(Arrays.equals(got, payload)).as("payload round trip").isTrue();
            assertThat(client.bytesReceived()).isGreaterThan(payload.length);
            assertThat(client.receiveBufferCapacity()).as("grown for bulk reads: one read call per record, not per 2 KiB")
                    .isEqualTo(TlsSocket.NET_BUFFER_SIZE);
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("sent");
    }

    @Test
    void reportsTruncationWhenTcpEndsWithoutCloseNotify() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = raw.accept()) {
                    TlsSocket.server(s, ServerConnection.accept(serverConfig), TIMEOUT, TIMEOUT).handshake();
                } catch (IOException ignored) {
                    // the client's assertion tells what went wrong
                }
            });
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", raw.getLocalPort(), clientConfig, "localhost",
                    TIMEOUT, TIMEOUT)) {
                InputStream in = client.getInputStream();
                assertThatThrownBy(in::read).isInstanceOf(EOFException.class)
                        .hasMessage("connection closed without close_notify (truncation)");
            }
        }
    }

    @Test
    void boundsTheWholeHandshakeWithTheHandshakeTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            int port = silent.getLocalPort();
            assertThatThrownBy(() -> TlsSocket.connect("127.0.0.1", port, clientConfig, "localhost",
                    Duration.ofMillis(200), TIMEOUT))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("TLS handshake with 127.0.0.1:" + port + " timed out after 200ms");
            accepted.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void boundsEachReadAfterTheHandshakeWithTheReadTimeout() throws Exception {
        CompletableFuture<String> served = serveOne(s -> {
            s.getInputStream().read();
            return "done";
        });
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", server.localPort(), clientConfig, "localhost",
                TIMEOUT, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("within 200ms");
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void sendsTheAlertToThePeerBeforeRethrowingAHandshakeFailure() throws Exception {
        CompletableFuture<String> served = serveOne(s -> "handshake completed");
        ClientConfig rejecting = clientConfig.toBuilder().verifier(TestCertificates.rejecting()).build();
        assertThatThrownBy(() -> TlsSocket.connect("127.0.0.1", server.localPort(), rejecting, "localhost",
                TIMEOUT, TIMEOUT))
                .isInstanceOfSatisfying(TlsFatalAlertException.class,
                        e -> assertThat(e.sent()).isEqualTo(AlertDescription.CERTIFICATE_UNKNOWN))
                .hasMessageContaining("does not match localhost");
        // Without the flush the server would see the TCP close (an EOFException), not the alert record.
        assertThatThrownBy(() -> served.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TlsPeerAlertException.class,
                        p -> assertThat(p.description()).contains(AlertDescription.CERTIFICATE_UNKNOWN));
    }

    @Test
    void refusesUseAfterCloseAndClosesIdempotently() throws Exception {
        serveOne(s -> "ok");
        TlsSocket client = connect();
        client.close();
        client.close();
        assertThat(client.isClosed()).isTrue();
        assertThatThrownBy(() -> client.getOutputStream().write(1)).isInstanceOf(IOException.class)
                .hasMessageContaining("is closed");
    }
}
