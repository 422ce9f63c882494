package org.tlsj.jsse;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLSession;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.ProtocolVersion;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConnection;
import org.tlsj.SessionInfo;
import org.tlsj.TlsConnection;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;

/**
 * An {@code SSLEngine} over a tlsj {@link TlsConnection}. {@link #unwrap} consumes exactly one whole TLS
 * record per call (BUFFER_UNDERFLOW until one is there); {@link #wrap} first sends pending handshake or
 * alert bytes, then protects at most 2^14 bytes of application data per call. Plaintext that does not fit
 * the caller's buffers stays buffered and is delivered first by the next {@code unwrap}.
 *
 * <p>Delegated tasks: a handshake record received while the handshake runs (its processing does the key
 * exchange, signatures and certificate checks) is consumed by {@code unwrap}, which returns OK with
 * NEED_TASK; the {@link Runnable} from {@link #getDelegatedTask()} feeds it to the connection. Until it has
 * run, wrap and unwrap produce nothing and report NEED_TASK. A failure in the task is thrown by the next
 * wrap or unwrap. On receiving the peer's close_notify the engine answers with its own (the outbound side
 * closes too). Thread-safe: all calls are serialized on one lock (a task too, while it runs).
 */
public final class TlsjSSLEngine extends SettingsEngine {
    private static final int MAX_FRAGMENT = 16384;
    /** Header plus the largest expansion a protected record may add (TLS 1.3 padding included). */
    private static final int RECORD_EXPANSION = 5 + 256;
    private static final int AEAD_TAG = 16;

    private final TlsjSession nullSession;
    private TlsConnection conn;
    private final Outbound out = new Outbound();
    private boolean outboundClosed;
    private boolean inboundDone;
    private boolean closeNotifyReceived;
    private boolean finishedReported;
    private SSLException failure;
    private TlsjSession handshakeSession;
    private TlsjSession session;
    private ResumableSession offered;
    private ServerHelloHook serverHook;
    private final HandshakeTask task = new HandshakeTask();

    TlsjSSLEngine(JsseContext ctx, String host, int port) {
        super(ctx, host, port);
        this.nullSession = TlsjSession.fresh(this, new byte[0]);
    }

    // ---- wrap / unwrap ----

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        synchronized (lock) {
            if (conn == null) {
                if (outboundClosed) {
                    return wrapResult(Status.CLOSED, 0, 0);
                }
                start();
            }
            task.rethrow();
            if (task.waiting()) {
                return wrapResult(Status.OK, 0, 0);
            }
            pull();
            if (out.hasRemaining()) {
                return flush(dst, 0, 0);
            }
            if (outboundClosed || failure != null) {
                return wrapResult(Status.CLOSED, 0, 0);
            }
            long available = InboundRecord.remaining(srcs, offset, length);
            if (!conn.isHandshakeComplete() || available == 0) {
                return wrapResult(Status.OK, 0, 0);
            }
            int chunk = (int) Math.min(available, Math.max(64, Math.min(MAX_FRAGMENT,
                    packetBufferSize() - RECORD_EXPANSION)));
            if (dst.remaining() < chunk + RECORD_EXPANSION) {
                return wrapResult(Status.BUFFER_OVERFLOW, 0, 0);
            }
            try {
                conn.write(Outbound.gather(srcs, offset, length, chunk));
            } catch (TlsException e) {
                throw fail(e);
            }
            return flush(dst, chunk, out.drainDirect(conn, dst));
        }
    }

    /** Copies what waits into {@code dst} after the {@code produced} bytes already drained into it. */
    private SSLEngineResult flush(ByteBuffer dst, int consumed, int produced) {
        int n = out.remaining();
        if (consumed == 0 && dst.remaining() < Math.min(n, packetBufferSize())) {
            return wrapResult(Status.BUFFER_OVERFLOW, 0, 0);
        }
        int k = produced + out.copyTo(dst);
        boolean closed = (outboundClosed || failure != null) && !out.hasRemaining() && !conn.hasPendingOutput();
        return wrapResult(closed ? Status.CLOSED : Status.OK, consumed, k);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
        }
        synchronized (lock) {
            if (conn == null) {
                if (inboundDone) {
                    return result(Status.CLOSED, 0, 0);
                }
                start();
                if (settings.clientMode) {
                    return result(Status.OK, 0, 0);
                }
            }
            task.rethrow();
            if (task.waiting()) {
                return result(Status.OK, 0, 0);
            }
            if (conn.hasPendingPlaintext()) {
                int n = deliver(dsts, offset, length);
                return result(n == 0 ? Status.BUFFER_OVERFLOW : Status.OK, 0, n);
            }
            if (inboundDone || failure != null) {
                return result(Status.CLOSED, 0, 0);
            }
            InboundRecord rec = InboundRecord.peek(src);
            if (rec == null || !rec.complete(src)) {
                return result(Status.BUFFER_UNDERFLOW, 0, 0);
            }
            if (rec.type() == InboundRecord.APPLICATION_DATA && conn.isHandshakeComplete()
                    && InboundRecord.remaining(dsts, offset, length) < Math.min(rec.length() - AEAD_TAG, MAX_FRAGMENT)) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
            int p = src.position();
            if (!conn.isHandshakeComplete() && !rec.malformed() && (rec.type() == InboundRecord.HANDSHAKE
                    || rec.type() == InboundRecord.APPLICATION_DATA)) {
                task.hold(src, rec.size());
                return result(Status.OK, rec.size(), 0);
            }
            ByteBuffer record = src.slice(p, rec.size());
            try {
                conn.feed(record);
            } catch (TlsException e) {
                throw fail(e);
            } finally {
                src.position(p + record.position());
            }
            if (rec.malformed()) {
                // The connection refuses every header InboundRecord hands on partly; this is a safety net.
                throw failLocally(new SSLException("the peer's bytes are not a TLS record (length " + rec.length() + ")"));
            }
            pull();
            checkComplete();
            int n = deliver(dsts, offset, length);
            ConnectionStatus cs = conn.status();
            if (cs == ConnectionStatus.INBOUND_CLOSED || cs == ConnectionStatus.CLOSED) {
                closeNotifyReceived = true;
                inboundDone = true;
                closeOutbound();
                return result(Status.CLOSED, record.position(), n);
            }
            return result(Status.OK, record.position(), n);
        }
    }

    private int deliver(ByteBuffer[] dsts, int offset, int length) throws SSLException {
        try {
            return InboundRecord.deliver(conn, dsts, offset, length);
        } catch (TlsException e) {
            throw fail(e);
        }
    }

    /** The delegated task's body: feeds the held handshake record to the connection. */
    private void runTask() {
        synchronized (lock) {
            ByteBuffer record = task.take();
            if (record == null) {
                return;
            }
            try {
                conn.feed(record);
                pull();
                checkComplete();
            } catch (TlsException e) {
                task.failed(fail(e));
            }
        }
    }

    // ---- state ----

    private void start() throws SSLException {
        if (outboundClosed || inboundDone) {
            throw new SSLException("the engine is closed");
        }
        byte[] id = new byte[32];
        ctx.crypto.random().nextBytes(id);
        handshakeSession = TlsjSession.fresh(this, id);
        handshakeSession.handshakeProtocol(settings.versions.getFirst().displayName());
        try {
            if (settings.clientMode) {
                conn = ClientConnection.start(ConfigFactory.client(ctx, settings, this), settings.sniHost(getPeerHost()));
            } else {
                serverHook = new ServerHelloHook(this);
                conn = ServerConnection.accept(ConfigFactory.server(ctx, settings, serverHook, this));
            }
        } catch (IllegalArgumentException e) {
            throw failLocally(new SSLHandshakeException("TLSJ cannot start the handshake: " + e.getMessage()));
        }
        pull();
    }

    private void pull() {
        out.pullFrom(conn);
    }

    private void checkComplete() {
        if (session != null || conn == null || !conn.isHandshakeComplete()) {
            return;
        }
        SessionInfo info = conn.session().orElseThrow();
        session = settings.clientMode
                ? handshakeSession.completeClient(info, offered == null ? null : ctx.originOf(offered), ctx.clientContext)
                : handshakeSession.completeServer(info, ctx.serverContext);
    }

    private HandshakeStatus status() {
        if (conn == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (task.waiting()) {
            return HandshakeStatus.NEED_TASK;
        }
        if (out.hasRemaining() || conn.hasPendingOutput()) {
            return HandshakeStatus.NEED_WRAP;
        }
        if (session != null && !finishedReported && failure == null && !inboundDone && !outboundClosed) {
            // The handshake completed with nothing left to send (a TLS 1.3 server that issues no tickets, once
            // a delegated task took the client's Finished): a wrap reports FINISHED.
            return HandshakeStatus.NEED_WRAP;
        }
        if (failure != null || inboundDone || outboundClosed || conn.isHandshakeComplete()) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        return HandshakeStatus.NEED_UNWRAP;
    }

    /** An unwrap's result: FINISHED only on one that consumed or produced bytes (or on a closed engine). */
    private SSLEngineResult result(Status st, int consumed, int produced) {
        return result(st, consumed, produced, consumed > 0 || produced > 0);
    }

    /** A wrap's result: FINISHED as soon as the handshake is complete and nothing is left to send. */
    private SSLEngineResult wrapResult(Status st, int consumed, int produced) {
        return result(st, consumed, produced, true);
    }

    /**
     * The result, with FINISHED once per handshake, on the first result that may carry it. Jetty 12 looks for
     * FINISHED only on a wrap or on an unwrap that moved bytes (it reads OK with nothing moved as an underflow),
     * and closes a connection whose handshake it never saw finish; so an unwrap with nothing to do says
     * NEED_WRAP instead (see {@link #status}).
     */
    private SSLEngineResult result(Status st, int consumed, int produced, boolean mayFinish) {
        HandshakeStatus hs = status();
        boolean closed = failure != null || inboundDone || outboundClosed;
        if (session != null && !finishedReported && !task.waiting() && !out.hasRemaining() && !conn.hasPendingOutput()
                && (mayFinish || closed)) {
            finishedReported = true;
            hs = HandshakeStatus.FINISHED;
        }
        return new SSLEngineResult(st, hs, consumed, produced);
    }

    private SSLException fail(TlsException e) {
        pull();
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        SSLException x = session == null ? new SSLHandshakeException(message, e) : new SSLException(message, e);
        return failLocally(x);
    }

    private SSLException failLocally(SSLException x) {
        failure = x;
        inboundDone = true;
        outboundClosed = true;
        return x;
    }

    // ---- SSLEngine ----

    /** The task that processes the handshake record unwrap took (once; null if there is none to hand out). */
    @Override
    public Runnable getDelegatedTask() {
        synchronized (lock) {
            return task.handOut(this::runTask);
        }
    }

    @Override
    public void beginHandshake() throws SSLException {
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
            if (conn == null) {
                start();
            } else if (session != null) {
                if (!session.getProtocol().equals(ProtocolVersion.TLS13.displayName())) {
                    throw new SSLHandshakeException("TLSJ does not renegotiate TLS 1.2 connections");
                }
                try {
                    conn.requestKeyUpdate(true);
                } catch (TlsException e) {
                    throw fail(e);
                }
                pull();
            }
        }
    }

    @Override
    public void closeInbound() throws SSLException {
        synchronized (lock) {
            if (inboundDone) {
                return;
            }
            inboundDone = true;
            if (conn != null && !closeNotifyReceived && failure == null) {
                closeOutbound();
                throw new SSLException("closing inbound before receiving peer's close_notify");
            }
        }
    }

    @Override
    public boolean isInboundDone() {
        synchronized (lock) {
            return inboundDone && (conn == null || !conn.hasPendingPlaintext());
        }
    }

    @Override
    public void closeOutbound() {
        synchronized (lock) {
            if (outboundClosed) {
                return;
            }
            outboundClosed = true;
            if (conn != null && failure == null) {
                conn.closeOutbound();
                pull();
            }
        }
    }

    @Override
    public boolean isOutboundDone() {
        synchronized (lock) {
            return outboundClosed && !out.hasRemaining() && (conn == null || !conn.hasPendingOutput());
        }
    }

    @Override
    public HandshakeStatus getHandshakeStatus() {
        synchronized (lock) {
            return status();
        }
    }

    @Override
    public SSLSession getSession() {
        synchronized (lock) {
            return session != null ? session : nullSession;
        }
    }

    @Override
    public SSLSession getHandshakeSession() {
        synchronized (lock) {
            return handshakeSessionImpl();
        }
    }

    @Override
    public String getApplicationProtocol() {
        synchronized (lock) {
            return session == null ? null : session.info().applicationProtocol().orElse("");
        }
    }

    /**
     * On a server, once the ClientHello is read: the protocol chosen, or "" for none. Null otherwise (a
     * client learns it when the handshake completes; see {@link #getApplicationProtocol()}).
     */
    @Override
    public String getHandshakeApplicationProtocol() {
        synchronized (lock) {
            return handshakeSessionImpl() != null && serverHook != null ? serverHook.protocol() : null;
        }
    }

    @Override
    boolean started() {
        return conn != null;
    }

    // ---- for the adapters, the session and the socket ----

    /** Whether the engine failed on its own side and so queued a fatal alert (not the peer's alert). */
    boolean sentFatalAlert() {
        synchronized (lock) {
            return failure != null && failure.getCause() instanceof TlsFatalAlertException;
        }
    }

    TlsjSession handshakeSessionImpl() {
        synchronized (lock) {
            return conn != null && session == null && failure == null ? handshakeSession : null;
        }
    }

    TlsjSession sessionOrigin() {
        synchronized (lock) {
            return session != null ? session.origin() : handshakeSession;
        }
    }

    void offered(ResumableSession s) {
        synchronized (lock) {
            offered = s;
        }
    }


    byte[] exportKeyingMaterial(String label, byte[] context, int length) throws SSLKeyException {
        synchronized (lock) {
            try {
                return conn.exportKeyingMaterial(label, Optional.ofNullable(context), length);
            } catch (TlsException | IllegalStateException | IllegalArgumentException e) {
                SSLKeyException x = new SSLKeyException("cannot export keying material: " + e.getMessage());
                x.initCause(e);
                throw x;
            }
        }
    }
}
