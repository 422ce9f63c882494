package org.tlsj.internal.handshake;

import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;

/**
 * What a handshake handler may do besides returning the next state: the engine implements it over its record
 * layer. Handlers call these in protocol order; records are written at once under the protection installed so
 * far. Handlers derive record protection themselves ({@code KeySchedule13.recordProtection} for TLS 1.3,
 * {@code Tls12KeySchedule.protections} for TLS 1.2); the record layer only installs it.
 */
public interface Effects {
    /** Sends one encoded handshake message under the current write protection. */
    void sendHandshake(Bytes encoded) throws TlsFatalAlertException;

    /**
     * Encodes {@code message}, tells the trace listener that {@code sender} sent it, and sends it.
     *
     * @return the encoding, for the transcript
     */
    default Bytes send(Role sender, HandshakeMessage message) throws TlsFatalAlertException {
        Bytes raw = HandshakeCodec.encode(message);
        trace(() -> TraceEvents.message(sender, message, raw.length()));
        sendHandshake(raw);
        return raw;
    }

    /** Sends the unprotected change_cipher_spec record of middlebox compatibility mode (RFC 8446 D.4), once. */
    void sendCompatChangeCipherSpec() throws TlsFatalAlertException;

    /** Sends TLS 1.2's change_cipher_spec record (the flow then installs its write protection). */
    void sendChangeCipherSpec() throws TlsFatalAlertException;

    /**
     * Opens records read from now on with this protection (either version). Fails with unexpected_message if
     * part of a handshake message is buffered: a key change must fall on a record boundary (RFC 8446 5.1).
     */
    void installReadProtection(RecordProtection protection) throws TlsFatalAlertException;

    /** Seals records written from now on with this protection (either version), after what is queued. */
    void installWriteProtection(RecordProtection protection) throws TlsFatalAlertException;

    /**
     * Both sides sent record_size_limit (RFC 8449 section 4): the peer's bounds the protected records we send,
     * ours the protected records we receive.
     */
    void recordSizeLimits(int peerLimit, int ownLimit);

    /**
     * The client offered 0-RTT data that we do not accept: skip (up to a bound) the records we cannot open
     * until its first real one (RFC 8446 section 4.2.10).
     */
    void skipEarlyData();

    /**
     * The peer's KeyUpdate asked for ours (RFC 8446 section 4.6.3): it is sent before our next application data
     * record, so several requests while we are silent get a single answer.
     */
    void keyUpdateRequested();

    /** The handshake is complete: application data may flow; {@code exporter} derives keying material. */
    void complete(SessionInfo session, Exporter exporter);

    /** Tells the trace listener; the event is only built when someone listens. */
    void trace(java.util.function.Supplier<HandshakeEvent> event);

    /** Tells the key log (only if one is configured). */
    void keyLog(String label, Bytes clientRandom, Secret secret);
}
