package org.tlsj.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rules of the {@link Peer} helper itself: missing tools, deadlines, output capture. */
class PeerTest {
    /** Kept when a test fails, so the peer output files named in its message can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void missingToolSkipsOutsideCiAndFailsUnderCi() {
        assertThatThrownBy(() -> Peer.requireTool("no-such-peer", false, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no-such-peer is not installed");
        assertThatThrownBy(() -> Peer.requireTool("no-such-peer", false, true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true");
        assertThatNoException().isThrownBy(() -> Peer.requireTool("present-peer", true, true));
    }

    @Test
    void peerStillRunningAtItsDeadlineIsKilled() {
        long start = System.nanoTime();
        Peer.Result r = Peer.run(dir, "", List.of("sleep", "60"), Duration.ofMillis(300));

        assertThat(r.killedAtDeadline()).isTrue();
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.description()).contains("killed at its 300 ms deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void peerOutputIsCapturedToFilesNamedInTheDescription() {
        Peer.Result r = Peer.run(dir, "to stdin\n", List.of("cat"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.killedAtDeadline()).isFalse();
        assertThat(r.stdout()).isEqualTo("to stdin\n");
        assertThat(r.description()).contains("--- cat (exit code 0)").contains(dir.toString()).contains("to stdin");
    }
}
