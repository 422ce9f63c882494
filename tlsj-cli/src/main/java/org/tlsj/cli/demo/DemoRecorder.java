package org.tlsj.cli.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.KeyLog;
import org.tlsj.trace.TraceListener;

/**
 * Collects the demo's handshake events from both sides, stamped with {@link System#nanoTime()} on arrival
 * (the engine itself reads no clock), and, only when asked to show secrets, the client's key log.
 */
final class DemoRecorder {
    private final List<HandshakeEvent> client = Collections.synchronizedList(new ArrayList<>());
    private final List<HandshakeEvent> server = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> secrets = Collections.synchronizedMap(new LinkedHashMap<>());

    /** The listener for the client's config. */
    TraceListener clientListener() {
        return e -> client.add(stamped(e));
    }

    /** The listener for the server's config. */
    TraceListener serverListener() {
        return e -> server.add(stamped(e));
    }

    /** A key log keeping each secret's hex by its NSS label; install it only for {@code --show-secrets}. */
    KeyLog secretsLog() {
        return (label, clientRandom, secret) -> secrets.put(label, HexFormat.of().formatHex(secret.expose()));
    }

    /** The client's events so far, in order. */
    List<HandshakeEvent> client() {
        synchronized (client) {
            return List.copyOf(client);
        }
    }

    /** The server's events so far, in order. */
    List<HandshakeEvent> server() {
        synchronized (server) {
            return List.copyOf(server);
        }
    }

    /** The secrets logged, by NSS label (empty unless {@link #secretsLog()} was installed). */
    Map<String, String> secrets() {
        synchronized (secrets) {
            return Map.copyOf(secrets);
        }
    }

    /** Forgets everything recorded so far: the next connection starts a fresh record. */
    void clear() {
        client.clear();
        server.clear();
        secrets.clear();
    }

    private static HandshakeEvent stamped(HandshakeEvent e) {
        return new HandshakeEvent(e.kind(), e.from(), e.title(), e.details(), System.nanoTime());
    }
}
