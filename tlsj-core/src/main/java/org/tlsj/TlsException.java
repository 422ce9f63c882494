package org.tlsj;

import java.io.IOException;

/**
 * A TLS connection failed. Either we aborted and sent an alert ({@link TlsFatalAlertException}) or the
 * peer aborted with an alert ({@link TlsPeerAlertException}). Messages name the cause in plain words and
 * never carry secret material.
 */
public abstract sealed class TlsException extends IOException
        permits TlsFatalAlertException, TlsPeerAlertException {
    private static final long serialVersionUID = 1L;

    TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
