package org.tlsj.internal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/** Well-formed messages and raw-byte builders for the codec tests. */
final class Samples {
    static final Bytes RANDOM = Bytes.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final Bytes SHARE = Bytes.fromHex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");

    private Samples() {
    }

    /** A typical TLS 1.3 ClientHello. */
    static ClientHello clientHello() {
        return ClientHello.of(RANDOM, Bytes.EMPTY, List.of(CipherSuite.TLS_AES_128_GCM_SHA256),
                Extensions.of(ServerNameExt.of("localhost"),
                        SupportedGroupsExt.of(NamedGroup.X25519),
                        SignatureAlgorithmsExt.of(SignatureScheme.ECDSA_SECP256R1_SHA256),
                        SupportedVersionsClientExt.of(ProtocolVersion.TLS13),
                        KeyShareClientExt.of(new KeyShareEntry(NamedGroup.X25519, SHARE))));
    }

    /** One extension as wire bytes: type, u16 length, body. */
    static Bytes ext(int type, String bodyHex) {
        Bytes body = Bytes.fromHex(bodyHex);
        return new ByteWriter().u16(type).u16Bytes(body).toBytes();
    }

    /** A ClientHello whose extension block is exactly these raw extensions. */
    static Bytes clientHelloWithRawExtensions(Bytes... extensions) {
        return message(HandshakeType.CLIENT_HELLO, w -> {
            w.u16(0x0303).bytes(RANDOM).u8(0);
            w.u16(2).u16(0x1301).u8(1).u8(0);
            w.u16Prefixed(b -> {
                for (Bytes e : extensions) {
                    b.bytes(e);
                }
            });
        });
    }

    /** A handshake message with a correct header around {@code body}. */
    static Bytes message(HandshakeType type, ByteWriter.Body body) {
        return new ByteWriter().u8(type.code()).u24Prefixed(body).toBytes();
    }

    /** A handshake message with a correct header around raw body bytes. */
    static Bytes message(HandshakeType type, String bodyHex) {
        return message(type, w -> w.bytes(Bytes.fromHex(bodyHex)));
    }

    /** Asserts that decoding fails with this reason, and with that reason's alert. */
    static TlsFatalAlertException assertFails(Bytes wire, Reason reason) {
        return assertFails(() -> HandshakeCodec.decode(wire), reason);
    }

    /** Asserts that the call fails with this reason, and with that reason's alert. */
    static TlsFatalAlertException assertFails(ThrowingCallable call, Reason reason) {
        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class, call);
        assertThat(e).as("expected a fatal alert for %s", reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.sent()).isEqualTo(reason.alert());
        return e;
    }

    /** Asserts the alert only (the reason may be one of several of the same meaning). */
    static void assertAlert(Bytes wire, AlertDescription alert) {
        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                () -> HandshakeCodec.decode(wire));
        assertThat(e).as("expected %s", alert).isNotNull();
        assertThat(e.sent()).isEqualTo(alert);
    }
}
