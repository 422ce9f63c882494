package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.testkit.hostile.Stages.Side;
import org.tlsj.testkit.hostile.Stages.Stage;
import org.tlsj.testkit.hostile.Stages.Version;

/**
 * The first bytes of a connection that cannot start a TLS record are refused at once, on the byte that
 * shows it, with the alert queued: never a wait for the rest of a header or a length that will not come.
 */
class FirstBytesTest {
    /**
     * An SSL 2.0-format ClientHello offering TLS 1.0 (RFC 5246 appendix E.2): 2-byte header (length 43), msg_type
     * 1, version, 18 bytes of cipher specs, no session id, a 16-byte challenge.
     */
    private static final byte[] SSL2_CLIENT_HELLO = {(byte) 0x80, 0x2b, 0x01, 0x03, 0x01, 0x00, 0x12, 0x00, 0x00,
        0x00, 0x10, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x35, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x05, 0x00, 0x00, 0x04, 0x00,
        0x00, (byte) 0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0x10};

    /**
     * RFC 6176 forbids SSL 2.0 and RFC 8446 appendix D.5 its hello format; like Go's crypto/tls (and the BoGo
     * runner's own Go stack, which sends protocol_version for a first byte of 0x80), our server answers
     * protocol_version.
     */
    @Test
    void ssl2ClientHelloGetsProtocolVersion() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).send(SSL2_CLIENT_HELLO);
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.SSL2_HELLO);
    }

    /** The first byte alone identifies it: nothing more is waited for. */
    @ParameterizedTest(name = "first byte 0x{0}")
    @ValueSource(ints = {0x80, 0x81, 0xff})
    void ssl2RecordHeaderIsRefusedOnItsFirstByte(int first) {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).send(new byte[] {(byte) first});
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.SSL2_HELLO);
    }

    /** Byte at a time, the connection fails on the first byte; the rest finds it failed. */
    @Test
    void trickledSsl2HelloFailsOnTheFirstByte() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).oneByteAtATime();
        p.send(new byte[] {SSL2_CLIENT_HELLO[0]});
        assertThat(p.failure()).isPresent();
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.SSL2_HELLO);
    }

    /** A client that gets an SSL 2.0 record header from the server gives up the same way. */
    @Test
    void clientRefusesAnSsl2ServerOnItsFirstByte() {
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client(), "localhost").send(new byte[] {(byte) 0x84});
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.SSL2_HELLO);
    }

    /** After the first record, a byte with the high bit set is just an unknown content type. */
    @Test
    void highBitAfterTheFirstRecordIsAnUnknownContentType() {
        ScriptedPeer p = Stages.at(Version.TLS12, Side.SERVER, Stage.MID_HANDSHAKE).peer().send(new byte[] {(byte) 0x80});
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_CONTENT_TYPE);
    }

    /** Plain text (an HTTP request sent to the TLS port) is refused on its first byte too. */
    @Test
    void unknownContentTypeIsRefusedOnItsFirstByte() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).send(new byte[] {'G'});
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_CONTENT_TYPE);
    }

    /** A record version whose first byte is not 3 is refused on that byte, before the length arrives. */
    @Test
    void badRecordVersionIsRefusedOnItsSecondByte() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).send(new byte[] {Records.HANDSHAKE, 0x02});
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, InvalidMessage.BAD_RECORD_VERSION);
    }
}
