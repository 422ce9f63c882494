package org.tlsj.crypto.bc;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Values derived from key objects (Bouncy Castle parameters, an Ed25519 public key), remembered per key
 * object by identity, so a server that signs with the same key every handshake converts it once. Keys are
 * held weakly; at most {@value #CAPACITY} entries are kept (the oldest go first). Thread-safe.
 */
final class KeyCache<V> {
    private static final int CAPACITY = 32;

    private final List<Entry<V>> entries = new ArrayList<>();

    /** The value for this key object, computed (outside any lock) when missing; null results are not kept. */
    V get(Object key, Supplier<V> compute) {
        synchronized (entries) {
            Iterator<Entry<V>> it = entries.iterator();
            while (it.hasNext()) {
                Entry<V> e = it.next();
                Object k = e.key.get();
                if (k == null) {
                    it.remove();
                } else if (k == key) {
                    return e.value;
                }
            }
        }
        V value = compute.get();
        if (value != null) {
            synchronized (entries) {
                if (entries.size() >= CAPACITY) {
                    entries.removeFirst();
                }
                entries.add(new Entry<>(new WeakReference<>(key), value));
            }
        }
        return value;
    }

    /** One remembered key. */
    private record Entry<V>(WeakReference<Object> key, V value) {
    }
}
