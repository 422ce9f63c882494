package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent;

/** Effects for state-level tests: records what a handler did, by name, and does nothing. */
public final class RecordingEffects implements Effects {
    public final List<String> calls = new ArrayList<>();

    /** Asserts that {@code step} refuses a change_cipher_spec: ILLEGAL_CHANGE_CIPHER_SPEC, alert unexpected_message. */
    public static void assertRefusesChangeCipherSpec(String where, ThrowingCallable step) {
        assertThatThrownBy(step).as(where).isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC);
            assertThat(e.sent()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
        });
    }

    @Override
    public void sendHandshake(Bytes encoded) {
        calls.add("sendHandshake");
    }

    @Override
    public void sendCompatChangeCipherSpec() {
        calls.add("sendCompatChangeCipherSpec");
    }

    @Override
    public void sendChangeCipherSpec() {
        calls.add("sendChangeCipherSpec");
    }

    @Override
    public void installReadProtection(RecordProtection protection) {
        calls.add("installReadProtection");
    }

    @Override
    public void installWriteProtection(RecordProtection protection) {
        calls.add("installWriteProtection");
    }

    @Override
    public void recordSizeLimits(int peerLimit, int ownLimit) {
        calls.add("recordSizeLimits");
    }

    @Override
    public void skipEarlyData() {
        calls.add("skipEarlyData");
    }

    @Override
    public void keyUpdateRequested() {
        calls.add("keyUpdateRequested");
    }

    @Override
    public void complete(SessionInfo session, Exporter exporter) {
        calls.add("complete");
    }

    @Override
    public void trace(java.util.function.Supplier<HandshakeEvent> event) {
        event.get();
    }

    @Override
    public void keyLog(String label, Bytes clientRandom, Secret secret) {
        calls.add("keyLog");
    }
}
