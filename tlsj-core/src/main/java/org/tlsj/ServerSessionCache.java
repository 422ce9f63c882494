package org.tlsj;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The server's TLS 1.2 session-id cache: session id to the sealed session state (the same sealed form as a
 * ticket, so nothing secret is kept in the clear). Bounded; the oldest entries go first. Thread-safe.
 */
public interface ServerSessionCache {
    /** Keeps no sessions: TLS 1.2 clients resume by ticket only. */
    ServerSessionCache NONE = new ServerSessionCache() {
        @Override public void put(Bytes id, Bytes sealed) { }
        @Override public Optional<Bytes> get(Bytes id) { return Optional.empty(); }
    };

    /** Keeps a session. */
    void put(Bytes id, Bytes sealed);

    /** The session for this id, if kept. */
    Optional<Bytes> get(Bytes id);

    /** An in-memory cache of at most {@code max} sessions. */
    static ServerSessionCache inMemory(int max) {
        return new ServerSessionCache() {
            private final Map<Bytes, Bytes> map = new ConcurrentHashMap<>();
            private final ConcurrentLinkedQueue<Bytes> order = new ConcurrentLinkedQueue<>();

            @Override
            public void put(Bytes id, Bytes sealed) {
                if (map.put(id, sealed) == null) {
                    order.add(id);
                }
                while (map.size() > max) {
                    Bytes oldest = order.poll();
                    if (oldest == null) {
                        break;
                    }
                    map.remove(oldest);
                }
            }

            @Override
            public Optional<Bytes> get(Bytes id) {
                return Optional.ofNullable(map.get(id));
            }
        };
    }
}
