package org.tlsj.cli.common;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.tlsj.Reason;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;

/** Words for failures that are the user's or the peer's doing, never a stack trace. */
public final class Failures {
    private Failures() {
    }

    /** A TLS failure: the cause, and the alert we sent if we aborted. */
    public static String describe(TlsException e) {
        return switch (e) {
            case TlsFatalAlertException f -> f.getMessage() + " (sent alert " + f.sent().rfcName() + ")";
            case TlsPeerAlertException p -> p.getMessage();
        };
    }

    /**
     * A TLS failure of a server command ({@code server}, {@code gateway}), naming the option that lets such a
     * client in where there is one: a TLS 1.2 client without the extended master secret gets
     * {@code ... (RFC 7627), which we require; start the server with --allow-no-ems to accept such clients}.
     */
    public static String describeRefusal(TlsException e, String command) {
        if (e instanceof TlsFatalAlertException f && f.reason() == Reason.PeerIncompatible.NO_EXTENDED_MASTER_SECRET) {
            return f.getMessage() + "; start the " + command + " with --allow-no-ems to accept such clients (sent alert "
                    + f.sent().rfcName() + ")";
        }
        return describe(e);
    }

    /** Any I/O failure, in plain words. */
    public static String describe(IOException e) {
        if (e instanceof TlsException t) {
            return describe(t);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lowerFirst(m);
    }

    /**
     * What went wrong while connecting to {@code peer} and doing the handshake.
     *
     * @param peer {@code host:port} as the user wrote it
     * @param e the failure from {@link org.tlsj.io.TlsSocket#connect}
     * @return one line, without the {@code tlsj: } prefix
     */
    public static String connecting(String peer, IOException e) {
        return switch (e) {
            case UnknownHostException u -> "cannot connect to " + peer + ": unknown host " + u.getMessage();
            case ConnectException c -> "cannot connect to " + peer + ": " + describe(c);
            case NoRouteToHostException n -> "cannot connect to " + peer + ": " + describe(n);
            case SocketTimeoutException t -> describe(t);
            case TlsException t -> "TLS handshake with " + peer + " failed: " + describe(t);
            case EOFException eof -> "TLS handshake with " + peer + " failed: " + describe(eof);
            default -> "connection to " + peer + " failed: " + describe(e);
        };
    }

    /** The message with its first letter in lower case, unless it starts an acronym ("TLS ...", "DNS ..."). */
    public static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
