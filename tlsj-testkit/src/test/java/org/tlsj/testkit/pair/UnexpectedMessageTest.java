package org.tlsj.testkit.pair;

import static org.tlsj.testkit.pair.Alerts.assertFatal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConnection;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateEntry;
import org.tlsj.internal.message.CertificateRequest13;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.SignatureScheme;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPki;

/**
 * The transition tables' last arm: every message that is not legal in the first state of each side is
 * unexpected_message (RFC 8446 section 6.2), so no message can be skipped.
 */
class UnexpectedMessageTest {
    private static final TestPki PKI = TestPki.create();
    private static final Bytes RANDOM = Bytes.wrap(new byte[32]);
    private static final Bytes DATA = Bytes.wrap(new byte[] {1, 2, 3});

    static Stream<HandshakeMessage> notServerHello() {
        return Stream.of(new EncryptedExtensions(Extensions.of()), new CertificateRequest13(Bytes.EMPTY, Extensions.of()),
                new Certificate13(Bytes.EMPTY, List.of(new CertificateEntry(DATA, Extensions.of()))),
                new CertificateVerify(SignatureScheme.ED25519, DATA), new Finished(Bytes.wrap(new byte[32])),
                new NewSessionTicket13(60, 1, DATA, DATA, Extensions.of()), new KeyUpdate(false), clientHello());
    }

    static Stream<HandshakeMessage> notClientHello() {
        return Stream.of(new ServerHello(ProtocolVersion.TLS12, RANDOM, Bytes.EMPTY, CipherSuite.TLS_AES_128_GCM_SHA256, 0,
                        Extensions.of()), new EncryptedExtensions(Extensions.of()),
                new Certificate13(Bytes.EMPTY, List.of(new CertificateEntry(DATA, Extensions.of()))),
                new CertificateVerify(SignatureScheme.ED25519, DATA), new Finished(Bytes.wrap(new byte[32])),
                new KeyUpdate(true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notServerHello")
    void clientWaitingForServerHelloRejects(HandshakeMessage m) {
        ClientConnection client = ClientConnection.start(PKI.client().build(), "localhost");
        assertFatal(feed(client, m), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notClientHello")
    void serverWaitingForClientHelloRejects(HandshakeMessage m) {
        ServerConnection server = ServerConnection.accept(TestPki.server(PKI.server(KeyType.EC_P256)).build());
        assertFatal(feed(server, m), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE);
    }

    private static ClientHello clientHello() {
        return new ClientHello(ProtocolVersion.TLS12, RANDOM, Bytes.EMPTY, List.of(CipherSuite.TLS_AES_128_GCM_SHA256),
                Bytes.wrap(new byte[] {0}), Extensions.of());
    }

    private static Optional<TlsException> feed(TlsConnection c, HandshakeMessage m) {
        byte[] body = HandshakeCodec.encode(m).toArray();
        ByteBuffer record = ByteBuffer.allocate(5 + body.length).put((byte) 22).put((byte) 3).put((byte) 3)
                .putShort((short) body.length).put(body).flip();
        try {
            c.feed(record);
        } catch (TlsException e) {
            return Optional.of(e);
        }
        return Optional.empty();
    }
}
