package org.tlsj;

/** Whether a server asks for a client certificate (mutual TLS). */
public enum ClientAuth {
    /** No CertificateRequest is sent. */
    NONE,
    /** A certificate is asked for; a client without one is still accepted (with no identity). */
    OPTIONAL,
    /** A certificate is required: a client without one gets certificate_required (TLS 1.3). */
    REQUIRED;

    /** Parses "none", "optional" or "required". */
    public static ClientAuth parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> NONE;
            case "optional" -> OPTIONAL;
            case "required" -> REQUIRED;
            default -> throw new IllegalArgumentException("client auth must be none, optional or required, not '" + s + "'");
        };
    }
}
