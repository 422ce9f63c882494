package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.client;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.server;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.TlsPeerAlertException;

/**
 * What a TLSJ engine tells its peer when it fails: the failing unwrap throws, and the next wrap returns the
 * alert record (status CLOSED once it is out), the way SSLEngine callers such as the JDK's HttpsServer flush
 * it before closing. Also the first bytes that cannot start a TLS record (an SSL 2.0 hello, plain text) are
 * refused on arrival instead of waiting for a header, and 2^14-byte records pass in both versions.
 */
class EngineAlertsTest {
    private static final JssePki PKI = new JssePki();
    private static final int NET = TlsjSession.PACKET_BUFFER_SIZE;
    private static final int APP = TlsjSession.APPLICATION_BUFFER_SIZE;

    /** The first byte of an SSL 2.0 ClientHello (0x80 0x2e 0x01 0x03 0x01 ...): protocol_version at once. */
    @ParameterizedTest(name = "first byte 0x{0}")
    @ValueSource(ints = {0x80, 'G'})
    void serverRefusesANonTlsFirstByteWithoutWaiting(int first) throws Exception {
        SSLEngine s = server(PKI.tlsjServer("TLS"));
        s.beginHandshake();
        ByteBuffer in = ByteBuffer.wrap(new byte[] {(byte) first});
        assertThatThrownBy(() -> s.unwrap(in, ByteBuffer.allocate(APP))).isInstanceOf(SSLException.class);
        AlertDescription expected = first == 0x80 ? AlertDescription.PROTOCOL_VERSION : AlertDescription.UNEXPECTED_MESSAGE;
        ByteBuffer out = ByteBuffer.allocate(NET);
        SSLEngineResult r = s.wrap(ByteBuffer.allocate(0), out);
        assertThat(r.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(bytes(out.flip())).containsExactly(21, 3, 3, 0, 2, 2, expected.code());
        assertThat(s.isOutboundDone()).isTrue();
    }

    /** After the handshake, one flipped ciphertext bit: the server's next wrap carries bad_record_mac to the client. */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void alertAfterAFailedUnwrapReachesThePeer(String protocol) throws Exception {
        EnginePair pair = EnginePair.connect(PKI.tlsjClient("TLS", false), PKI.tlsjServer("TLS"), protocol, e -> { });
        ByteBuffer record = ByteBuffer.allocate(NET);
        pair.client.engine.wrap(ByteBuffer.wrap(new byte[] {'h', 'i'}), record);
        record.flip();
        record.put(record.limit() - 1, (byte) (record.get(record.limit() - 1) ^ 1));
        SSLEngine s = pair.server.engine;
        assertThatThrownBy(() -> s.unwrap(record, ByteBuffer.allocate(APP))).isInstanceOf(SSLException.class);
        assertThat(s.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        ByteBuffer alert = ByteBuffer.allocate(NET);
        SSLEngineResult r = s.wrap(ByteBuffer.allocate(0), alert);
        assertThat(r.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(r.bytesProduced()).isPositive();
        alert.flip();
        assertThatThrownBy(() -> pair.client.engine.unwrap(alert, ByteBuffer.allocate(APP)))
                .isInstanceOf(SSLException.class)
                .cause().isInstanceOfSatisfying(TlsPeerAlertException.class,
                        e -> assertThat(e.description()).contains(AlertDescription.BAD_RECORD_MAC));
    }

    /** A record of exactly 2^14 bytes of data is one record, and unwraps into a buffer of exactly 2^14 bytes. */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void recordOf2To14BytesPassesWhole(String protocol) throws Exception {
        EnginePair pair = EnginePair.connect(PKI.tlsjClient("TLS", false), PKI.tlsjServer("TLS"), protocol, e -> { });
        byte[] data = new byte[1 << 14];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ByteBuffer record = ByteBuffer.allocate(NET);
        SSLEngineResult w = pair.client.engine.wrap(ByteBuffer.wrap(data), record);
        assertThat(w.bytesConsumed()).isEqualTo(data.length);
        record.flip();
        ByteBuffer app = ByteBuffer.allocate(1 << 14);
        SSLEngineResult r = pair.server.engine.unwrap(record, app);
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.bytesConsumed()).isEqualTo(w.bytesProduced());
        assertThat(bytes(app.flip())).isEqualTo(data);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }
}
