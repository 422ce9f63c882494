package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.testkit.hostile.Stages.Side;
import org.tlsj.testkit.hostile.Stages.Stage;
import org.tlsj.testkit.hostile.Stages.Version;

/**
 * The record size bounds at their exact edges, in TLS 1.3 and 1.2, to our client and our server: 2^14 bytes
 * of plaintext per record are accepted and 2^14 + 1 are record_overflow (RFC 8446 section 5.1, RFC 5246
 * section 6.2.1). In TLS 1.3 the bound is on TLSInnerPlaintext, content type and padding included (2^14 + 1,
 * RFC 8446 section 5.4), and so is the record_size_limit we advertise (RFC 8449 section 4).
 */
class RecordSizeTest {
    private static final int MAX = 1 << 14;

    static List<Arguments> versionsAndSides() {
        return Stages.versionsAndSides();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndSides")
    void recordOfExactly2To14BytesIsAccepted(Version v, Side s) {
        ScriptedPeer p = Stages.established(v, s).send(Records.APPLICATION_DATA, filled(MAX));
        assertThat(p.failure()).isEmpty();
        assertThat(p.received()).isEqualTo(filled(MAX));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndSides")
    void recordOfOneByteMoreIsRecordOverflow(Version v, Side s) {
        ScriptedPeer p = Stages.established(v, s).send(Records.APPLICATION_DATA, filled(MAX + 1));
        Reason reason = v == Version.TLS13 ? PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED : InvalidMessage.RECORD_TOO_LARGE;
        assertAborted(p, AlertDescription.RECORD_OVERFLOW, reason);
    }

    /** BoGo's LargePlaintext-TLS13-Padded-* cases: content, type byte and padding together may be 2^14 + 1. */
    @ParameterizedTest(name = "{0} bytes of content and {1} of padding to our {2}: accepted {3}")
    @CsvSource({"16383, 1, CLIENT, true", "16383, 1, SERVER, true", "16384, 1, CLIENT, false", "16384, 1, SERVER, false",
        "8192, 8192, SERVER, true", "8193, 8192, SERVER, false", "0, 16384, SERVER, true", "0, 16385, CLIENT, false"})
    void tls13PaddingCountsTowardsTheBound(int content, int padding, Side s, boolean accepted) {
        Stages.Victim victim = Stages.established(Version.TLS13, s);
        ScriptedPeer p = victim.peer().send(victim.peer().sealer(victim.readKey())
                .seal(Records.APPLICATION_DATA, filled(content), padding));
        if (accepted) {
            assertThat(p.failure()).isEmpty();
            assertThat(p.received()).isEqualTo(filled(content));
        } else {
            assertAborted(p, AlertDescription.RECORD_OVERFLOW, PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED);
        }
    }

    /** RFC 8449 section 4: in TLS 1.3 the limit we advertise counts the content type byte. */
    @ParameterizedTest(name = "our {0} with record_size_limit 1000")
    @EnumSource(Side.class)
    void ourRecordSizeLimitCountsTheContentType(Side s) {
        Stages.Victim victim = limited(s);
        victim.send(Records.APPLICATION_DATA, filled(999));
        assertThat(victim.peer().failure()).isEmpty();
        assertThat(victim.peer().received()).hasSize(999);
        ScriptedPeer p = victim.send(Records.APPLICATION_DATA, filled(1000));
        assertAborted(p, AlertDescription.RECORD_OVERFLOW, PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED);
    }

    /** Before any keys, a plaintext handshake record of exactly 2^14 bytes is accepted (here half a hello). */
    @ParameterizedTest(name = "{0} server")
    @EnumSource(Version.class)
    void plaintextRecordOfExactly2To14BytesIsAccepted(Version v) {
        byte[] body = new byte[MAX];
        System.arraycopy(Records.handshakeHeader(1, 20_000), 0, body, 0, 4);
        ScriptedPeer p = Stages.at(v, Side.SERVER, Stage.BEFORE_HANDSHAKE).send(Records.HANDSHAKE, body);
        assertThat(p.failure()).isEmpty();
        assertThat(p.response()).isEmpty();
    }

    private static Stages.Victim limited(Side s) {
        ScriptedPeer p = s == Side.CLIENT
                ? ScriptedPeer.againstClient(Hostile.client().recordSizeLimit(1000), "localhost")
                        .withHonestServer(Hostile.server())
                : ScriptedPeer.againstServer(Hostile.server().recordSizeLimit(1000))
                        .withHonestClient(Hostile.client(), "localhost");
        p.handshakeHonestly();
        return new Stages.Victim(p, s == Side.CLIENT ? Hostile.APP_SERVER : Hostile.APP_CLIENT);
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
