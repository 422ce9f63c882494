package org.tlsj.jsse;

import java.lang.ref.WeakReference;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;
import org.tlsj.SessionInfo;

/**
 * One TLSJ session as JSSE sees it. While the handshake runs it is the engine's handshake session (peer
 * host, requested names, the peer's chain once received); when the handshake completes it takes the
 * negotiated {@link SessionInfo}. A resumed connection gets a new object with the same id and creation time
 * as the session it resumes (on both sides: a server's id is the one tlsj keeps across resumptions), so
 * resumption shows as {@code getSession().getId()} reuse while exporters stay bound to the connection that asks.
 */
final class TlsjSession extends ExtendedSSLSession {
    /** The largest TLS record on the wire: header, 2^14 bytes of data and the largest expansion. */
    static final int PACKET_BUFFER_SIZE = 16709;
    /** Room for the plaintext of any record (what SunJSSE reports too). */
    static final int APPLICATION_BUFFER_SIZE = PACKET_BUFFER_SIZE - 5;

    /**
     * Weak: the context's session cache keeps sessions for a day, and must not keep their engines (with the
     * connection's buffers and keys) alive; what a session needs of its engine later is copied below.
     */
    private final WeakReference<TlsjSSLEngine> engine;
    private final String peerHost;
    private final int peerPort;
    private volatile byte[] id;
    private final long creationTime;
    private final TlsjSession origin;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private volatile long lastAccessed;
    private volatile boolean valid = true;
    private volatile SessionInfo info;
    private volatile List<X509Certificate> peerCertificates = List.of();
    private volatile List<X509Certificate> localCertificates = List.of();
    private volatile String handshakeProtocol = "NONE";
    private volatile List<SNIServerName> requestedNames;
    private volatile String[] peerSignatureAlgorithms;
    private volatile TlsjSessionContext context;

    private TlsjSession(TlsjSSLEngine engine, byte[] id, long creationTime, TlsjSession origin) {
        this.engine = new WeakReference<>(engine);
        this.peerHost = engine.getPeerHost();
        this.peerPort = engine.getPeerPort();
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessed = creationTime;
        this.origin = origin == null ? this : origin;
    }

    /** A fresh session for a handshake about to start (or the null session, before one). */
    static TlsjSession fresh(TlsjSSLEngine engine, byte[] id) {
        return new TlsjSession(engine, id, System.currentTimeMillis(), null);
    }

    /**
     * A session for {@code engine} resuming this one: same id and creation time. Called while {@code engine}
     * completes its handshake, so it is alive.
     */
    TlsjSession resumedBy(TlsjSSLEngine other) {
        TlsjSession s = new TlsjSession(other, id, creationTime, origin);
        s.peerCertificates = peerCertificates;
        s.localCertificates = localCertificates;
        s.requestedNames = requestedNames;
        s.peerSignatureAlgorithms = peerSignatureAlgorithms;
        return s;
    }

    /** The session first created with this id. */
    TlsjSession origin() {
        return origin;
    }

    /** A server takes the id tlsj gave the session once the handshake completes (before joining a context). */
    void id(byte[] value) {
        id = value.clone();
    }

    void handshakeProtocol(String protocol) {
        handshakeProtocol = protocol;
    }

    /** What a server learned from the ClientHello: the names asked for and the client's signature algorithms. */
    void clientHello(List<SNIServerName> names, String[] peerAlgorithms) {
        requestedNames = List.copyOf(names);
        peerSignatureAlgorithms = peerAlgorithms.clone();
    }

    void peerCertificates(List<X509Certificate> chain) {
        peerCertificates = List.copyOf(chain);
    }

    /**
     * A client's handshake completed: this session, or one resuming {@code origin} (the session the offered
     * ticket came from, null if unknown), completed and in {@code in}.
     */
    TlsjSession completeClient(SessionInfo negotiated, TlsjSession origin, TlsjSessionContext in) {
        TlsjSession s = negotiated.resumed() && origin != null ? origin.resumedBy(engine.get()) : this;
        s.complete(negotiated, in);
        return s;
    }

    /**
     * A server's handshake completed: the session takes tlsj's id; a resumption shows as a session resuming the
     * one in {@code in} with that id (same id and creation time).
     */
    TlsjSession completeServer(SessionInfo negotiated, TlsjSessionContext in) {
        TlsjSession s = this;
        if (negotiated.sessionId().isPresent()) {
            byte[] sid = java.util.HexFormat.of().parseHex(negotiated.sessionId().get());
            TlsjSession origin = negotiated.resumed() ? in.find(sid) : null;
            id(sid);
            s = origin != null ? origin.resumedBy(engine.get()) : this;
        }
        s.complete(negotiated, in);
        return s;
    }

    /**
     * Records the negotiated parameters and joins the session context. The chains are the ones this handshake
     * exchanged; a resumption exchanges none and keeps those of the session it resumes, as SunJSSE reports them.
     */
    void complete(SessionInfo negotiated, TlsjSessionContext in) {
        info = negotiated;
        if (!negotiated.peerCertificates().isEmpty()) {
            peerCertificates = negotiated.peerCertificates();
        }
        if (!negotiated.localCertificates().isEmpty()) {
            localCertificates = negotiated.localCertificates();
        }
        lastAccessed = System.currentTimeMillis();
        context = in;
        in.add(this);
    }

    SessionInfo info() {
        return info;
    }

    @Override public byte[] getId() { return id.clone(); }
    @Override public SSLSessionContext getSessionContext() { return context; }
    @Override public long getCreationTime() { return creationTime; }
    @Override public long getLastAccessedTime() { return lastAccessed; }

    /**
     * Ends the session for resumption. A resumed connection's session stands for the one it resumes (same id),
     * so the session first created with this id is invalidated too: no later connection resumes it.
     */
    @Override
    public void invalidate() {
        valid = false;
        origin.valid = false;
        TlsjSessionContext c = context;
        if (c != null) {
            c.remove(this);
        }
    }

    @Override public boolean isValid() { return valid && origin.valid && info != null; }

    @Override
    public void putValue(String name, Object value) {
        Object old = values.put(name, value);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener l) {
            l.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    /** {@link TlsjContexts#SESSION_INFO} gives the negotiated {@link SessionInfo}, also through wrappers. */
    @Override
    public Object getValue(String name) {
        return TlsjContexts.SESSION_INFO.equals(name) ? info : values.get(name);
    }

    @Override
    public void removeValue(String name) {
        Object old = values.remove(name);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override public String[] getValueNames() { return values.keySet().toArray(String[]::new); }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        List<X509Certificate> c = peerCertificates;
        if (c.isEmpty()) {
            throw new SSLPeerUnverifiedException("peer not authenticated");
        }
        return c.toArray(Certificate[]::new);
    }

    @Override
    public Certificate[] getLocalCertificates() {
        List<X509Certificate> c = localCertificates;
        return c.isEmpty() ? null : c.toArray(Certificate[]::new);
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return ((X509Certificate) getPeerCertificates()[0]).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        List<X509Certificate> c = localCertificates;
        return c.isEmpty() ? null : c.getFirst().getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        SessionInfo i = info;
        return i == null ? "SSL_NULL_WITH_NULL_NULL" : i.cipherSuite().displayName();
    }

    @Override
    public String getProtocol() {
        SessionInfo i = info;
        return i == null ? handshakeProtocol : i.version().displayName();
    }

    @Override public String getPeerHost() { return peerHost; }
    @Override public int getPeerPort() { return peerPort; }

    /** The engine's maximum packet size ({@code SSLParameters.setMaximumPacketSize}), 16709 by default. */
    @Override
    public int getPacketBufferSize() {
        TlsjSSLEngine e = engine.get();
        return e != null ? e.packetBufferSize() : PACKET_BUFFER_SIZE;
    }
    @Override public int getApplicationBufferSize() { return APPLICATION_BUFFER_SIZE; }

    /** JCA names (as SunJSSE gives them) of the schemes we accept in handshakes and certificates. */
    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        TlsjSSLEngine e = engine.get();
        return e != null ? JsseNames.jcaSignatureNames(e.localSchemes()) : new String[0];
    }

    /**
     * On a server, the client's signature_algorithms as JCA names; on a client (tlsj does not expose the
     * server's CertificateRequest), the same list as {@link #getLocalSupportedSignatureAlgorithms()}.
     */
    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        String[] peer = peerSignatureAlgorithms;
        return peer != null ? peer.clone() : getLocalSupportedSignatureAlgorithms();
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        SessionInfo i = info;
        if (i != null && i.serverName().isPresent()) {
            return List.of(new SNIHostName(i.serverName().get()));
        }
        List<SNIServerName> names = requestedNames;
        if (names != null) {
            return names;
        }
        TlsjSSLEngine e = engine.get();
        return e != null ? e.requestedServerNames() : List.of();
    }

    /** Empty: tlsj does not request OCSP stapling. */
    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    @Override
    public SecretKey exportKeyingMaterialKey(String keyAlg, String label, byte[] context, int length)
            throws SSLKeyException {
        byte[] data = exportKeyingMaterialData(label, context, length);
        try {
            return new SecretKeySpec(data, keyAlg);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    public byte[] exportKeyingMaterialData(String label, byte[] context, int length) throws SSLKeyException {
        if (info == null) {
            throw new SSLKeyException("keying material can be exported only after the handshake");
        }
        TlsjSSLEngine e = engine.get();
        if (e == null) {
            throw new SSLKeyException("keying material can be exported only while the connection of this session exists");
        }
        return e.exportKeyingMaterial(label, context, length);
    }

    @Override
    public String toString() {
        return "TlsjSession[" + getProtocol() + ", " + getCipherSuite() + "]";
    }
}
