package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsj.cli.gateway.TestUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.cli.common.Pki;
import org.tlsj.testkit.hostile.KeyCapture;
import org.tlsj.testkit.hostile.RecordSealer;

/**
 * The two servers people run, {@code tlsj server} (the JDK's HttpsServer on the TLSJ provider) and
 * {@code tlsj gateway} (tlsj's own sockets), sent bad bytes over a real loopback socket: the fatal alert comes
 * back on the wire, followed by an orderly end of stream, never a TCP reset. Before the handshake the alert
 * is read as plain bytes; after it, a tlsj client opens it.
 */
@Timeout(60)
class AlertsOnTheWireTest {
    /** Which server is under test. */
    enum Target { SERVER, GATEWAY }

    /** An SSL 2.0-format ClientHello (2-byte header, msg_type 1, version 3.1, ...), cut short: the first byte tells. */
    private static final byte[] SSL2_HELLO = {(byte) 0x80, 0x2b, 0x01, 0x03, 0x01, 0x00, 0x12, 0x00, 0x00, 0x00, 0x10};

    @TempDir
    static Path certs;
    private static TestUpstream upstream;
    private static RunningServer server;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", certs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        upstream = TestUpstream.start(TestUpstream.echo());
        server = new RunningServer(with());
        gateway = new RunningGateway(with("--upstream", "127.0.0.1:" + upstream.port()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of("--cert", certs.resolve("server.pem").toString(),
                "--key", certs.resolve("server-key.pem").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static int port(Target t) {
        return t == Target.SERVER ? server.port() : gateway.port();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void httpRequestToTheTlsPortGetsUnexpectedMessage(Target t) throws Exception {
        byte[] answer = exchange(t, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).containsExactly(alert(AlertDescription.UNEXPECTED_MESSAGE));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void ssl2HelloGetsProtocolVersion(Target t) throws Exception {
        assertThat(exchange(t, SSL2_HELLO)).containsExactly(alert(AlertDescription.PROTOCOL_VERSION));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void emptyAlertRecordGetsDecodeError(Target t) throws Exception {
        assertThat(exchange(t, new byte[] {21, 3, 3, 0, 0})).containsExactly(alert(AlertDescription.DECODE_ERROR));
    }

    /**
     * A ClientHello with legacy_version 0x0200 (TLS 1.3 still in supported_versions): the server's handshake
     * work (a delegated task under the JDK server) fails, and the alert still goes out before the close.
     */
    @ParameterizedTest
    @EnumSource(Target.class)
    void clientHelloBelowSsl3GetsProtocolVersion(Target t) throws Exception {
        ClientConnection client = ClientConnection.start(ClientConfig.builder()
                .verifier(Pki.trusting(certs.resolve("ca.pem"))).build(), "localhost");
        ByteBuffer hello = ByteBuffer.allocate(16 * 1024);
        client.drainOutput(hello);
        byte[] record = java.util.Arrays.copyOf(hello.array(), hello.position());
        record[9] = 0x02; // record header (5), handshake header (4), then legacy_version
        record[10] = 0x00;
        assertThat(exchange(t, record)).containsExactly(alert(AlertDescription.PROTOCOL_VERSION));
    }

    /**
     * A flood after the bad record leaves bytes unread at the server when it gives up. The gateway (tlsj's
     * sockets) half-closes and drains them, so the end is orderly. The JDK's HttpServer under {@code tlsj
     * server} closes its channel itself, without draining, so the kernel may follow the alert with a reset:
     * the alert must still come first, whole.
     */
    @ParameterizedTest
    @EnumSource(Target.class)
    void badRecordFollowedByMoreBytesStillGetsTheAlertFirst(Target t) throws Exception {
        byte[] bad = new byte[256 * 1024];
        bad[0] = 'G';
        Answer answer = exchangeAllowingReset(t, bad);
        assertThat(answer.bytes()).containsExactly(alert(AlertDescription.UNEXPECTED_MESSAGE));
        if (t == Target.GATEWAY) {
            assertThat(answer.reset()).as("the gateway ends the stream in order").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void tamperedRecordAfterTheHandshakeGetsBadRecordMac(Target t) throws Exception {
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            try (Connected c = Connected.to(port(t), v)) {
                c.connection.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)));
                byte[] record = c.drain();
                record[record.length - 1] ^= 1;
                c.out.write(record);
                assertThat(c.peerAlert()).as("%s", v).isEqualTo(AlertDescription.BAD_RECORD_MAC);
            }
        }
    }

    /** A TLS 1.3 handshake message of unknown type after the handshake: unexpected_message, on the wire. */
    @ParameterizedTest
    @EnumSource(Target.class)
    void unknownHandshakeMessageAfterTheHandshakeGetsUnexpectedMessage(Target t) throws Exception {
        try (Connected c = Connected.to(port(t), ProtocolVersion.TLS13)) {
            RecordSealer sealer = RecordSealer.of(c.connection.session().orElseThrow().cipherSuite(),
                    c.keys.secret("CLIENT_TRAFFIC_SECRET_0"));
            c.out.write(sealer.seal(22, new byte[] {99, 0, 0, 0}));
            assertThat(c.peerAlert()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
        }
    }

    private static byte[] alert(AlertDescription d) {
        return new byte[] {21, 3, 3, 0, 2, 2, (byte) d.code()};
    }

    /** Sends {@code bytes} on a fresh connection and returns everything read until the server's end of stream. */
    private static byte[] exchange(Target t, byte[] bytes) throws IOException {
        Answer a = exchangeAllowingReset(t, bytes);
        assertThat(a.reset()).as("the server reset the connection after sending %d bytes", a.bytes().length).isFalse();
        return a.bytes();
    }

    /** What a server sent before its end of stream, and whether that end was a reset. */
    private record Answer(byte[] bytes, boolean reset) {
    }

    private static Answer exchangeAllowingReset(Target t, byte[] bytes) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port(t))) {
            s.setSoTimeout(20_000);
            try {
                s.getOutputStream().write(bytes);
            } catch (IOException e) {
                // The server may refuse before all of a large write is taken; what it sent back is what counts.
            }
            return readUntilEnd(s.getInputStream());
        }
    }

    private static Answer readUntilEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            return new Answer(got.toByteArray(), true);
        }
        return new Answer(got.toByteArray(), false);
    }

    /** Reads until end of stream; a reset fails the test (the peer could have lost the alert). */
    private static byte[] readToEnd(InputStream in) throws IOException {
        Answer a = readUntilEnd(in);
        assertThat(a.reset()).as("the server reset the connection after sending %d bytes", a.bytes().length).isFalse();
        return a.bytes();
    }

    /** A tlsj client connection driven by hand over a socket, handshake done. */
    private static final class Connected implements AutoCloseable {
        final Socket socket;
        final ClientConnection connection;
        final KeyCapture keys;
        final OutputStream out;

        private Connected(Socket socket, ClientConnection connection, KeyCapture keys) throws IOException {
            this.socket = socket;
            this.connection = connection;
            this.keys = keys;
            this.out = socket.getOutputStream();
        }

        static Connected to(int port, ProtocolVersion version) throws IOException {
            KeyCapture keys = new KeyCapture();
            ClientConfig config = ClientConfig.builder().verifier(Pki.trusting(certs.resolve("ca.pem")))
                    .versions(List.of(version)).keyLog(keys).build();
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(20_000);
            Connected c = new Connected(s, ClientConnection.start(config, "localhost"), keys);
            byte[] buf = new byte[16 * 1024];
            while (!c.connection.isHandshakeComplete()) {
                c.out.write(c.drain());
                int n = s.getInputStream().read(buf);
                if (n < 0) {
                    throw new IOException("the server closed during the handshake");
                }
                c.connection.feed(ByteBuffer.wrap(buf, 0, n));
            }
            c.out.write(c.drain());
            return c;
        }

        byte[] drain() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(32 * 1024);
            while (connection.hasPendingOutput()) {
                chunk.clear();
                connection.drainOutput(chunk);
                b.write(chunk.array(), 0, chunk.position());
            }
            return b.toByteArray();
        }

        /** Reads to the end of stream and feeds it all: the alert the server sent, as our client reads it. */
        AlertDescription peerAlert() throws IOException {
            byte[] rest = readToEnd(socket.getInputStream());
            TlsException e = null;
            try {
                connection.feed(ByteBuffer.wrap(rest));
            } catch (TlsException x) {
                e = x;
            }
            assertThat(e).as("the server's answer (%d bytes) ends in an alert", rest.length)
                    .isInstanceOf(TlsPeerAlertException.class);
            return ((TlsPeerAlertException) e).description().orElseThrow();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
