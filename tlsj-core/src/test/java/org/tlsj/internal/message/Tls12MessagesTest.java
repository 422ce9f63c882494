package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.message.Samples.assertFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The TLS 1.2 messages: golden bytes written by hand from the RFC 5246 / RFC 8422 / RFC 5077 structures,
 * the strictness rules, and how {@link HandshakeCodec#decode12} and {@link HandshakeCodec#decode} differ
 * on the same bytes.
 */
class Tls12MessagesTest {
    private static final String SHARE_HEX = Samples.SHARE.hex();

    private static void assertGolden(HandshakeMessage m, String wireHex) throws TlsFatalAlertException {
        Bytes wire = Bytes.fromHex(wireHex.replace(" ", ""));
        assertThat(HandshakeCodec.encode(m)).isEqualTo(wire);
        assertThat(HandshakeCodec.decode12(wire)).isEqualTo(m);
    }

    private static TlsFatalAlertException assertFails12(String wireHex, Reason reason) {
        Bytes wire = Bytes.fromHex(wireHex.replace(" ", ""));
        return assertFails(() -> HandshakeCodec.decode12(wire), reason);
    }

    @Test
    void serverKeyExchangeEcdheRoundTripsItsGoldenBytes() throws TlsFatalAlertException {
        ServerKeyExchangeEcdhe ske = new ServerKeyExchangeEcdhe(NamedGroup.X25519, Samples.SHARE,
                SignatureScheme.RSA_PSS_RSAE_SHA256, Bytes.fromHex("a1a2a3a4"));

        // curve_type named_curve (03), x25519 (001d), point<1..255>, then rsa_pss_rsae_sha256 and signature<0..2^16-1>.
        assertGolden(ske, "0c00002c 03 001d 20" + SHARE_HEX + " 0804 0004 a1a2a3a4");
        assertThat(ske.params()).isEqualTo(Bytes.fromHex("03001d20" + SHARE_HEX));
        assertThat(ske.toString()).contains("x25519", "rsa_pss_rsae_sha256");
    }

    @Test
    void serverKeyExchangeRefusesExplicitCurvesWithIllegalParameter() {
        TlsFatalAlertException e = assertFails12("0c000009 01 001d 01 04 0804 0000", Reason.InvalidMessage.ILLEGAL_VALUE);

        assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage()).contains("curve type 1");
        assertFails12("0c000009 02 001d 01 04 0804 0000", Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void serverKeyExchangeRejectsEmptyPointTruncatedSignatureAndTrailingByte() {
        assertFails12("0c000008 03 001d 00 0804 0000", Reason.InvalidMessage.LENGTH_OUT_OF_RANGE);
        assertFails12("0c00000a 03 001d 01 04 0804 0002 aa", Reason.InvalidMessage.TRUNCATED);
        assertFails12("0c00000a 03 001d 01 04 0804 0000 00", Reason.InvalidMessage.TRAILING_DATA);
        assertFails12("0c000003 03 001d", Reason.InvalidMessage.TRUNCATED);
    }

    @Test
    void emptyBodiedMessagesRoundTripAndRefuseABody() throws TlsFatalAlertException {
        assertGolden(new ServerHelloDone(), "0e000000");
        assertGolden(new HelloRequest(), "00000000");

        assertFails12("0e000001 00", Reason.InvalidMessage.TRAILING_DATA);
        assertFails12("00000001 00", Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void clientKeyExchangeEcdheFormIsU8PrefixedAndParsesBack() throws TlsFatalAlertException {
        ClientKeyExchange cke = ClientKeyExchange.ecdhe(Samples.SHARE);

        assertGolden(cke, "10000021 20" + SHARE_HEX);
        assertThat(cke.ecdhePoint()).isEqualTo(Samples.SHARE);
    }

    @Test
    void clientKeyExchangeRsaFormIsU16PrefixedAndParsesBack() throws TlsFatalAlertException {
        ClientKeyExchange cke = ClientKeyExchange.rsa(Bytes.fromHex("deadbeef"));

        assertGolden(cke, "10000006 0004 deadbeef");
        assertThat(cke.rsaEncryptedPreMaster()).isEqualTo(Bytes.fromHex("deadbeef"));
    }

    @Test
    void clientKeyExchangeBodyIsParsedStrictlyOnlyWhenAsked() throws TlsFatalAlertException {
        ClientKeyExchange raw = (ClientKeyExchange) HandshakeCodec.decode12(Bytes.fromHex("1000000302aabb"));
        assertThat(raw.body()).isEqualTo(Bytes.fromHex("02aabb"));

        assertFails(() -> new ClientKeyExchange(Bytes.fromHex("02aabbcc")).ecdhePoint(),
                Reason.InvalidMessage.TRAILING_DATA);
        assertFails(() -> new ClientKeyExchange(Bytes.fromHex("03aabb")).ecdhePoint(), Reason.InvalidMessage.TRUNCATED);
        assertFails(() -> new ClientKeyExchange(Bytes.fromHex("00")).ecdhePoint(),
                Reason.InvalidMessage.LENGTH_OUT_OF_RANGE);
        assertFails(() -> new ClientKeyExchange(Bytes.fromHex("0003aabb")).rsaEncryptedPreMaster(),
                Reason.InvalidMessage.TRUNCATED);
        assertFails(() -> new ClientKeyExchange(Bytes.fromHex("0001aabb")).rsaEncryptedPreMaster(),
                Reason.InvalidMessage.TRAILING_DATA);
        // An ECDHE body read as RSA (or the reverse) fails rather than giving a wrong value.
        assertFails(() -> ClientKeyExchange.ecdhe(Samples.SHARE).rsaEncryptedPreMaster(),
                Reason.InvalidMessage.TRUNCATED);
    }

    @Test
    void certificateRequest12RoundTripsItsGoldenBytes() throws TlsFatalAlertException {
        CertificateRequest12 cr = new CertificateRequest12(
                List.of(CertificateRequest12.RSA_SIGN, CertificateRequest12.ECDSA_SIGN),
                List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256),
                List.of(Bytes.fromHex("30023100")));

        assertGolden(cr, "0d000011 02 01 40 0004 0403 0804 0006 0004 30023100");
        assertThat(cr.toString()).contains("rsa_sign", "ecdsa_sign", "ecdsa_secp256r1_sha256");
    }

    @Test
    void certificateRequest12WithoutAuthoritiesDecodes() throws TlsFatalAlertException {
        assertGolden(new CertificateRequest12(List.of(64), List.of(SignatureScheme.ED25519), List.of()),
                "0d000008 01 40 0002 0807 0000");
    }

    @Test
    void certificateRequest12RejectsEmptyListsOddSchemesAndEmptyNames() {
        assertFails12("0d000007 00 0002 0807 0000", Reason.InvalidMessage.EMPTY_LIST);
        assertFails12("0d000006 01 40 0000 0000", Reason.InvalidMessage.EMPTY_LIST);
        assertFails12("0d000009 01 40 0003 080700 0000", Reason.InvalidMessage.LENGTH_OUT_OF_RANGE);
        assertFails12("0d00000a 01 40 0002 0807 0002 0000", Reason.InvalidMessage.LENGTH_OUT_OF_RANGE);
        assertFails12("0d000009 01 40 0002 0807 0000 00", Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void certificate12RoundTripsItsGoldenBytesAndTheEmptyList() throws TlsFatalAlertException {
        assertGolden(new Certificate12(List.of(Bytes.fromHex("3003020101"), Bytes.fromHex("3000"))),
                "0b000010 00000d 000005 3003020101 000002 3000");
        assertGolden(new Certificate12(List.of()), "0b000003 000000");
    }

    @Test
    void certificate12RejectsAnEmptyCertificateAndAListOverrun() {
        assertFails12("0b000006 000003 000000", Reason.InvalidMessage.LENGTH_OUT_OF_RANGE);
        assertFails12("0b000007 000004 000002 30", Reason.InvalidMessage.TRUNCATED);
    }

    @Test
    void newSessionTicket12RoundTripsItsGoldenBytesAndAnEmptyTicket() throws TlsFatalAlertException {
        assertGolden(new NewSessionTicket12(7200, Bytes.fromHex("cafe")), "04000008 00001c20 0002 cafe");
        assertGolden(new NewSessionTicket12(0, Bytes.EMPTY), "04000006 00000000 0000");
        assertThat(new NewSessionTicket12(1, Bytes.fromHex("cafe")).toString()).doesNotContain("cafe");
    }

    @Test
    void serverHelloWithoutExtensionsHasNoExtensionBlock() throws TlsFatalAlertException {
        // RFC 5246 section 7.4.1.3: the extensions field is optional; an empty one is left out, and reads back empty.
        ServerHello sh = new ServerHello(org.tlsj.ProtocolVersion.TLS12, Bytes.of(new byte[32]), Bytes.EMPTY,
                org.tlsj.CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, 0, Extensions.EMPTY);
        assertGolden(sh, "02000026 0303 " + "00".repeat(32) + " 00 009c 00");
    }

    @Test
    void finished12DecodesAnyLengthForTheFlowToCompare() throws TlsFatalAlertException {
        // A wrong length is a wrong verify_data, refused by the flow with decrypt_error (Tls12HandshakeAttacksTest).
        String twelve = "0102030405060708090a0b0c";
        assertGolden(Finished.of(Bytes.fromHex(twelve)), "1400000c " + twelve);
        assertThat(HandshakeCodec.decode12(Bytes.fromHex("1400000d" + twelve + "0d")))
                .isEqualTo(Finished.of(Bytes.fromHex(twelve + "0d")));
        assertThat(HandshakeCodec.decode12(Bytes.fromHex("14000000"))).isEqualTo(Finished.of(Bytes.EMPTY));
    }

    @Test
    void certificateVerifyHasOneWireFormForBothVersions() throws TlsFatalAlertException {
        Bytes wire = Bytes.fromHex("0f000008 0403 0004 01020304".replace(" ", ""));

        assertThat(HandshakeCodec.decode12(wire)).isEqualTo(HandshakeCodec.decode(wire));
    }

    @Test
    void decode12RefusesTls13OnlyAndUnknownTypesWithUnexpectedMessage() {
        for (String wire : List.of("08000002 0000", "18000001 00", "05000000", "fe000000", "63000000")) {
            TlsFatalAlertException e = assertFails12(wire, Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
            assertThat(e.sent()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
        }
        assertThat(assertFails12("08000002 0000", Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE).getMessage())
                .contains("encrypted_extensions", "TLS 1.2");
    }

    @Test
    void decodeStillRefusesEveryTls12OnlyMessage() {
        for (String wire : List.of("00000000", "0e000000", "0c000009 03 001d 01 04 0804 0000", "10000002 0104")) {
            TlsFatalAlertException e = assertFails(Bytes.fromHex(wire.replace(" ", "")),
                    Reason.InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
            assertThat(e.getMessage()).contains("TLS 1.3");
        }
    }

    @Test
    void sameBytesDecodeAsTheVersionsOwnMessage() throws TlsFatalAlertException {
        Bytes clientHello = HandshakeCodec.encode(Samples.clientHello());
        assertThat(HandshakeCodec.decode12(clientHello)).isEqualTo(HandshakeCodec.decode(clientHello));

        Bytes ticket12 = HandshakeCodec.encode(new NewSessionTicket12(7200, Bytes.fromHex("cafe")));
        assertThat(HandshakeCodec.decode12(ticket12)).isInstanceOf(NewSessionTicket12.class);
        assertThat(Samples.assertFails(ticket12, Reason.InvalidMessage.TRUNCATED)).isNotNull();

        Bytes certificate13 = HandshakeCodec.encode(new Certificate13(Bytes.EMPTY,
                List.of(new CertificateEntry(Bytes.fromHex("3000"), Extensions.EMPTY))));
        assertThat(HandshakeCodec.decode(certificate13)).isInstanceOf(Certificate13.class);
        assertFails(() -> HandshakeCodec.decode12(certificate13), Reason.InvalidMessage.TRAILING_DATA);

        Bytes certificate12 = HandshakeCodec.encode(new Certificate12(List.of(Bytes.fromHex("3000"))));
        assertThat(HandshakeCodec.decode12(certificate12)).isEqualTo(new Certificate12(List.of(Bytes.fromHex("3000"))));
        assertFails(() -> HandshakeCodec.decode(certificate12), Reason.InvalidMessage.TRUNCATED);
    }
}
