package org.tlsj.cli.common;

import java.io.Serial;

/** An error for the user, already worded for them: printed as one {@code tlsj: <message>} line, exit code 1. */
public final class CliException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** An error with a plain-words message. */
    public CliException(String message) {
        super(message);
    }

    /** An error with a plain-words message and the exception behind it (shown with --debug only). */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
