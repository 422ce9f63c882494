package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.testkit.SocketPeer;
import org.tlsj.testkit.TestPair;

/**
 * A TLSJ {@code SSLSocket} that fails sends its alert to the peer and ends the stream in order: after a failed
 * read (the alert is flushed before the error is thrown) and when the application then closes the socket
 * (half-close and a bounded lingering read, so unread bytes do not turn the close into a TCP reset).
 */
@Timeout(30)
class TlsjSocketAlertTest {
    private static final JssePki PKI = new JssePki();
    private static final byte[] FLOOD = new byte[256 * 1024];

    /** A TLSJ server socket that reads one connection until it fails, then closes it; the failure is the result. */
    private static CompletableFuture<Throwable> serveUntilFailure(SSLServerSocket ss) {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.getInputStream().readAllBytes();
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });
        return result;
    }

    private static SSLServerSocket listen() throws Exception {
        return (SSLServerSocket) PKI.tlsjServer("TLS").getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @Test
    void badFirstByteFollowedByAFloodGetsTheAlertThenAnOrderlyEnd() throws Exception {
        try (SSLServerSocket ss = listen()) {
            CompletableFuture<Throwable> served = serveUntilFailure(ss);
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                byte[] bad = FLOOD.clone();
                bad[0] = (byte) 0x80; // an SSL 2.0 record header
                raw.getOutputStream().write(bad);
                assertThat(SocketPeer.readToEnd(raw.getInputStream())).containsExactly(21, 3, 3, 0, 2, 2, 70);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isInstanceOf(SSLException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.2"})
    void tamperedRecordAfterTheHandshakeGetsBadRecordMacThenAnOrderlyEnd(String version) throws Exception {
        ClientConfig config = ClientConfig.builder()
                .verifier(PkixVerifier.withTrustedCertificates(List.of(PKI.ca.certificate())))
                .versions(List.of(ProtocolVersion.parse(version))).build();
        try (SSLServerSocket ss = listen()) {
            CompletableFuture<Throwable> served = serveUntilFailure(ss);
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                raw.setSoTimeout(10_000);
                ClientConnection client = ClientConnection.start(config, "localhost");
                SocketPeer.handshake(raw, client);
                client.write(ByteBuffer.wrap(new byte[] {'h', 'i'}));
                byte[] record = TestPair.drain(client);
                record[record.length - 1] ^= 1;
                raw.getOutputStream().write(record);
                raw.getOutputStream().write(FLOOD);
                byte[] answer = SocketPeer.readToEnd(raw.getInputStream());
                assertThatThrownBy(() -> client.feed(ByteBuffer.wrap(answer)))
                        .isInstanceOfSatisfying(TlsPeerAlertException.class,
                                e -> assertThat(e.description()).contains(AlertDescription.BAD_RECORD_MAC));
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isInstanceOf(SSLException.class);
        }
    }

    /** The server application still holds the socket open after its read failed: the alert is already out. */
    @Test
    void alertIsOnTheWireBeforeTheFailedReadReturns() throws Exception {
        ClientConfig config = ClientConfig.builder()
                .verifier(PkixVerifier.withTrustedCertificates(List.of(PKI.ca.certificate()))).build();
        CountDownLatch clientDone = new CountDownLatch(1);
        try (SSLServerSocket ss = listen()) {
            Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    try {
                        s.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        await(clientDone); // not closed yet: only the failed read can have sent the alert
                    }
                } catch (IOException ignored) {
                    // accept or close failed: the client side fails the test
                }
            });
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                raw.setSoTimeout(10_000);
                ClientConnection client = ClientConnection.start(config, "localhost");
                SocketPeer.handshake(raw, client);
                client.write(ByteBuffer.wrap(new byte[] {'h', 'i'}));
                byte[] record = TestPair.drain(client);
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
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
