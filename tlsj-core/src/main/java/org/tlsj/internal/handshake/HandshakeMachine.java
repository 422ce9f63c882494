package org.tlsj.internal.handshake;

import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.Bytes;

/** One side's handshake state machine as the engine drives it: messages in, effects out. */
public interface HandshakeMachine {
    /**
     * Handles one received handshake message ({@code raw} is its encoding, header included) or change_cipher_spec
     * ({@code raw} empty: it is never part of the transcript), and returns the machine for what comes next: itself,
     * or, from a hello stage, the TLS 1.3 or TLS 1.2 machine the peer's hello chose.
     */
    HandshakeMachine onMessage(PeerMessage message, Bytes raw) throws TlsFatalAlertException;

    /**
     * The last arm of every transition table: a message out of order is unexpected_message (RFC 8446 section 6.2,
     * RFC 5246 section 7.4); a change_cipher_spec out of place is named as such (RFC 5246 section 7.1, RFC 8446
     * section 5), with the same alert.
     */
    static TlsFatalAlertException unexpected(PeerMessage message, String where) {
        return message instanceof ChangeCipherSpec
                ? Fatal.of(Reason.PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC, "while in " + where)
                : Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE, TraceEvents.name(message) + " while in " + where);
    }

    /** Sends a KeyUpdate after the handshake and switches the write key (RFC 8446 section 4.6.3). */
    void sendKeyUpdate(boolean requestPeerUpdate) throws TlsFatalAlertException;

    /** Whether the handshake is complete on this side. */
    boolean isConnected();

    /** The version in use: TLS 1.2 in the TLS 1.2 machines, TLS 1.3 in the others (hello stages included). */
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
}
