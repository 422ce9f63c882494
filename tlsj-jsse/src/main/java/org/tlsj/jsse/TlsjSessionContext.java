package org.tlsj.jsse;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The sessions one {@code SSLContext} completed on one side, by id: what {@code getClientSessionContext()}
 * and {@code getServerSessionContext()} show. The tickets themselves live in tlsj's session caches; this is
 * the JSSE view of them, bounded by size and age.
 */
final class TlsjSessionContext implements SSLSessionContext {
    private final Map<String, TlsjSession> byId = new LinkedHashMap<>();
    private int timeoutSeconds = 86400;
    private int cacheSize = 20480;

    synchronized void add(TlsjSession session) {
        byId.putIfAbsent(key(session.getId()), session.origin());
        while (cacheSize > 0 && byId.size() > cacheSize) {
            byId.remove(byId.keySet().iterator().next());
        }
    }

    synchronized void remove(TlsjSession session) {
        byId.remove(key(session.getId()));
    }

    /** The completed session with this id, if still known (a server looks up the session a client resumes). */
    synchronized TlsjSession find(byte[] id) {
        return byId.get(key(id));
    }

    private static String key(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    private boolean expired(TlsjSession s) {
        return timeoutSeconds > 0 && System.currentTimeMillis() - s.getCreationTime() > timeoutSeconds * 1000L;
    }

    @Override
    public synchronized SSLSession getSession(byte[] sessionId) {
        if (sessionId == null) {
            throw new NullPointerException("session id is null");
        }
        TlsjSession s = byId.get(key(sessionId));
        return s == null || expired(s) ? null : s;
    }

    @Override
    public synchronized Enumeration<byte[]> getIds() {
        List<byte[]> ids = byId.values().stream().filter(s -> !expired(s)).map(TlsjSession::getId).toList();
        return Collections.enumeration(ids);
    }

    @Override
    public synchronized void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        timeoutSeconds = seconds;
    }

    @Override public synchronized int getSessionTimeout() { return timeoutSeconds; }

    @Override
    public synchronized void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("cache size must not be negative");
        }
        cacheSize = size;
    }

    @Override public synchronized int getSessionCacheSize() { return cacheSize; }
}
