package org.tlsj.internal.handshake;

import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.wire.Bytes;

/** One side's handshake state machine as the engine drives it: messages in, effects out. */
public interface HandshakeMachine {
    /** Handles one received handshake message ({@code raw} is its encoding, header included). */
    void onMessage(HandshakeMessage message, Bytes raw) throws TlsFatalAlertException;

    /** Sends a KeyUpdate after the handshake and switches the write key (RFC 8446 section 4.6.3). */
    void sendKeyUpdate(boolean requestPeerUpdate) throws TlsFatalAlertException;

    /**
     * The machine that handles what comes next: itself, or the TLS 1.2 flow a TLS 1.3 flow handed over to
     * (the version is settled by the first ServerHello or ClientHello). The engine asks after every message.
     */
    default HandshakeMachine successor() {
        return this;
    }

    /** Whether the handshake is complete on this side. */
    boolean isConnected();

    /** Whether a ClientHello was sent or received (change_cipher_spec is allowed from then on). */
    boolean clientHelloSeen();

    /** The version in use: TLS 1.3 until a TLS 1.2 ServerHello or ClientHello switched it. */
    default ProtocolVersion version() {
        return ProtocolVersion.TLS13;
    }

    /**
     * Whether a warning-level alert is tolerated now (RFC 5246 section 7.2): in TLS 1.2, and before the version
     * is known when TLS 1.2 may still be chosen. TLS 1.3 treats every alert as fatal (RFC 8446 section 6).
     */
    default boolean toleratesWarningAlerts() {
        return version().equals(ProtocolVersion.TLS12);
    }

    /** Decodes a handshake message in this version's formats. */
    default HandshakeMessage decode(Bytes raw) throws TlsFatalAlertException {
        return HandshakeCodec.decode(raw);
    }

    /**
     * A change_cipher_spec record arrived. TLS 1.2 flows take it as the signal to switch read keys and
     * return true; TLS 1.3 returns false and the record layer applies the middlebox-compatibility rule.
     */
    default boolean onChangeCipherSpec() throws TlsFatalAlertException {
        return false;
    }
}
