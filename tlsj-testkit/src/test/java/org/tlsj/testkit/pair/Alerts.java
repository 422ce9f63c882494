package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.testkit.TestPair;

/** The one assertion helper for failures: the exact alert and reason. */
final class Alerts {
    private Alerts() {
    }

    static void assertFatal(Optional<TlsException> failure, AlertDescription alert, Reason reason) {
        assertThat(failure).as("expected a fatal error").isPresent();
        assertThat(failure.get()).isInstanceOf(TlsFatalAlertException.class);
        TlsFatalAlertException e = (TlsFatalAlertException) failure.get();
        assertThat(e.sent()).isEqualTo(alert);
        assertThat(e.reason()).isEqualTo(reason);
    }

    static void assertPeerAlert(Optional<TlsException> failure, AlertDescription alert) {
        assertThat(failure).as("expected the peer's alert").isPresent();
        assertThat(failure.get()).isInstanceOf(TlsPeerAlertException.class);
        assertThat(((TlsPeerAlertException) failure.get()).description()).contains(alert);
    }

    /** The server refused for want of a common group (handshake_failure), and the client got that alert. */
    static void assertNoCommonGroup(TestPair pair) {
        assertFatal(pair.serverFailure(), AlertDescription.HANDSHAKE_FAILURE, Reason.PeerIncompatible.NO_COMMON_GROUP);
        assertPeerAlert(pair.clientFailure(), AlertDescription.HANDSHAKE_FAILURE);
    }
}
