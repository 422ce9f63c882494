package org.tlsj.cli.common;

import org.tlsj.CipherSuite.KeyExchange;
import org.tlsj.NamedGroup;
import org.tlsj.SessionInfo;

/** How the CLI words a negotiated session in one line: version, suite, group, and whether it was resumed. */
public final class SessionText {
    private SessionText() {
    }

    /**
     * For example {@code TLSv1.3 TLS_AES_128_GCM_SHA256 x25519},
     * {@code TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 none (static RSA key exchange)} or, for a resumed TLS 1.2
     * session (no new key exchange, so no group), {@code TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}.
     */
    public static String negotiated(SessionInfo s) {
        String base = s.version().displayName() + " " + s.cipherSuite().displayName();
        if (!s.group().equals(NamedGroup.NONE)) {
            return base + " " + s.group().displayName();
        }
        if (s.resumed()) {
            return base;
        }
        return base + " none" + (s.cipherSuite().keyExchange() == KeyExchange.RSA ? " (static RSA key exchange)" : "");
    }

    /** {@link #negotiated}, then {@code , resumed (no certificate exchanged)} or {@code , full handshake}. */
    public static String withHandshake(SessionInfo s) {
        return negotiated(s) + (s.resumed() ? ", resumed (no certificate exchanged)" : ", full handshake");
    }
}
