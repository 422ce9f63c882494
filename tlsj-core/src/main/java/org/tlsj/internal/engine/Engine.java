package org.tlsj.internal.engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.Exporter;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.client.ClientHelloStage;
import org.tlsj.internal.handshake.server.ServerHelloStage;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.ServerHelloDone;
import org.tlsj.internal.record.ContentType;
import org.tlsj.internal.record.RecordLayer;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.KeyLog;
import org.tlsj.trace.Role;
import org.tlsj.trace.TraceListener;

/**
 * The connection engine behind {@code ClientConnection} and {@code ServerConnection}: feeds the peer's records
 * through its {@link RecordLayer}, hands handshake messages to one handshake machine (the {@link Effects} it
 * calls go back to the record layer), and keeps the sticky error, the close state and the session.
 * Sans-IO: bytes in, bytes out.
 */
public final class Engine implements Effects {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final Role role;
    private final TraceListener trace;
    private final KeyLog keyLog;
    private final RecordLayer records;
    private HandshakeMachine machine;
    /** The peer asked for our KeyUpdate; it goes out before our next application data (RFC 8446 section 4.6.3). */
    private boolean keyUpdateOwed;
    private SessionInfo session;
    private Exporter exporter;
    private TlsException failure;
    private boolean inboundClosed;
    private boolean outboundClosed;

    private Engine(Role role, TraceListener trace, KeyLog keyLog, long keyUpdateRecordLimit, int maxHandshakeMessage) {
        this.role = role;
        this.trace = trace;
        this.keyLog = keyLog;
        this.records = new RecordLayer(role == Role.CLIENT, maxHandshakeMessage, keyUpdateRecordLimit);
    }

    /** A client engine; the ClientHello is queued on return. */
    public static Engine client(ClientConfig config, String serverName) {
        Engine e = new Engine(Role.CLIENT, config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        try {
            e.machine = ClientHelloStage.start(config, serverName, e);
            e.records.out().flushHandshake();
        } catch (TlsFatalAlertException ex) {
            throw new IllegalStateException("cannot build a ClientHello: " + ex.getMessage(), ex);
        }
        return e;
    }

    /** Test seam for known-answer replay: a client engine that sends the given ClientHello. */
    public static Engine clientWithHello(ClientConfig config, String serverName, Bytes clientHello)
            throws TlsFatalAlertException {
        Engine e = new Engine(Role.CLIENT, config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        e.machine = ClientHelloStage.startWithHello(config, serverName,
                (ClientHello) HandshakeCodec.decode(clientHello), e);
        e.records.out().flushHandshake();
        return e;
    }

    /** A server engine waiting for a ClientHello. */
    public static Engine server(ServerConfig config) {
        Engine e = new Engine(Role.SERVER, config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        e.machine = ServerHelloStage.start(config, e);
        return e;
    }

    // ---- the application-facing calls --------------------------------------------------------------------

    /** See {@code TlsConnection.feed}. */
    public void feed(ByteBuffer src) throws TlsException {
        throwIfFailed();
        try {
            // An application_data record waits while the application has unread plaintext (bounded memory).
            while (!inboundClosed && records.nextRecord(src)) {
                processRecord();
                records.consume();
                if (machine.isConnected()) {
                    records.releaseInbound();
                }
            }
            if (inboundClosed) {
                src.position(src.limit()); // RFC 8446 section 6.1: data after close_notify is ignored
            }
            records.out().flushHandshake();
            releaseOutbound();
        } catch (TlsFatalAlertException e) {
            throw fail(e);
        } catch (TlsPeerAlertException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            throw fail(Fatal.of(Reason.Local.INTERNAL, e.getClass().getSimpleName(), e));
        }
    }

    /** See {@code TlsConnection.drainOutput}. */
    public int drainOutput(ByteBuffer dst) {
        int n = records.out().drain(dst);
        releaseOutbound();
        return n;
    }

    /**
     * Once connected with nothing queued: the handshake flight grew the output buffer beyond what data records
     * need; they size it again once. Checked after draining and at the end of feeding, once what the records
     * fed made us send is queued: a server that sends no tickets connects on the client's Finished with
     * nothing more to drain.
     */
    private void releaseOutbound() {
        if (machine.isConnected()) {
            records.releaseOutbound();
        }
    }

    /**
     * Bytes of buffer this connection holds now: record output and input, handshake reassembly, plaintext.
     * For tests and diagnostics (an idle connection should hold almost none).
     */
    public int heldBufferBytes() {
        return records.heldBufferBytes();
    }

    /** See {@code TlsConnection.hasPendingOutput}. */
    public boolean hasPendingOutput() {
        return records.out().pending() > 0;
    }

    /** See {@code TlsConnection.read}. */
    public int read(ByteBuffer dst) throws TlsException {
        if (!records.hasPendingPlaintext()) {
            throwIfFailed();
            if (!records.hasHeldRecord()) {
                return 0;
            }
            feed(EMPTY); // a record held back while the application had unread data
        }
        return records.read(dst);
    }

    /** See {@code TlsConnection.hasPendingPlaintext}. */
    public boolean hasPendingPlaintext() {
        return records.hasPendingPlaintext();
    }

    /** See {@code TlsConnection.write}. */
    public int write(ByteBuffer src) throws TlsException {
        throwIfFailed();
        if (!machine.isConnected()) {
            throw new IllegalStateException("the handshake is not complete");
        }
        if (outboundClosed) {
            throw new IllegalStateException("the connection is closed for writing");
        }
        int total = src.remaining();
        try {
            if (keyUpdateOwed && src.hasRemaining()) {
                sendKeyUpdate(false); // the answer to the peer's update_requested, before our data
            }
            while (src.hasRemaining()) {
                if (records.out().writeApplicationData(src)) {
                    sendKeyUpdate(false); // RFC 8446 section 5.5: rekey before the AEAD limit
                }
            }
        } catch (TlsFatalAlertException e) {
            throw fail(e);
        }
        return total;
    }

    /** See {@code TlsConnection.closeOutbound}. */
    public void closeOutbound() {
        if (outboundClosed || failure != null) {
            return;
        }
        try {
            records.out().writeAlert(1, AlertDescription.CLOSE_NOTIFY);
        } catch (TlsFatalAlertException e) {
            fail(e);
        }
        outboundClosed = true;
    }

    /** See {@code TlsConnection.requestKeyUpdate}. */
    public void requestKeyUpdate(boolean requestPeerUpdate) throws TlsException {
        throwIfFailed();
        if (!machine.isConnected() || outboundClosed) {
            throw new IllegalStateException("KeyUpdate needs an established connection open for writing");
        }
        try {
            sendKeyUpdate(requestPeerUpdate);
        } catch (TlsFatalAlertException e) {
            throw fail(e);
        }
    }

    /** Sends a KeyUpdate now; it also answers a request of the peer's still owed. */
    private void sendKeyUpdate(boolean requestPeerUpdate) throws TlsFatalAlertException {
        machine.sendKeyUpdate(requestPeerUpdate);
        keyUpdateOwed = false;
        records.out().flushHandshake();
    }

    /** See {@code TlsConnection.status}. */
    public ConnectionStatus status() {
        if (failure != null) {
            return ConnectionStatus.FAILED;
        }
        if (inboundClosed) {
            return outboundClosed ? ConnectionStatus.CLOSED : ConnectionStatus.INBOUND_CLOSED;
        }
        return machine.isConnected() ? ConnectionStatus.ESTABLISHED : ConnectionStatus.HANDSHAKING;
    }

    /** See {@code TlsConnection.session}. */
    public Optional<SessionInfo> session() {
        return Optional.ofNullable(session);
    }

    /** See {@code TlsConnection.failure}. */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }

    private void throwIfFailed() throws TlsException {
        if (failure != null) {
            throw failure;
        }
    }

    /** Makes the error sticky and queues its alert (once). */
    private TlsFatalAlertException fail(TlsFatalAlertException e) {
        if (failure == null) {
            failure = e;
            trace(new HandshakeEvent(HandshakeEvent.Kind.ALERT, role, "Alert " + e.sent().rfcName(),
                    List.of(new Detail("reason", e.getMessage())), 0));
            if (!outboundClosed) {
                try {
                    records.out().writeAlert(2, e.sent());
                } catch (TlsFatalAlertException ignored) {
                    // The alert cannot be protected; the connection is failed either way.
                }
                outboundClosed = true;
            }
        }
        return e;
    }

    // ---- inbound records: what the record layer hands on ----------------------------------------------------

    private void processRecord() throws TlsException {
        switch (records.process(machine.isConnected())) {
            case ContentType.CHANGE_CIPHER_SPEC -> onChangeCipherSpec();
            case ContentType.HANDSHAKE -> onHandshakeMessages();
            case ContentType.ALERT -> onAlert(records.alertLevel(), records.alertDescription());
            default -> { } // application data is in the record layer's plaintext buffer; empty records are counted
        }
    }

    /**
     * A change_cipher_spec goes to the machine's table like a handshake message: the TLS 1.2 tables take it right
     * before the peer's Finished, the TLS 1.3 tables drop the compatibility one (RFC 8446 section 5), and every
     * other state refuses it. A dropped one is no progress, so it counts toward the flood limit.
     */
    private void onChangeCipherSpec() throws TlsFatalAlertException {
        machine = machine.onMessage(ChangeCipherSpec.INSTANCE, Bytes.EMPTY);
        if (machine.version().equals(ProtocolVersion.TLS13)) {
            records.countUseless();
        }
    }

    private void onHandshakeMessages() throws TlsFatalAlertException {
        Bytes raw;
        while ((raw = records.nextHandshakeMessage()) != null) {
            HandshakeMessage message = machine.decode(raw);
            if (records.hasPartialHandshake() && endsPeersFlight(message)) {
                // The peer waits for our answer after this message, so it cannot have written more handshake
                // bytes behind it in the same record (BoringSSL: EXCESS_HANDSHAKE_DATA; RFC 8446 section 5.1).
                throw Fatal.of(Reason.PeerMisbehaved.EXCESS_HANDSHAKE_DATA, "handshake bytes follow "
                        + message.getClass().getSimpleName() + " in its record");
            }
            if (message instanceof KeyUpdate) {
                records.countKeyUpdate(); // a KeyUpdate flood without application data in between is refused
            }
            machine = machine.onMessage(message, raw); // a hello stage hands over to the version's machine
        }
    }

    /** A ClientHello, a HelloRetryRequest or a ServerHelloDone: the peer's flight ends, it waits for ours. */
    private static boolean endsPeersFlight(HandshakeMessage m) {
        return m instanceof ClientHello || m instanceof HelloRetryRequest || m instanceof ServerHelloDone;
    }

    private void onAlert(int level, int description) throws TlsException {
        trace(new HandshakeEvent(HandshakeEvent.Kind.ALERT, role.peer(), "Alert "
                + AlertDescription.fromCode(description).map(AlertDescription::rfcName).orElse("" + description),
                List.of(new Detail("level", level == 1 ? "warning" : "fatal")), 0));
        if (description == AlertDescription.CLOSE_NOTIFY.code()) {
            inboundClosed = true;
        } else if (description == AlertDescription.USER_CANCELED.code()) {
            records.countUseless(); // RFC 8446 section 6.1: user_canceled is followed by close_notify
        } else if (level == 1 && machine.toleratesWarningAlerts()) {
            records.countUseless(); // RFC 5246 section 7.2: a TLS 1.2 warning does not end the connection (bounded)
        } else {
            // RFC 8446 section 6: every other alert (any level) ends the connection.
            throw new TlsPeerAlertException(description);
        }
    }

    // ---- effects for the handshake machines ---------------------------------------------------------------

    @Override
    public void sendHandshake(Bytes encoded) {
        records.out().queueHandshake(encoded);
    }

    @Override
    public void sendCompatChangeCipherSpec() throws TlsFatalAlertException {
        if (records.out().writeCompatChangeCipherSpec()) {
            trace(new HandshakeEvent(HandshakeEvent.Kind.INFO, role, "ChangeCipherSpec",
                    List.of(new Detail("why", "middlebox compatibility mode (RFC 8446 D.4); carries no keys")), 0));
        }
    }

    @Override
    public void sendChangeCipherSpec() throws TlsFatalAlertException {
        records.out().writeChangeCipherSpec();
    }

    @Override
    public void installReadProtection(RecordProtection protection) throws TlsFatalAlertException {
        records.installReadProtection(protection);
    }

    @Override
    public void installWriteProtection(RecordProtection protection) throws TlsFatalAlertException {
        records.installWriteProtection(protection);
    }

    @Override
    public void recordSizeLimits(int peerLimit, int ownLimit) {
        records.recordSizeLimits(peerLimit, ownLimit);
    }

    @Override
    public void skipEarlyData() {
        records.skipEarlyData();
    }

    @Override
    public void keyUpdateRequested() {
        keyUpdateOwed = true;
    }

    @Override
    public void complete(SessionInfo info, Exporter exporter) {
        session = info;
        this.exporter = exporter;
    }

    /** See {@code TlsConnection.exportKeyingMaterial}. */
    public byte[] exportKeyingMaterial(String label, Optional<byte[]> context, int length) throws TlsException {
        throwIfFailed();
        if (exporter == null) {
            throw new IllegalStateException("keying material can be exported once the handshake is complete");
        }
        if (length < 1 || length > 255 * 48) {
            throw new IllegalArgumentException("export length must be 1.." + 255 * 48);
        }
        Secret out = exporter.export(label, context.map(Bytes::of), length);
        byte[] b = out.expose();
        out.destroy();
        return b;
    }

    @Override
    public void trace(java.util.function.Supplier<HandshakeEvent> event) {
        if (trace != TraceListener.NONE) {
            trace.onEvent(event.get());
        }
    }

    private void trace(HandshakeEvent event) {
        trace.onEvent(event);
    }

    @Override
    public void keyLog(String label, Bytes clientRandom, Secret secret) {
        keyLog.log(label, clientRandom, secret);
    }
}
