package org.tlsj.testkit.hostile;

import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;

/**
 * Alert and handshake records with no content, in TLS 1.3 and 1.2, to our client and our server, before,
 * during and after the handshake (in the clear before the read keys exist, sealed after): one answer each,
 * whatever the stage.
 *
 * <ul>
 *   <li>An empty alert record cannot be decoded as an Alert (RFC 8446 section 6: a message that cannot be
 *       parsed is decode_error; RFC 5246 section 6.2.1 forbids sending it). BoringSSL answers it with
 *       decode_error (BAD_ALERT), as it does the other malformed alert records BoGo sends ("FragmentAlert",
 *       "DoubleAlert", "SendWarningAlerts-TLS13" expect BAD_ALERT and "error decoding message").</li>
 *   <li>An empty handshake record is forbidden outright (RFC 8446 section 5.1: "Implementations MUST NOT send
 *       zero-length fragments of Handshake types"): unexpected_message, as Go's crypto/tls and OpenSSL answer it.</li>
 * </ul>
 */
class EmptyRecordTest {
    static List<Arguments> stages() {
        return Stages.all();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stages")
    void emptyAlertRecordIsDecodeError(Stages.Version v, Stages.Side s, Stages.Stage stage) {
        ScriptedPeer p = Stages.at(v, s, stage).send(Records.ALERT, new byte[0]);
        assertAborted(p, AlertDescription.DECODE_ERROR, InvalidMessage.BAD_ALERT);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stages")
    void emptyHandshakeRecordIsUnexpectedMessage(Stages.Version v, Stages.Side s, Stages.Stage stage) {
        ScriptedPeer p = Stages.at(v, s, stage).send(Records.HANDSHAKE, new byte[0]);
        assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.EMPTY_HANDSHAKE_RECORD);
    }

    /** TLS 1.3 takes an alert in the clear until the handshake is done (the peer may have failed before its keys). */
    @ParameterizedTest(name = "TLS 1.3 {0} mid-handshake")
    @EnumSource(Stages.Side.class)
    void emptyAlertInTheClearDuringTheTls13HandshakeIsDecodeError(Stages.Side s) {
        ScriptedPeer p = Stages.at(Stages.Version.TLS13, s, Stages.Stage.MID_HANDSHAKE).peer()
                .sendRecord(Records.ALERT, new byte[0]);
        assertAborted(p, AlertDescription.DECODE_ERROR, InvalidMessage.BAD_ALERT);
    }

    /**
     * An empty application_data record before the handshake is done is no exception: in the clear it is
     * application data too early (BoGo "AppDataBeforeHandshake-Empty"), and where TLS 1.3 read keys exist an
     * empty body does not authenticate. Only a server skipping rejected 0-RTT data drops records unread.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stagesBeforeTheEnd")
    void emptyApplicationDataBeforeTheHandshakeEnds(Stages.Version v, Stages.Side s, Stages.Stage stage) {
        ScriptedPeer p = Stages.at(v, s, stage).peer().sendRecord(Records.APPLICATION_DATA, new byte[0]);
        if (v == Stages.Version.TLS13 && stage == Stages.Stage.MID_HANDSHAKE) {
            assertAborted(p, AlertDescription.BAD_RECORD_MAC, PeerMisbehaved.BAD_RECORD_MAC);
        } else {
            assertAborted(p, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.EARLY_APPLICATION_DATA);
        }
    }

    static List<Arguments> stagesBeforeTheEnd() {
        return Stages.all().stream().filter(a -> a.get()[2] != Stages.Stage.ESTABLISHED).toList();
    }

    /** A one-byte alert record is as undecodable as an empty one: the same answer. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stages")
    void truncatedAlertRecordIsDecodeError(Stages.Version v, Stages.Side s, Stages.Stage stage) {
        ScriptedPeer p = Stages.at(v, s, stage).send(Records.ALERT, new byte[] {2});
        assertAborted(p, AlertDescription.DECODE_ERROR, InvalidMessage.BAD_ALERT);
    }
}
