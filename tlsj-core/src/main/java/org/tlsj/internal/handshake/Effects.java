package org.tlsj.internal.handshake;

import org.tlsj.CipherSuite;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.Bytes;
import org.tlsj.trace.HandshakeEvent;

/**
 * What a handshake handler may do besides returning the next state: the engine implements it. Handlers
 * call these in protocol order; the engine writes records immediately under the keys installed so far.
 */
public interface Effects {
    /** Sends one encoded handshake message under the current write keys. */
    void sendHandshake(Bytes encoded) throws TlsFatalAlertException;

    /** Sends the unprotected change_cipher_spec record of middlebox compatibility mode (RFC 8446 D.4). */
    void sendCompatChangeCipherSpec() throws TlsFatalAlertException;

    /** Protects records read from now on with keys from this traffic secret. */
    void installReadKeys(CipherSuite suite, Secret trafficSecret) throws TlsFatalAlertException;

    /** Protects records written from now on with keys from this traffic secret. */
    void installWriteKeys(CipherSuite suite, Secret trafficSecret) throws TlsFatalAlertException;

    /** Protects records read from now on (TLS 1.2: the flow derives the key block itself). */
    void installReadProtection(org.tlsj.internal.record.RecordProtection protection) throws TlsFatalAlertException;

    /** Protects records written from now on (TLS 1.2). */
    void installWriteProtection(org.tlsj.internal.record.RecordProtection protection) throws TlsFatalAlertException;

    /** Sends TLS 1.2's change_cipher_spec record (the flow then installs its write protection). */
    void sendChangeCipherSpec() throws TlsFatalAlertException;

    /** The peer's record_size_limit (RFC 8449) applies to protected records we send from now on. */
    void peerRecordSizeLimit(int limit);

    /** Our advertised record_size_limit was acknowledged and applies to protected records we receive. */
    void ownRecordSizeLimit(int limit);

    /**
     * The client offered 0-RTT data that we do not accept: skip (up to a bound) the records we cannot open
     * until its first real one (RFC 8446 section 4.2.10).
     */
    void skipEarlyData();

    /** A KeyUpdate arrived (for flood control). */
    void keyUpdateReceived() throws TlsFatalAlertException;

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
