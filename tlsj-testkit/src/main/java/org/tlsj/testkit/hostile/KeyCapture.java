package org.tlsj.testkit.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;
import org.tlsj.trace.KeyLog;

/**
 * A key log that keeps every secret it is given (a copy: the engine destroys its own), so a test can seal
 * and open records under a peer's keys or check that no secret leaks anywhere.
 */
public final class KeyCapture implements KeyLog {
    private final Map<String, byte[]> latest = new LinkedHashMap<>();
    private final List<byte[]> all = new ArrayList<>();

    @Override
    public synchronized void log(String label, Bytes clientRandom, Secret secret) {
        byte[] value = secret.expose();
        latest.put(label, value);
        all.add(value);
    }

    /**
     * The last secret logged under this NSS label.
     *
     * @throws IllegalStateException if none was logged
     */
    public synchronized byte[] secret(String label) {
        byte[] s = latest.get(label);
        if (s == null) {
            throw new IllegalStateException("no secret logged as " + label + "; logged: " + latest.keySet());
        }
        return s.clone();
    }

    /** Whether a secret was logged under this label. */
    public synchronized boolean has(String label) {
        return latest.containsKey(label);
    }

    /** Every secret logged so far, in order (copies). */
    public synchronized List<byte[]> all() {
        return all.stream().map(byte[]::clone).toList();
    }

    /** The labels logged so far (no values). */
    @Override
    public synchronized String toString() {
        return "KeyCapture" + latest.keySet();
    }
}
