package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.message.Samples.assertFails;
import static org.tlsj.internal.message.Samples.clientHelloWithRawExtensions;
import static org.tlsj.internal.message.Samples.ext;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The TLS 1.2 extensions (RFC 7627, RFC 5746, RFC 8422, RFC 5077): parsed in a ClientHello and a TLS 1.2
 * ServerHello, left raw (and so unsolicited to the TLS 1.3 flows) in every TLS 1.3 message.
 */
class Tls12ExtensionsTest {
    private static Bytes serverHello(Bytes... extensions) {
        return Samples.message(HandshakeType.SERVER_HELLO, w -> {
            w.u16(0x0303).bytes(Samples.RANDOM).u8(0).u16(0xc02f).u8(0);
            w.u16Prefixed(b -> {
                for (Bytes e : extensions) {
                    b.bytes(e);
                }
            });
        });
    }

    @Test
    void tls12ExtensionsRoundTripTheirGoldenBytesInAClientHello() throws TlsFatalAlertException {
        ClientHello ch = Samples.clientHello().withExtensions(Extensions.of(new ExtendedMasterSecretExt(),
                new RenegotiationInfoExt(Bytes.fromHex("0102")), EcPointFormatsExt.UNCOMPRESSED_ONLY,
                new SessionTicketExt(Bytes.fromHex("aabbcc"))));
        Bytes wire = HandshakeCodec.encode(ch);

        // 0017 0000 | ff01 0003 02 0102 | 000b 0002 01 00 | 0023 0003 aabbcc
        assertThat(wire.hex()).endsWith("0018" + "00170000" + "ff010003020102" + "000b00020100" + "00230003aabbcc");
        assertThat(HandshakeCodec.decode(wire)).isEqualTo(ch);
        assertThat(HandshakeCodec.decode12(wire)).isEqualTo(ch);
        assertThat(ch.extensions().toString())
                .contains("extended_master_secret", "renegotiation_info=0102", "ec_point_formats=[uncompressed]",
                        "session_ticket=(3 bytes)");
    }

    @Test
    void tls12ServerHelloParsesItsExtensionsAndAcknowledgements() throws TlsFatalAlertException {
        Bytes wire = serverHello(ext(0, ""), ext(16, "0003 026832"), ext(23, ""), ext(0xff01, "00"),
                ext(11, "0100"), ext(35, ""), ext(28, "4000"));

        ServerHello sh = (ServerHello) HandshakeCodec.decode12(wire);

        assertThat(sh.isTls13()).isFalse();
        assertThat(sh.extensions().list()).containsExactly(ServerNameExt.ACKNOWLEDGED, AlpnExt.of("h2"),
                new ExtendedMasterSecretExt(), RenegotiationInfoExt.INITIAL, EcPointFormatsExt.UNCOMPRESSED_ONLY,
                SessionTicketExt.EMPTY, new RecordSizeLimitExt(0x4000));
        assertThat(HandshakeCodec.decode(wire)).isEqualTo(sh);
        assertThat(HandshakeCodec.encode(sh)).isEqualTo(wire);
    }

    @Test
    void tls12ServerHelloKeepsTls13ExtensionsRawForTheFlowToRefuse() throws TlsFatalAlertException {
        Bytes wire = serverHello(ext(51, "001d 0001 01"), ext(10, "0002 001d"));

        ServerHello sh = (ServerHello) HandshakeCodec.decode12(wire);

        assertThat(sh.extensions().list()).containsExactly(new UnknownExt(ExtensionType.KEY_SHARE,
                Bytes.fromHex("001d000101")), new UnknownExt(ExtensionType.SUPPORTED_GROUPS, Bytes.fromHex("0002001d")));
    }

    @Test
    void tls12ServerHelloStillRefusesDuplicatesAndTwoAlpnNames() {
        assertFails(serverHello(ext(23, ""), ext(23, "")), Reason.InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO);
        assertFails(serverHello(ext(16, "0006 026832 026833")), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void isTls13OnlyWhenSupportedVersionsSelectsTls13() throws TlsFatalAlertException {
        ServerHello tls13 = (ServerHello) HandshakeCodec.decode(serverHello(ext(43, "0304")));
        ServerHello tls12ByExtension = (ServerHello) HandshakeCodec.decode(serverHello(ext(43, "0303")));

        assertThat(tls13.isTls13()).isTrue();
        assertThat(tls12ByExtension.isTls13()).isFalse();
        assertThat(ServerHello.of(Samples.RANDOM, Bytes.EMPTY, tls13.cipherSuite(), Extensions.EMPTY).isTls13())
                .isFalse();
        assertThat(tls13.withExtensions(Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13)))
                .isTls13()).isTrue();
    }

    @Test
    void tls13ServerHelloLeavesTls12ExtensionsRawAndUnsolicited() throws TlsFatalAlertException {
        ServerHello sh = (ServerHello) HandshakeCodec.decode(serverHello(ext(43, "0304"), ext(23, ""),
                ext(0xff01, "00")));

        assertThat(sh.extensions().list().subList(1, 3)).allMatch(e -> e instanceof UnknownExt);
    }

    @Test
    void tls13MessagesLeaveTls12ExtensionsRaw() throws TlsFatalAlertException {
        Bytes ee = Samples.message(HandshakeType.ENCRYPTED_EXTENSIONS,
                w -> w.u16Prefixed(b -> b.bytes(ext(23, "")).bytes(ext(11, "0100")).bytes(ext(35, "aa"))));

        EncryptedExtensions decoded = (EncryptedExtensions) HandshakeCodec.decode(ee);

        assertThat(decoded.extensions().list()).allMatch(e -> e instanceof UnknownExt);
    }

    @Test
    void extendedMasterSecretMustBeEmpty() {
        assertFails(clientHelloWithRawExtensions(ext(23, "00")), Reason.InvalidMessage.TRAILING_DATA);
        assertFails(serverHello(ext(23, "00")), Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void renegotiationInfoMustMatchItsInnerLength() {
        assertFails(clientHelloWithRawExtensions(ext(0xff01, "")), Reason.InvalidMessage.TRUNCATED);
        assertFails(clientHelloWithRawExtensions(ext(0xff01, "02aa")), Reason.InvalidMessage.TRUNCATED);
        assertFails(clientHelloWithRawExtensions(ext(0xff01, "0001")), Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void ecPointFormatsMustNotBeEmpty() {
        assertFails(clientHelloWithRawExtensions(ext(11, "00")), Reason.InvalidMessage.EMPTY_LIST);
        assertFails(clientHelloWithRawExtensions(ext(11, "0100 00")), Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void sessionTicketKeepsAnyBodyAsTheTicket() throws TlsFatalAlertException {
        ClientHello ch = (ClientHello) HandshakeCodec.decode(clientHelloWithRawExtensions(ext(35, "00ff01")));

        assertThat(ch.extensions().find(SessionTicketExt.class)).contains(new SessionTicketExt(Bytes.fromHex("00ff01")));
        assertThat(new SessionTicketExt(Bytes.fromHex("00ff01")).toString()).doesNotContain("ff");
        assertThat(new EcPointFormatsExt(List.of(0, 7)).toString()).isEqualTo("ec_point_formats=[uncompressed, 7]");
    }
}
