package org.tlsj;

import java.util.Optional;

/** The peer aborted the connection with a fatal alert (or a TLS 1.3 error alert of any level). */
public final class TlsPeerAlertException extends TlsException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * Creates the exception for a received alert code.
     *
     * @param code the received alert description code
     */
    public TlsPeerAlertException(int code) {
        super("peer sent alert " + AlertDescription.fromCode(code).map(AlertDescription::rfcName)
                .orElse("unknown(" + code + ")"), null);
        this.code = code;
    }

    /** The raw received code. */
    public int code() {
        return code;
    }

    /** The received description, if known. */
    public Optional<AlertDescription> description() {
        return AlertDescription.fromCode(code);
    }
}
