package org.tlsj.testkit.hostile;

import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.testkit.hostile.Stages.Side;
import org.tlsj.testkit.hostile.Stages.Version;

/**
 * After the handshake, a handshake message of an unknown type, or of a known type that has no place there, is
 * unexpected_message (RFC 8446 section 6.2 and RFC 5246 section 7.2.2), in TLS 1.3 and 1.2, to our client and
 * our server. The verdict ({@link Hostile#assertAborted}) includes the clean close: by the time the
 * connection reports the failure, the alert is queued, and it is the one record written.
 */
class PostHandshakeMessageTest {
    /** Type 99 is assigned to nothing. */
    private static final byte[] UNKNOWN_TYPE = {99, 0, 0, 0};
    /** EncryptedExtensions with no extensions: a TLS 1.3 handshake message, never after the handshake. */
    private static final byte[] ENCRYPTED_EXTENSIONS = {8, 0, 0, 2, 0, 0};
    /** ServerHelloDone: a TLS 1.2 handshake message, never after the handshake. */
    private static final byte[] SERVER_HELLO_DONE = {14, 0, 0, 0};
    /** KeyUpdate: a TLS 1.3 message that TLS 1.2 does not know. */
    private static final byte[] KEY_UPDATE = {24, 0, 0, 1, 0};

    static List<Arguments> versionsAndSides() {
        return Stages.versionsAndSides();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndSides")
    void unknownHandshakeTypeIsUnexpectedMessage(Version v, Side s) {
        ScriptedPeer p = Stages.established(v, s).send(Records.HANDSHAKE, UNKNOWN_TYPE);
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndSides")
    void handshakeMessageOfTheHandshakeIsUnexpectedAfterIt(Version v, Side s) {
        byte[] message = v == Version.TLS13 ? ENCRYPTED_EXTENSIONS : SERVER_HELLO_DONE;
        ScriptedPeer p = Stages.established(v, s).send(Records.HANDSHAKE, message);
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE);
    }

    @ParameterizedTest(name = "TLS 1.2 {0}")
    @MethodSource("sides")
    void tls13OnlyMessageInTls12IsUnexpectedMessage(Side s) {
        ScriptedPeer p = Stages.established(Version.TLS12, s).send(Records.HANDSHAKE, KEY_UPDATE);
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
    }

    /** An unknown type split over two records: refused once its header is whole, not left waiting. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndSides")
    void unknownTypeSplitOverRecordsIsUnexpectedMessage(Version v, Side s) {
        Stages.Victim victim = Stages.established(v, s);
        victim.send(Records.HANDSHAKE, new byte[] {99, 0});
        ScriptedPeer p = victim.send(Records.HANDSHAKE, new byte[] {0, 0});
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_HANDSHAKE_TYPE);
    }

    static List<Side> sides() {
        return List.of(Side.values());
    }
}
