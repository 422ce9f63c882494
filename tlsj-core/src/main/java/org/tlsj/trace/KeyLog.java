package org.tlsj.trace;

import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/**
 * Receives traffic secrets for offline decryption (NSS key log format, SSLKEYLOGFILE). Only ever called
 * when the application configured one; never on by default.
 */
@FunctionalInterface
public interface KeyLog {
    /** Logs nothing. */
    KeyLog NONE = (label, clientRandom, secret) -> { };

    /**
     * One secret.
     *
     * @param label NSS label, for example {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}
     * @param clientRandom the ClientHello random that identifies the connection
     * @param secret the secret
     */
    void log(String label, Bytes clientRandom, Secret secret);

    /** One line of the NSS key log format for the given entry. */
    static String nssLine(String label, Bytes clientRandom, Secret secret) {
        return label + " " + clientRandom.hex() + " " + java.util.HexFormat.of().formatHex(secret.expose());
    }
}
