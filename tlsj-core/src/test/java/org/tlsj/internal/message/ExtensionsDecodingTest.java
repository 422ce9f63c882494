package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.tlsj.internal.message.Samples.assertAlert;
import static org.tlsj.internal.message.Samples.assertFails;
import static org.tlsj.internal.message.Samples.clientHelloWithRawExtensions;
import static org.tlsj.internal.message.Samples.ext;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/** The extension block rules of RFC 8446 section 4.2 and the per-extension body rules. */
class ExtensionsDecodingTest {
    private static final Bytes SUPPORTED_GROUPS_X25519 = ext(10, "0002 001d");
    private static final Bytes PSK = ext(41, "0007 0001aa 00000000" + " 0021 20" + "00".repeat(32));

    @Test
    void rejectsDuplicateExtension() {
        TlsFatalAlertException e = assertFails(
                clientHelloWithRawExtensions(SUPPORTED_GROUPS_X25519, SUPPORTED_GROUPS_X25519),
                Reason.InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO);

        assertThat(e.getMessage()).contains("supported_groups", "ClientHello");
    }

    @Test
    void rejectsDuplicateUnknownExtension() {
        assertFails(clientHelloWithRawExtensions(ext(0x1234, ""), ext(0x1234, "00")),
                Reason.InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO);
    }

    @Test
    void aDuplicateIsDecodeErrorInTheHellosAndIllegalParameterLater() {
        // As BoringSSL and rustls: ClientHello, ServerHello and EncryptedExtensions decode_error; the rest illegal_parameter.
        Bytes ee = Samples.message(HandshakeType.ENCRYPTED_EXTENSIONS,
                w -> w.u16Prefixed(b -> b.bytes(ext(0x1234, "")).bytes(ext(0x1234, ""))));
        assertThat(assertFails(ee, Reason.InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO).sent())
                .isEqualTo(org.tlsj.AlertDescription.DECODE_ERROR);
        Bytes nst = Samples.message(HandshakeType.NEW_SESSION_TICKET, w -> w.u32(60).u32(1).u8Bytes(Bytes.fromHex("00"))
                .u16Bytes(Bytes.fromHex("aa")).u16Prefixed(b -> b.bytes(ext(42, "00000400")).bytes(ext(42, "00000400"))));
        assertThat(assertFails(nst, Reason.InvalidMessage.DUPLICATE_EXTENSION).sent())
                .isEqualTo(org.tlsj.AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void rejectsCookieInEncryptedExtensions() {
        Bytes wire = Samples.message(HandshakeType.ENCRYPTED_EXTENSIONS,
                w -> w.u16Prefixed(b -> b.bytes(ext(44, "0002 abcd"))));

        TlsFatalAlertException e = assertFails(wire, Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED);

        assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage()).contains("cookie", "EncryptedExtensions");
    }

    @Test
    void rejectsKeyShareInNewSessionTicketAndCertificateEntry() {
        Bytes nst = Samples.message(HandshakeType.NEW_SESSION_TICKET, w -> w.u32(1).u32(2).u8(0).u16(1).u8(7)
                .u16Prefixed(b -> b.bytes(ext(51, "001d 0001 01"))));
        Bytes cert = Samples.message(HandshakeType.CERTIFICATE, w -> w.u8(0).u24Prefixed(list -> list
                .u24(1).u8(0x30).u16Prefixed(b -> b.bytes(ext(0, "")))));

        assertFails(nst, Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED);
        assertFails(cert, Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED);
    }

    /** Rows of RFC 8446 section 4.2's table read against our decoder: type, message, allowed. */
    @ParameterizedTest
    @CsvSource({
        "43, ENCRYPTED_EXTENSIONS, false", "42, SERVER_HELLO, false", "51, ENCRYPTED_EXTENSIONS, false",
        "41, HELLO_RETRY_REQUEST, false", "44, SERVER_HELLO, false", "13, ENCRYPTED_EXTENSIONS, false",
        "5, ENCRYPTED_EXTENSIONS, false", "48, CLIENT_HELLO, false", "21, ENCRYPTED_EXTENSIONS, false",
        "0, CERTIFICATE_REQUEST, false", "50, CERTIFICATE, false", "42, CERTIFICATE_REQUEST, false",
        "5, CERTIFICATE, true", "18, CERTIFICATE_REQUEST, true", "48, CERTIFICATE_REQUEST, true",
        "47, CLIENT_HELLO, true", "49, CLIENT_HELLO, true", "0x1a1a, SERVER_HELLO, true", "23, SERVER_HELLO, true",
        "0xff01, ENCRYPTED_EXTENSIONS, true"})
    void appliesTheRfc8446ExtensionTable(String type, MessageContext ctx, boolean allowed) {
        int code = Integer.decode(type);
        // Unparsed-type bodies are opaque; a TLS 1.3 ServerHello is recognized by its supported_versions.
        Bytes block = new ByteWriter().u16Prefixed(b -> {
            if (ctx == MessageContext.SERVER_HELLO) {
                b.bytes(ext(43, "0304"));
            }
            b.bytes(ext(code, ""));
        }).toBytes();

        Throwable thrown = catchThrowable(() -> Extensions.decode(ByteReader.of(block), ctx));

        if (allowed) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(TlsFatalAlertException.class);
            assertThat(((TlsFatalAlertException) thrown).reason()).isEqualTo(Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED);
        }
    }

    @Test
    void rejectsPreSharedKeyThatIsNotLastInClientHello() {
        TlsFatalAlertException e = assertFails(clientHelloWithRawExtensions(PSK, SUPPORTED_GROUPS_X25519),
                Reason.InvalidMessage.ILLEGAL_VALUE);

        assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage()).contains("pre_shared_key");
    }

    @Test
    void decodesPreSharedKeyThatIsLastAndKnowsItsBindersLength() throws TlsFatalAlertException {
        Bytes wire = clientHelloWithRawExtensions(SUPPORTED_GROUPS_X25519, PSK);

        ClientHello ch = (ClientHello) HandshakeCodec.decode(wire);
        PreSharedKeyClientExt psk = ch.extensions().find(PreSharedKeyClientExt.class).orElseThrow();

        assertThat(psk.identities()).containsExactly(new PskIdentity(Bytes.fromHex("aa"), 0));
        assertThat(psk.bindersLength()).isEqualTo(2 + 1 + 32);
        assertThat(wire.slice(wire.length() - psk.bindersLength(), wire.length()))
                .isEqualTo(Bytes.fromHex("0021 20" + "00".repeat(32)));
    }

    @Test
    void rejectsBinderCountThatDiffersFromIdentities() {
        Bytes twoBinders = ext(41, "0007 0001aa 00000000" + " 0042 20" + "00".repeat(32) + "20" + "00".repeat(32));

        assertFails(clientHelloWithRawExtensions(twoBinders), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void rejectsBinderShorterThan32Bytes() {
        assertAlert(clientHelloWithRawExtensions(ext(41, "0007 0001aa 00000000 0002 01ff")),
                AlertDescription.DECODE_ERROR);
    }

    @Test
    void roundTripsGreaseExtensionInClientHello() throws TlsFatalAlertException {
        Bytes wire = clientHelloWithRawExtensions(ext(0x0a0a, ""), SUPPORTED_GROUPS_X25519, ext(0xfafa, "00"));

        ClientHello ch = (ClientHello) HandshakeCodec.decode(wire);

        assertThat(ch.extensions().list().getFirst()).isEqualTo(new UnknownExt(new ExtensionType(0x0a0a), Bytes.EMPTY));
        assertThat(ch.extensions().list().getFirst().type().isGrease()).isTrue();
        assertThat(ch.extensions().list().getLast().toString()).isEqualTo("GREASE(0xfafa)=00");
        assertThat(HandshakeCodec.encode(ch)).isEqualTo(wire);
    }

    @Test
    void parsesTls12ExtensionsOfAClientHelloAndPassesOthersThrough() throws TlsFatalAlertException {
        Bytes wire = clientHelloWithRawExtensions(ext(0xff01, "00"), ext(11, "03000102"), ext(35, ""),
                ext(23, ""), ext(22, ""), ext(5, "0100000000"), ext(21, "0000"));

        ClientHello ch = (ClientHello) HandshakeCodec.decode(wire);

        assertThat(ch.extensions().list().subList(0, 4)).containsExactly(RenegotiationInfoExt.INITIAL,
                new EcPointFormatsExt(List.of(0, 1, 2)), SessionTicketExt.EMPTY, new ExtendedMasterSecretExt());
        assertThat(ch.extensions().list().subList(4, 7)).allMatch(e -> e instanceof UnknownExt);
        assertThat(HandshakeCodec.encode(ch)).isEqualTo(wire);
    }

    @Test
    void decodesTls12ServerHelloWhoseExtensionsTls13WouldForbid() throws TlsFatalAlertException {
        // No supported_versions: a TLS 1.2 ServerHello with server_name, ALPN, EMS and renegotiation_info.
        Bytes wire = Samples.message(HandshakeType.SERVER_HELLO, w -> {
            w.u16(0x0303).bytes(Samples.RANDOM).u8(0).u16(0xc02f).u8(0);
            w.u16Prefixed(b -> b.bytes(ext(0, "")).bytes(ext(16, "0003 026832")).bytes(ext(23, ""))
                    .bytes(ext(0xff01, "00")));
        });

        ServerHello sh = (ServerHello) HandshakeCodec.decode(wire);

        assertThat(sh.extensions().find(AlpnExt.class)).contains(AlpnExt.of("h2"));
        assertThat(sh.extensions().find(ServerNameExt.class)).contains(ServerNameExt.ACKNOWLEDGED);
        assertThat(HandshakeCodec.encode(sh)).isEqualTo(wire);
    }

    @Test
    void rejectsAlpnInTls13ServerHello() {
        Bytes wire = Samples.message(HandshakeType.SERVER_HELLO, w -> {
            w.u16(0x0303).bytes(Samples.RANDOM).u8(0).u16(0x1301).u8(0);
            w.u16Prefixed(b -> b.bytes(ext(43, "0304")).bytes(ext(16, "0003 026832")));
        });

        assertFails(wire, Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void decodesTls12ServerHelloWithoutExtensionBlock() throws TlsFatalAlertException {
        Bytes wire = Samples.message(HandshakeType.SERVER_HELLO,
                w -> w.u16(0x0303).bytes(Samples.RANDOM).u8(0).u16(0xc02f).u8(0));

        assertThat(((ServerHello) HandshakeCodec.decode(wire)).extensions().isEmpty()).isTrue();
    }

    @Test
    void rejectsTwoKeySharesForTheSameGroup() {
        Bytes twice = ext(51, "000a 001d 0001 01 001d 0001 02");

        assertFails(clientHelloWithRawExtensions(twice), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void acceptsEmptyClientKeyShareListButNotAnEmptyShare() throws TlsFatalAlertException {
        ClientHello ch = (ClientHello) HandshakeCodec.decode(clientHelloWithRawExtensions(ext(51, "0000")));

        assertThat(ch.extensions().find(KeyShareClientExt.class)).contains(new KeyShareClientExt(List.of()));
        assertAlert(clientHelloWithRawExtensions(ext(51, "0004 001d 0000")), AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsRecordSizeLimitBelow64() throws TlsFatalAlertException {
        assertFails(clientHelloWithRawExtensions(ext(28, "003f")), Reason.InvalidMessage.ILLEGAL_VALUE);
        ClientHello ch = (ClientHello) HandshakeCodec.decode(clientHelloWithRawExtensions(ext(28, "0040")));
        assertThat(ch.extensions().find(RecordSizeLimitExt.class)).contains(new RecordSizeLimitExt(64));
    }

    @Test
    void rejectsServerNameListWithTwoHostNames() {
        assertFails(clientHelloWithRawExtensions(ext(0, "0008 00 0001 61 00 0001 62")), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void rejectsEmptyAndNonAsciiHostNames() {
        assertAlert(clientHelloWithRawExtensions(ext(0, "0003 00 0000")), AlertDescription.DECODE_ERROR);
        assertAlert(clientHelloWithRawExtensions(ext(0, "0000")), AlertDescription.DECODE_ERROR);
        assertFails(clientHelloWithRawExtensions(ext(0, "0005 00 0002 c3a9")), Reason.InvalidMessage.ILLEGAL_VALUE);
        assertFails(clientHelloWithRawExtensions(ext(0, "0005 00 0002 6100")), Reason.InvalidMessage.ILLEGAL_VALUE);
        assertFails(clientHelloWithRawExtensions(ext(0, "0004 01 0001 61")), Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void rejectsServerNameWithBodyInEncryptedExtensions() {
        Bytes wire = Samples.message(HandshakeType.ENCRYPTED_EXTENSIONS,
                w -> w.u16Prefixed(b -> b.bytes(ext(0, "0004 00 0001 61"))));

        assertFails(wire, Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void rejectsEmptyAlpnProtocolName() {
        assertAlert(clientHelloWithRawExtensions(ext(16, "0004 02 6832 00")), AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsServerAlpnAnswerWithTwoProtocols() {
        Bytes wire = Samples.message(HandshakeType.ENCRYPTED_EXTENSIONS,
                w -> w.u16Prefixed(b -> b.bytes(ext(16, "0006 026832 026833"))));

        assertFails(wire, Reason.InvalidMessage.ILLEGAL_VALUE);
    }

    @Test
    void rejectsEmptyListsThatMustNotBeEmpty() {
        assertFails(clientHelloWithRawExtensions(ext(10, "0000")), Reason.InvalidMessage.EMPTY_LIST);
        assertFails(clientHelloWithRawExtensions(ext(13, "0000")), Reason.InvalidMessage.EMPTY_LIST);
        assertFails(clientHelloWithRawExtensions(ext(43, "00")), Reason.InvalidMessage.EMPTY_LIST);
        assertFails(clientHelloWithRawExtensions(ext(45, "00")), Reason.InvalidMessage.EMPTY_LIST);
        assertAlert(clientHelloWithRawExtensions(ext(44, "0000")), AlertDescription.DECODE_ERROR);
    }

    @Test
    void rejectsExtensionBodyLongerThanItsContent() {
        assertFails(clientHelloWithRawExtensions(ext(43, "02 0304 00")), Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void parsesEarlyDataByMessage() throws TlsFatalAlertException {
        Bytes body = new ByteWriter().u16Prefixed(b -> b.bytes(ext(42, "00000400"))).toBytes();
        Bytes empty = new ByteWriter().u16Prefixed(b -> b.bytes(ext(42, ""))).toBytes();

        assertThat(Extensions.decode(ByteReader.of(body), MessageContext.NEW_SESSION_TICKET).list())
                .containsExactly(EarlyDataExt.ofMaxSize(1024));
        assertThat(Extensions.decode(ByteReader.of(empty), MessageContext.ENCRYPTED_EXTENSIONS).list())
                .containsExactly(new EarlyDataExt(OptionalLong.empty()));
        assertFails(() -> Extensions.decode(ByteReader.of(body), MessageContext.ENCRYPTED_EXTENSIONS),
                Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void parsesKeyShareAndSupportedVersionsByMessage() throws TlsFatalAlertException {
        Bytes sh = new ByteWriter().u16Prefixed(b -> b.bytes(ext(51, "001d 0001 07")).bytes(ext(43, "0304")))
                .toBytes();

        assertThat(Extensions.decode(ByteReader.of(sh), MessageContext.SERVER_HELLO).list()).containsExactly(
                new KeyShareServerExt(new KeyShareEntry(NamedGroup.X25519, Bytes.fromHex("07"))),
                new SupportedVersionsServerExt(ProtocolVersion.TLS13));
        assertFails(() -> Extensions.decode(ByteReader.of(sh), MessageContext.HELLO_RETRY_REQUEST),
                Reason.InvalidMessage.TRAILING_DATA);
    }

    @Test
    void extensionsEncodeInOrderAndPrintReadably() {
        Extensions ext = Extensions.of(ServerNameExt.of("localhost"),
                SupportedVersionsClientExt.of(ProtocolVersion.TLS13),
                KeyShareClientExt.of(new KeyShareEntry(NamedGroup.X25519, Samples.SHARE)));
        ByteWriter w = new ByteWriter();

        ext.encode(w);

        assertThat(ext.toString()).isEqualTo(
                "[server_name=localhost, supported_versions=[TLSv1.3], key_share=[x25519(32 bytes)]]");
        assertThat(w.toBytes().slice(0, 4)).isEqualTo(Bytes.fromHex("0043 0000"));
        assertThat(ext.with(ServerNameExt.of("example.com")).types()).isEqualTo(ext.types());
        assertThat(ext.without(ExtensionType.SERVER_NAME).has(ExtensionType.SERVER_NAME)).isFalse();
    }
}
