package org.tlsj;

import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Sessions a client can resume, keyed by server name. Shared by the connections of one client config, so
 * implementations are thread-safe. A session is taken out when offered: tickets are used once.
 */
public interface ClientSessionCache {
    /** Keeps nothing: every handshake is a full one. */
    ClientSessionCache NONE = new ClientSessionCache() {
        @Override public void put(String serverName, ResumableSession session) { }
        @Override public Optional<ResumableSession> take(String serverName) { return Optional.empty(); }
    };

    /** Keeps a session for later. */
    void put(String serverName, ResumableSession session);

    /** Removes and returns a session for this server, if one is kept. */
    Optional<ResumableSession> take(String serverName);

    /** An in-memory cache of at most about {@code maxServers} names, each with up to 4 sessions (oldest dropped). */
    static ClientSessionCache inMemory(int maxServers) {
        return new ClientSessionCache() {
            private final Map<String, Deque<ResumableSession>> byName = new ConcurrentHashMap<>();

            @Override
            public void put(String serverName, ResumableSession session) {
                if (byName.size() >= maxServers && !byName.containsKey(serverName)) {
                    byName.keySet().stream().findFirst().ifPresent(byName::remove);
                }
                Deque<ResumableSession> d = byName.computeIfAbsent(serverName, k -> new ConcurrentLinkedDeque<>());
                d.addLast(session);
                while (d.size() > 4) {
                    d.pollFirst();
                }
            }

            @Override
            public Optional<ResumableSession> take(String serverName) {
                Deque<ResumableSession> d = byName.get(serverName);
                return d == null ? Optional.empty() : Optional.ofNullable(d.pollLast());
            }
        };
    }
}
