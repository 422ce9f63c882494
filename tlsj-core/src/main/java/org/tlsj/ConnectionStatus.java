package org.tlsj;

/** Where a connection is in its life. */
public enum ConnectionStatus {
    /** The handshake is under way. */
    HANDSHAKING,
    /** Application data flows both ways. */
    ESTABLISHED,
    /** The peer sent close_notify; we may still write. */
    INBOUND_CLOSED,
    /** Both directions are closed cleanly. */
    CLOSED,
    /** A fatal error happened; see the sticky exception. */
    FAILED
}
