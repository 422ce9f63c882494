package org.tlsj;

/**
 * Builds the exception for a fatal error: {@code throw Fatal.of(reason)} is the only way a handler aborts.
 * The engine catches it once, queues the alert and makes the error sticky.
 */
public final class Fatal {
    private Fatal() {
    }

    /** A fatal error with the reason's own alert and description. */
    public static TlsFatalAlertException of(Reason reason) {
        return new TlsFatalAlertException(reason, reason.alert(), reason.describe(), null);
    }

    /** A fatal error with the reason's alert and a plain-words detail naming the cause. */
    public static TlsFatalAlertException of(Reason reason, String detail) {
        return new TlsFatalAlertException(reason, reason.alert(), reason.describe() + ": " + detail, null);
    }

    /** A fatal error with an underlying cause (never echoed to the peer). */
    public static TlsFatalAlertException of(Reason reason, String detail, Throwable cause) {
        return new TlsFatalAlertException(reason, reason.alert(), reason.describe() + ": " + detail, cause);
    }
}
