package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.message.Samples.assertAlert;
import static org.tlsj.internal.message.Samples.assertFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** Framing and per-message rules of the handshake codec. */
class HandshakeCodecTest {
    @Test
    void encodesTheFourByteHeader() {
        Bytes wire = HandshakeCodec.encode(new KeyUpdate(true));

        assertThat(wire).isEqualTo(Bytes.fromHex("1800000101"));
    }

    @Test
    void rejectsTrailingByteAfterTheMessage() {
        Bytes wire = HandshakeCodec.encode(Samples.clientHello()).concat(Bytes.fromHex("00"));

        assertFails(wire, Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void rejectsTrailingByteInsideTheBody() {
        Bytes body = bodyOf(HandshakeCodec.encode(Samples.clientHello())).concat(Bytes.fromHex("00"));

        assertFails(Samples.message(HandshakeType.CLIENT_HELLO, w -> w.bytes(body)),
                Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void rejectsLengthFieldLongerThanTheMessage() {
        Bytes wire = HandshakeCodec.encode(new KeyUpdate(false));
        Bytes truncated = wire.slice(0, wire.length() - 1);

        assertFails(truncated, Reason.InvalidMessage.TRUNCATED);
    }

    @Test
    void rejectsInnerLengthRunningPastTheBody() {
        // CertificateVerify whose signature length says 5 but carries 2 bytes.
        assertFails(Samples.message(HandshakeType.CERTIFICATE_VERIFY, "0804 0005 aabb"),
                Reason.InvalidMessage.TRUNCATED);
    }

    @Test
    void rejectsEmptyCipherSuiteList() {
        Bytes wire = Samples.message(HandshakeType.CLIENT_HELLO, w -> w.u16(0x0303).bytes(Samples.RANDOM).u8(0)
                .u16(0).u8(1).u8(0).u16(0));

        assertFails(wire, Reason.InvalidMessage.EMPTY_LIST);
    }

    @Test
    void rejectsOddCipherSuiteListLength() {
        Bytes wire = Samples.message(HandshakeType.CLIENT_HELLO, w -> w.u16(0x0303).bytes(Samples.RANDOM).u8(0)
                .u16(3).u16(0x1301).u8(0x13).u8(1).u8(0).u16(0));

        assertAlert(wire, AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsEmptyCompressionMethods() {
        Bytes wire = Samples.message(HandshakeType.CLIENT_HELLO, w -> w.u16(0x0303).bytes(Samples.RANDOM).u8(0)
                .u16(2).u16(0x1301).u8(0).u16(0));

        assertAlert(wire, AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsSessionIdLongerThan32Bytes() {
        Bytes wire = Samples.message(HandshakeType.CLIENT_HELLO, w -> w.u16(0x0303).bytes(Samples.RANDOM)
                .u8Bytes(Bytes.wrap(new byte[33])).u16(2).u16(0x1301).u8(1).u8(0).u16(0));

        assertAlert(wire, AlertDescription.DECODE_ERROR);
    }

    @Test
    void decodesLegacyClientHelloWithoutExtensionBlock() throws TlsFatalAlertException {
        Bytes wire = Samples.message(HandshakeType.CLIENT_HELLO, w -> w.u16(0x0303).bytes(Samples.RANDOM).u8(0)
                .u16(2).u16(0x002f).u8(1).u8(0));

        ClientHello ch = (ClientHello) HandshakeCodec.decode(wire);

        assertThat(ch.extensions().isEmpty()).isTrue();
        assertThat(ch.cipherSuites()).containsExactly(new CipherSuite(0x002f));
    }

    @Test
    void rejectsKeyUpdateValueTwo() {
        assertFails(Samples.message(HandshakeType.KEY_UPDATE, "02"), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void decodesKeyUpdateValuesZeroAndOne() throws TlsFatalAlertException {
        assertThat(HandshakeCodec.decode(Samples.message(HandshakeType.KEY_UPDATE, "00"))).isEqualTo(new KeyUpdate(false));
        assertThat(HandshakeCodec.decode(Samples.message(HandshakeType.KEY_UPDATE, "01"))).isEqualTo(new KeyUpdate(true));
    }

    @Test
    void rejectsEndOfEarlyDataWithABody() {
        assertFails(Samples.message(HandshakeType.END_OF_EARLY_DATA, "00"), Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void rejectsUnknownHandshakeType() {
        assertFails(Bytes.fromHex("63000000"), Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
    }

    @Test
    void rejectsTls12OnlyAndSyntheticTypes() {
        for (HandshakeType t : List.of(HandshakeType.SERVER_KEY_EXCHANGE, HandshakeType.SERVER_HELLO_DONE,
                HandshakeType.CLIENT_KEY_EXCHANGE, HandshakeType.MESSAGE_HASH)) {
            TlsFatalAlertException e = assertFails(Samples.message(t, ""), Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
            assertThat(e.sent()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
            assertThat(e.getMessage()).contains(t.toString());
        }
    }

    @Test
    void decodesServerHelloWithTheSpecialRandomAsHelloRetryRequest() throws TlsFatalAlertException {
        // supported_versions = TLS 1.3, key_share selected_group = secp256r1: two bytes, the HRR form.
        Bytes withKeyShare = Samples.message(HandshakeType.SERVER_HELLO, w -> {
            w.u16(0x0303).bytes(HelloRetryRequest.RANDOM).u8(0).u16(0x1301).u8(0);
            w.u16Prefixed(b -> b.u16(43).u16(2).u16(0x0304).u16(51).u16(2).u16(0x0017));
        });

        HandshakeMessage m = HandshakeCodec.decode(withKeyShare);

        assertThat(m).isEqualTo(HelloRetryRequest.of(Bytes.EMPTY, CipherSuite.TLS_AES_128_GCM_SHA256,
                Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                        new KeyShareHrrExt(NamedGroup.SECP256R1))));
        assertThat(m.type()).isEqualTo(HandshakeType.SERVER_HELLO);
        assertThat(HandshakeCodec.encode(m)).isEqualTo(withKeyShare);
    }

    @Test
    void encodesHelloRetryRequestWithTheSpecialRandom() {
        HelloRetryRequest hrr = HelloRetryRequest.of(Bytes.fromHex("01"), CipherSuite.TLS_AES_256_GCM_SHA384,
                Extensions.of(new KeyShareHrrExt(NamedGroup.X25519)));

        Bytes wire = HandshakeCodec.encode(hrr);

        assertThat(wire.get(0)).isEqualTo(2);
        assertThat(wire.slice(6, 38)).isEqualTo(HelloRetryRequest.RANDOM);
        assertThat(HelloRetryRequest.RANDOM.hex())
                .isEqualTo("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    }

    @Test
    void helloRetryRequestRandomIsSha256OfHelloRetryRequest() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("HelloRetryRequest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(HelloRetryRequest.RANDOM).isEqualTo(Bytes.wrap(digest));
    }

    @Test
    void rejectsEmptyTicketInNewSessionTicket() {
        assertAlert(Samples.message(HandshakeType.NEW_SESSION_TICKET, "0000001e 00000001 00 0000 0000"),
                AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsEmptyCertificateData() {
        assertAlert(Samples.message(HandshakeType.CERTIFICATE, "00 000005 000000 0000"),
                AlertDescription.DECODE_ERROR);
    }

    @Test
    void decodesEmptyCertificateListOfAClientWithoutCertificate() throws TlsFatalAlertException {
        assertThat(HandshakeCodec.decode(Samples.message(HandshakeType.CERTIFICATE, "00 000000")))
                .isEqualTo(new Certificate13(Bytes.EMPTY, List.of()));
    }

    @Test
    void printsFinishedWithoutItsVerifyData() {
        Finished f = Finished.of(Bytes.fromHex("9b9b141d906337fbd2cbdce71df4deda"));

        assertThat(f.toString()).isEqualTo("Finished[verifyData=(16 bytes)]").doesNotContain("9b9b");
    }

    @Test
    void withMethodsChangeOneField() {
        ClientHello ch = Samples.clientHello();
        ClientHello changed = ch.withCipherSuites(List.of(CipherSuite.TLS_AES_256_GCM_SHA384));

        assertThat(changed.cipherSuites()).containsExactly(CipherSuite.TLS_AES_256_GCM_SHA384);
        assertThat(changed.withCipherSuites(ch.cipherSuites())).isEqualTo(ch);
        assertThat(ch.withRandom(HelloRetryRequest.RANDOM).random()).isEqualTo(HelloRetryRequest.RANDOM);
    }

    private static Bytes bodyOf(Bytes message) {
        return message.slice(4, message.length());
    }
}
