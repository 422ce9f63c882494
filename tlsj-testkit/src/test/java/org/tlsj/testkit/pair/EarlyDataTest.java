package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConnection;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.EarlyDataExt;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** RFC 8446 section 4.2.10: a server that rejects 0-RTT skips the early records it cannot open, up to a bound. */
class EarlyDataTest {
    private final TestPki pki = TestPki.create();

    @Test
    void rejectedEarlyDataIsSkippedAndTheHandshakeGoesOn() throws Exception {
        ServerConnection server = ServerConnection.accept(TestPki.server(pki.server(KeyType.EC_P256)).build());
        server.feed(ByteBuffer.wrap(helloOfferingEarlyData()));
        for (int i = 0; i < 3; i++) {
            server.feed(ByteBuffer.wrap(earlyDataRecord(1000)));
        }
        assertThat(server.status()).isEqualTo(ConnectionStatus.HANDSHAKING);
        assertThat(TestPair.drain(server)).isNotEmpty(); // ServerHello .. Finished
    }

    @Test
    void aFullSizeEarlyDataRecordAfterHelloRetryRequestIsSkipped() throws Exception {
        // After our HelloRetryRequest 0-RTT records come unprotected-looking but are ciphertext: up to 2^14 + 256.
        ServerConnection server = ServerConnection.accept(TestPki.server(pki.server(KeyType.EC_P256))
                .groups(java.util.List.of(org.tlsj.NamedGroup.SECP384R1)).build());
        server.feed(ByteBuffer.wrap(helloOfferingEarlyData()));
        assertThat(TestPair.drain(server)).isNotEmpty(); // HelloRetryRequest
        server.feed(ByteBuffer.wrap(earlyDataRecord((1 << 14) + 17)));
        assertThat(server.failure()).isEmpty();
        assertThat(server.status()).isEqualTo(ConnectionStatus.HANDSHAKING);
    }

    @Test
    void earlyDataBeyondTheBoundIsBadRecordMac() throws Exception {
        ServerConnection server = ServerConnection.accept(TestPki.server(pki.server(KeyType.EC_P256)).build());
        byte[] hello = helloOfferingEarlyData();
        TlsException failure = null;
        try {
            server.feed(ByteBuffer.wrap(hello));
            for (int i = 0; i < 10; i++) {
                server.feed(ByteBuffer.wrap(earlyDataRecord(16000)));
            }
        } catch (TlsException e) {
            failure = e;
        }
        assertFatal(java.util.Optional.ofNullable(failure), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC);
    }

    private byte[] helloOfferingEarlyData() throws TlsException {
        ClientConnection client = ClientConnection.start(pki.client().build(), "localhost");
        byte[] record = TestPair.drain(client);
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Bytes.of(record, 5, record.length - 5));
        ClientHello withEarly = ch.withExtensions(ch.extensions().with(EarlyDataExt.EMPTY));
        byte[] body = HandshakeCodec.encode(withEarly).toArray();
        return ByteBuffer.allocate(5 + body.length).put((byte) 22).put((byte) 3).put((byte) 1)
                .putShort((short) body.length).put(body).array();
    }

    private static byte[] earlyDataRecord(int length) {
        byte[] r = new byte[5 + length];
        Arrays.fill(r, (byte) 0x42);
        r[0] = 23;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (length >> 8);
        r[4] = (byte) length;
        return r;
    }
}
