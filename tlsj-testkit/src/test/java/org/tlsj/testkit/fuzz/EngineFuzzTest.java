package org.tlsj.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tlsj.ClientConnection;
import org.tlsj.Reason;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.testkit.TestPair;

/**
 * Jazzer targets for whole engines with deterministic crypto: a client that sent its ClientHello, and a
 * server, fed arbitrary bytes. They may only fail with a TlsException that is not an internal error (the
 * engine turns any RuntimeException into Reason.Local.INTERNAL, so that reason marks a crash), and their
 * output stays bounded. Seeds are real handshake flights (see the Inputs directories).
 */
class EngineFuzzTest {
    /** A flight of ours is a few KiB; anything near this would mean a peer made us amplify. */
    private static final int OUTPUT_BOUND = 1 << 16;

    @FuzzTest(maxDuration = "60s")
    void clientSurvivesAnyServerBytes(byte[] data) {
        ClientConnection c = ClientConnection.start(FuzzPki.client().build(), "localhost");
        TestPair.drain(c);
        feedAndCheck(c, data);
    }

    @FuzzTest(maxDuration = "60s")
    void serverSurvivesAnyClientBytes(byte[] data) {
        ServerConnection s = ServerConnection.accept(FuzzPki.server().build());
        feedAndCheck(s, data);
    }

    private static void feedAndCheck(TlsConnection c, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        ByteBuffer sink = ByteBuffer.allocate(1 << 15);
        try {
            for (int guard = 0; in.hasRemaining() && guard < 1000; guard++) {
                c.feed(in);
                sink.clear();
                c.read(sink);
            }
        } catch (TlsFatalAlertException e) {
            assertThat(e.reason()).as("internal error: %s", e.getCause()).isNotEqualTo(Reason.Local.INTERNAL);
        } catch (TlsException peerAlert) {
            assertThat(c.failure()).containsSame(peerAlert);
        }
        assertThat(TestPair.drain(c).length).isLessThan(OUTPUT_BOUND);
    }
}
