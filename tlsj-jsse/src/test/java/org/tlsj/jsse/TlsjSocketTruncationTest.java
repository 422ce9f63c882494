package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A TLSJ socket whose peer's TCP stream ends without close_notify reports truncation, never end of stream. */
class TlsjSocketTruncationTest {
    private static final JssePki PKI = new JssePki();

    /** A SunJSSE server that handshakes, sends "hi" if asked, then cuts the TCP connection without close_notify. */
    private static CompletableFuture<Void> cutAfter(ServerSocket listener, boolean handshake) {
        return CompletableFuture.runAsync(() -> {
            try (Socket raw = listener.accept()) {
                if (handshake) {
                    SSLSocket tls = (SSLSocket) PKI.jdk(PKI.server).getSocketFactory()
                            .createSocket(raw, (InputStream) null, false);
                    tls.setUseClientMode(false);
                    tls.startHandshake();
                    tls.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                    tls.getOutputStream().flush();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void endOfStreamWithoutCloseNotifyIsATruncationErrorOnEveryRead(String protocol) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = cutAfter(listener, true);
            try (SSLSocket s = (SSLSocket) PKI.tlsjClient(protocol, false).getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                InputStream in = s.getInputStream();
                assertThat(new String(in.readNBytes(2), StandardCharsets.UTF_8)).isEqualTo("hi");
                server.get(20, TimeUnit.SECONDS);
                assertThatThrownBy(in::read).isInstanceOf(SSLException.class).hasMessageContaining("close_notify");
                assertThatThrownBy(in::read).isInstanceOf(SSLException.class).hasMessageContaining("close_notify");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3"})
    void endOfStreamDuringTheHandshakeIsAHandshakeError(String protocol) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = cutAfter(listener, false);
            try (SSLSocket s = (SSLSocket) PKI.tlsjClient(protocol, false).getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                assertThatThrownBy(s::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("closed the connection");
            }
            server.get(20, TimeUnit.SECONDS);
        }
    }
}
