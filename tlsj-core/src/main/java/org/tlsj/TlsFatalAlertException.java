package org.tlsj;

import java.util.Objects;

/** We aborted the connection: {@link #sent()} is the alert we sent, {@link #reason()} why. */
public final class TlsFatalAlertException extends TlsException {
    private static final long serialVersionUID = 1L;

    private final transient Reason reason;
    private final AlertDescription sent;

    /**
     * Creates the exception.
     *
     * @param reason the named cause
     * @param sent the alert sent to the peer
     * @param detail a plain-words explanation; never secret material
     * @param cause the underlying failure, or null
     */
    public TlsFatalAlertException(Reason reason, AlertDescription sent, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason);
        this.sent = Objects.requireNonNull(sent);
    }

    /** The named reason. */
    public Reason reason() {
        return reason;
    }

    /** The alert sent to the peer. */
    public AlertDescription sent() {
        return sent;
    }
}
