package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.testkit.pair.Alerts.assertFatal;
import static org.tlsj.testkit.pair.Alerts.assertPeerAlert;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConnection;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** Peers that break the protocol get the exact alert; errors are sticky and only one alert is sent. */
class ProtocolViolationTest {
    /** Offset of the cipher suite in the server's first record (compatibility mode: 32-byte session id). */
    private static final int SUITE_OFFSET = 5 + 4 + 2 + 32 + 1 + 32;
    private final TestPki pki = TestPki.create();

    private TestPair pair() {
        return TestPair.of(pki.client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
                        .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).keyShareGroups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost");
    }

    @Test
    void tamperedRecordIsBadRecordMac() throws Exception {
        TestPair pair = pair().handshake();
        pair.tamperToServer(b -> {
            b[b.length - 1] ^= 1;
            return b;
        });
        pair.clientSends("hello");
        assertFatal(pair.serverFailure(), AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC);
        assertPeerAlert(pair.clientFailure(), AlertDescription.BAD_RECORD_MAC);
    }

    @Test
    void tamperedFinishedIsDecryptError() {
        TestPair pair = TestPair.of(pki.client().crypto(new WrongFinishedCrypto()).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED);
        assertPeerAlert(pair.clientFailure(), AlertDescription.DECRYPT_ERROR);
    }

    @Test
    void clientRejectsServerHelloWithUnofferedSuite() {
        TestPair pair = pair().tamperToClient(b -> {
            if (b[0] == 22 && b[SUITE_OFFSET] == 0x13) {
                b[SUITE_OFFSET + 1] = 0x02; // TLS_AES_256_GCM_SHA384, not offered
            }
            return b;
        }).run();
        assertFatal(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE);
    }

    @Test
    void clientRejectsTls13ServerHelloNamingATls12Suite() {
        TestPair pair = TestPair.of(pki.client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
                                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
                        .groups(List.of(NamedGroup.X25519)).keyShareGroups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").tamperToClient(b -> {
                    if (b[0] == 22 && b[SUITE_OFFSET] == 0x13 && b[SUITE_OFFSET + 1] == 0x01) {
                        b[SUITE_OFFSET] = (byte) 0xC0; // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: offered, but TLS 1.2
                        b[SUITE_OFFSET + 1] = 0x2B;
                    }
                    return b;
                }).run();
        assertFatal(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE);
    }

    @Test
    void serverListingTls12SuitesFirstStillPicksATls13SuiteForTls13() throws Exception {
        List<CipherSuite> tls12First = new java.util.ArrayList<>(CipherSuite.TLS12_DEFAULTS);
        tls12First.addAll(CipherSuite.TLS13_DEFAULTS);
        TestPair pair = TestPair.of(pki.client().build(),
                TestPki.server(pki.server(KeyType.EC_P256)).cipherSuites(tls12First).build(), "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS13);
        assertThat(pair.client().session().orElseThrow().cipherSuite().version()).contains(ProtocolVersion.TLS13);
        assertThat(pair.server().session().orElseThrow().cipherSuite())
                .isEqualTo(pair.client().session().orElseThrow().cipherSuite());
    }

    @Test
    void clientRejectsServerHelloWithGroupItSentNoShareFor() {
        int groupOffset = SUITE_OFFSET + 2 + 1 + 2 + 4; // suite, compression, extensions length, key_share header
        TestPair pair = pair().tamperToClient(b -> {
            if (b[0] == 22 && b[groupOffset] == 0x00 && b[groupOffset + 1] == 0x1d) {
                b[groupOffset + 1] = 0x17; // secp256r1: offered, but no share was sent
            }
            return b;
        }).run();
        assertFatal(pair.clientFailure(), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SELECTED_UNOFFERED_GROUP);
    }

    @Test
    void clientRejectsHelloRetryRequestThatChangesNothing() throws Exception {
        Started c = start();
        TlsException e = feedExpectingFailure(c.client, hrr(c.hello, Extensions.of(
                new SupportedVersionsServerExt(ProtocolVersion.TLS13))));
        assertFatal(Optional.of(e), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.HRR_WITHOUT_CHANGE);
    }

    @Test
    void clientRejectsHelloRetryRequestForAGroupItAlreadySent() throws Exception {
        Started c = start();
        TlsException e = feedExpectingFailure(c.client, hrr(c.hello, Extensions.of(
                new SupportedVersionsServerExt(ProtocolVersion.TLS13), new KeyShareHrrExt(NamedGroup.X25519))));
        assertFatal(Optional.of(e), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.HRR_FOR_OFFERED_SHARE);
    }

    @Test
    void clientRejectsASecondHelloRetryRequest() throws Exception {
        Started c = start();
        byte[] first = hrr(c.hello, Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                new KeyShareHrrExt(NamedGroup.SECP256R1)));
        c.client.feed(ByteBuffer.wrap(first));
        TestPair.drain(c.client);
        TlsException e = feedExpectingFailure(c.client, first);
        assertFatal(Optional.of(e), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.SECOND_HRR);
    }

    @Test
    void errorsAreStickyAndExactlyOneAlertIsSent() throws Exception {
        Started c = start();
        TlsException e = feedExpectingFailure(c.client, hrr(c.hello, Extensions.of(
                new SupportedVersionsServerExt(ProtocolVersion.TLS13))));
        byte[] out = TestPair.drain(c.client);
        assertThat(out).containsExactly(21, 3, 3, 0, 2, 2, AlertDescription.ILLEGAL_PARAMETER.code());
        assertThatThrownBy(() -> c.client.feed(ByteBuffer.wrap(new byte[] {22, 3, 3, 0, 1, 1}))).isSameAs(e);
        assertThatThrownBy(() -> c.client.write(ByteBuffer.wrap(new byte[] {1}))).isSameAs(e);
        assertThat(TestPair.drain(c.client)).isEmpty();
    }

    private record Started(ClientConnection client, ClientHello hello) {
    }

    private Started start() throws Exception {
        ClientConnection client = ClientConnection.start(pki.client().groups(List.of(NamedGroup.X25519,
                NamedGroup.SECP256R1)).keyShareGroups(List.of(NamedGroup.X25519)).build(), "localhost");
        byte[] record = TestPair.drain(client);
        ClientHello hello = (ClientHello) HandshakeCodec.decode(Bytes.of(record, 5, record.length - 5));
        return new Started(client, hello);
    }

    private static byte[] hrr(ClientHello hello, Extensions extensions) {
        return plaintextRecord(new HelloRetryRequest(ProtocolVersion.TLS12, hello.legacySessionId(),
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, extensions));
    }

    private static byte[] plaintextRecord(HandshakeMessage m) {
        byte[] body = HandshakeCodec.encode(m).toArray();
        byte[] r = new byte[5 + body.length];
        r[0] = 22;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (body.length >> 8);
        r[4] = (byte) body.length;
        System.arraycopy(body, 0, r, 5, body.length);
        return r;
    }

    private static TlsException feedExpectingFailure(ClientConnection client, byte[] record) {
        try {
            client.feed(ByteBuffer.wrap(record));
        } catch (TlsException e) {
            return e;
        }
        throw new AssertionError("the client accepted the record");
    }
}
