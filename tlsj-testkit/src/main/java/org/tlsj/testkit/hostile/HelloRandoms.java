package org.tlsj.testkit.hostile;

import org.tlsj.CipherSuite;
import org.tlsj.Bytes;

/**
 * What a TLS 1.2 key block needs besides the master secret, read from the plaintext hellos that pass by:
 * the client and server randoms and the suite the server chose. Reads leniently: a hostile test sends
 * broken hellos too, and those are skipped.
 */
final class HelloRandoms {
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int RANDOM_AT = 4 + 2;

    private Bytes clientRandom;
    private Bytes serverRandom;
    private CipherSuite suite;

    /** Looks at one plaintext record (header included) and keeps the randoms of the hellos in it. */
    void see(byte[] record) {
        if (record.length < 5 || (record[0] & 0xff) != Records.HANDSHAKE) {
            return;
        }
        byte[] body = new byte[record.length - 5];
        System.arraycopy(record, 5, body, 0, body.length);
        for (Bytes m : Records.messages(body)) {
            if (m.length() < RANDOM_AT + 32) {
                continue;
            }
            Bytes random = m.slice(RANDOM_AT, RANDOM_AT + 32);
            if (Records.typeOf(m) == CLIENT_HELLO) {
                clientRandom = random;
            } else if (Records.typeOf(m) == SERVER_HELLO) {
                int sid = RANDOM_AT + 32;
                if (m.length() > sid && m.length() >= sid + 1 + m.get(sid) + 2) {
                    int at = sid + 1 + m.get(sid);
                    serverRandom = random;
                    suite = new CipherSuite((m.get(at) << 8) | m.get(at + 1));
                }
            }
        }
    }

    /**
     * A TLS 1.2 sealer at sequence number zero for one direction, from the master secret and the hellos seen.
     *
     * @throws IllegalStateException if no ClientHello or ServerHello was seen
     */
    RecordSealer sealer(byte[] masterSecret, boolean clientWrite) {
        if (clientRandom == null || serverRandom == null) {
            throw new IllegalStateException("the TLS 1.2 key block needs both hellos; seen: client "
                    + (clientRandom != null) + ", server " + (serverRandom != null));
        }
        return RecordSealer.tls12(suite, masterSecret, clientRandom, serverRandom, clientWrite);
    }
}
