package org.tlsj.internal.engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.TlsException;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.Exporter;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.client.Tls13ClientFlow;
import org.tlsj.internal.handshake.server.Tls13ServerFlow;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.record.ContentType;
import org.tlsj.internal.record.HandshakeAssembler;
import org.tlsj.internal.record.RecordWriter;
import org.tlsj.internal.record.RecordDeframer;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.internal.record.RecordProtection13;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.internal.wire.Bytes;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.KeyLog;
import org.tlsj.trace.Role;
import org.tlsj.trace.TraceListener;

/**
 * The connection engine behind {@code ClientConnection} and {@code ServerConnection}: owns the record
 * layer, the plaintext buffer, the sticky error and close state, and drives one handshake machine.
 * Sans-IO: bytes in, bytes out.
 */
public final class Engine implements Effects {
    /** Records that carry no progress (empty, compatibility CCS, user_canceled) tolerated in a row. */
    private static final int MAX_USELESS_RECORDS = 32;
    /** KeyUpdates tolerated in a row without application data in between. */
    private static final int MAX_KEY_UPDATES_IN_ROW = 32;
    /** RFC 8446 section 5.5: AES-GCM keys protect at most 2^24.5 records. */
    private static final long AES_GCM_RECORD_LIMIT = 23_726_566L;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private static final byte[] EMPTY_PLAINTEXT = new byte[0];
    /** The plaintext buffer's size once allocated: a TLSInnerPlaintext's bound (RFC 8446 section 5.4). */
    private static final int PLAINTEXT_CAPACITY = RecordDeframer.MAX_PLAINTEXT + 1;
    /**
     * Below this body length a record is opened in place until the plaintext buffer exists: TLS 1.3 hides
     * the type, and a NewSessionTicket should not make an idle client allocate a whole record's buffer.
     */
    private static final int SMALL_RECORD = 1024;

    private final Role role;
    private final CryptoProvider crypto;
    private final TraceListener trace;
    private final KeyLog keyLog;
    private final long keyUpdateRecordLimit;
    private final RecordDeframer deframer = new RecordDeframer();
    private final HandshakeAssembler assembler;
    private final RecordWriter writer;
    /** One record of decrypted data, allocated when the first arrives. */
    private byte[] plaintext = EMPTY_PLAINTEXT;
    private HandshakeMachine machine;
    private RecordProtection readProtection;
    private long writeRecordLimit = Long.MAX_VALUE;
    private int plainStart;
    private int plainEnd;
    private int maxReceiveInner = RecordDeframer.MAX_PLAINTEXT + 1;
    private int uselessRecords;
    /** Bytes of rejected 0-RTT data we still skip (RFC 8446 section 4.2.10); 0 when not skipping. */
    private int earlyDataSkip;
    private int keyUpdatesInRow;
    /** The peer asked for our KeyUpdate; it goes out before our next application data (RFC 8446 section 4.6.3). */
    private boolean keyUpdateOwed;
    private boolean compatCcsSent;
    /** Handshake messages of the flight being built; null between flights (an idle connection holds none). */
    private ByteWriter pendingHandshake;
    /** Whether the handshake's inbound and outbound buffers were dropped once it completed. */
    private boolean inboundReleased;
    private boolean outboundReleased;
    private SessionInfo session;
    private Exporter exporter;
    private TlsException failure;
    private boolean inboundClosed;
    private boolean outboundClosed;

    private Engine(Role role, CryptoProvider crypto, TraceListener trace, KeyLog keyLog, long keyUpdateRecordLimit,
                   int maxHandshakeMessage) {
        this.role = role;
        this.crypto = crypto;
        this.trace = trace;
        this.keyLog = keyLog;
        this.keyUpdateRecordLimit = keyUpdateRecordLimit;
        this.assembler = new HandshakeAssembler(maxHandshakeMessage);
        this.writer = new RecordWriter(role == Role.CLIENT);
    }

    /** A client engine; the ClientHello is queued on return. */
    public static Engine client(ClientConfig config, String serverName) {
        Engine e = new Engine(Role.CLIENT, config.crypto(), config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        try {
            e.machine = Tls13ClientFlow.start(config, serverName, e);
            e.flushHandshake();
        } catch (TlsFatalAlertException ex) {
            throw new IllegalStateException("cannot build a ClientHello: " + ex.getMessage(), ex);
        }
        return e;
    }

    /** Test seam for known-answer replay: a client engine that sends the given ClientHello. */
    public static Engine clientWithHello(ClientConfig config, String serverName, Bytes clientHello)
            throws TlsFatalAlertException {
        Engine e = new Engine(Role.CLIENT, config.crypto(), config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        e.machine = Tls13ClientFlow.startWithHello(config, serverName,
                (org.tlsj.internal.message.ClientHello) HandshakeCodec.decode(clientHello), e);
        e.flushHandshake();
        return e;
    }

    /** A server engine waiting for a ClientHello. */
    public static Engine server(ServerConfig config) {
        Engine e = new Engine(Role.SERVER, config.crypto(), config.trace(), config.keyLog(),
                config.keyUpdateRecordLimit(), config.maxHandshakeMessageSize());
        e.machine = Tls13ServerFlow.start(config, e);
        return e;
    }

    // ---- the application-facing calls --------------------------------------------------------------------

    /** See {@code TlsConnection.feed}. */
    public void feed(ByteBuffer src) throws TlsException {
        throwIfFailed();
        try {
            while (!inboundClosed) {
                if (!deframer.hasRecord() && !deframer.fill(src)) {
                    break;
                }
                if (deframer.type() == ContentType.APPLICATION_DATA && plainEnd > plainStart) {
                    break; // the application must read first: plaintext stays bounded to one record
                }
                processRecord();
                deframer.consume();
                if (machine.isConnected()) {
                    releaseInbound();
                }
            }
            if (inboundClosed) {
                src.position(src.limit()); // RFC 8446 section 6.1: data after close_notify is ignored
            }
            flushHandshake();
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
        int n = writer.drain(dst);
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
        if (!outboundReleased && writer.pending() == 0 && machine.isConnected()) {
            writer.release();
            outboundReleased = true;
        }
    }

    /**
     * Bytes of buffer this connection holds now: record output and input, handshake reassembly, plaintext.
     * For tests and diagnostics (an idle connection should hold almost none).
     */
    public int heldBufferBytes() {
        return writer.capacity() + deframer.capacity() + assembler.capacity() + plaintext.length;
    }

    /** See {@code TlsConnection.hasPendingOutput}. */
    public boolean hasPendingOutput() {
        return writer.pending() > 0;
    }

    /** See {@code TlsConnection.read}. */
    public int read(ByteBuffer dst) throws TlsException {
        if (plainEnd == plainStart) {
            throwIfFailed();
            if (!deframer.hasRecord()) {
                return 0;
            }
            feed(EMPTY); // a record held back while the application had unread data
        }
        int n = Math.min(dst.remaining(), plainEnd - plainStart);
        dst.put(plaintext, plainStart, n);
        plainStart += n;
        return n;
    }

    /** See {@code TlsConnection.hasPendingPlaintext}. */
    public boolean hasPendingPlaintext() {
        return plainEnd > plainStart;
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
                if (writer.writeApplicationData(src) >= writeRecordLimit) {
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
            writeAlert(1, AlertDescription.CLOSE_NOTIFY);
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
        flushHandshake();
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
                    writeAlert(2, e.sent());
                } catch (TlsFatalAlertException ignored) {
                    // The alert cannot be protected; the connection is failed either way.
                }
                outboundClosed = true;
            }
        }
        return e;
    }

    // ---- inbound records ----------------------------------------------------------------------------------

    private void processRecord() throws TlsException {
        byte[] buf = deframer.buffer();
        int type = deframer.type();
        int len = deframer.bodyLength();
        int off = RecordDeframer.HEADER_LENGTH;
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            onChangeCipherSpec(buf, off, len);
            return;
        }
        if (readProtection != null && !(type == ContentType.ALERT && readProtection instanceof RecordProtection13
                && !machine.isConnected())) {
            // TLS 1.3: an unprotected alert is accepted during the handshake: a peer that failed before it had
            // keys (for example on our ServerHello) can only send it in the clear. TLS 1.2 read keys exist only
            // after the peer's change_cipher_spec, so from then on its alerts are sealed like everything else.
            // RFC 8446 section 5.2: TLS 1.3 hides the type (always application_data outside); TLS 1.2 keeps it.
            if (type != ContentType.APPLICATION_DATA && readProtection instanceof RecordProtection13) {
                throw Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE,
                        "unprotected " + ContentType.name(type) + " record after keys were set");
            }
            int inner;
            try {
                if (openIntoPlaintext(len)) {
                    // The JDK's AES-GCM decrypts about 3x faster into a separate array than in place, and the
                    // application data is then where read() takes it from: no copy (issue 7).
                    inner = readProtection.open(buf, len, plaintext, 0);
                    buf = plaintext;
                    off = 0;
                } else {
                    inner = readProtection.open(buf, len);
                    off += readProtection.contentOffset();
                }
            } catch (TlsFatalAlertException e) {
                if (skipsEarlyData(len)) {
                    earlyDataSkip -= len; // rejected 0-RTT data: dropped, the sequence number is unchanged
                    return;
                }
                throw e;
            }
            earlyDataSkip = 0;
            if (!(readProtection instanceof RecordProtection13)) {
                // TLS 1.2: the content type is the header's; the plaintext follows the explicit nonce.
                len = inner;
                dispatch(type, buf, off, len);
                return;
            }
            // RFC 8446 section 5.4: the content type is the last non-zero byte; the rest is padding.
            int i = off + inner - 1;
            while (i >= off && buf[i] == 0) {
                i--;
            }
            if (i < off) {
                throw Fatal.of(Reason.InvalidMessage.NO_CONTENT_TYPE);
            }
            if (inner > maxReceiveInner) {
                throw Fatal.of(Reason.PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED, inner + " bytes");
            }
            type = buf[i] & 0xff;
            len = i - off;
            if (type == ContentType.CHANGE_CIPHER_SPEC || !ContentType.isKnown(type)) {
                throw Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE, "protected " + ContentType.name(type) + " record");
            }
        } else if (readProtection == null && len > RecordDeframer.MAX_PLAINTEXT
                && !(type == ContentType.APPLICATION_DATA && earlyDataSkip > 0)) {
            // Rejected 0-RTT records after our HelloRetryRequest are ciphertext, up to 2^14 + 256 bytes (RFC 8446 5.2).
            throw Fatal.of(Reason.InvalidMessage.RECORD_TOO_LARGE, len + " bytes of plaintext");
        }
        dispatch(type, buf, off, len);
    }

    private void dispatch(int type, byte[] buf, int off, int len) throws TlsException {
        if (type != ContentType.HANDSHAKE && assembler.hasPartial()) {
            // RFC 8446 section 5.1: handshake messages MUST NOT be interleaved with other record types.
            throw Fatal.of(Reason.PeerMisbehaved.INTERLEAVED_RECORD, ContentType.name(type));
        }
        switch (type) {
            case ContentType.HANDSHAKE -> onHandshakeRecord(buf, off, len);
            case ContentType.ALERT -> onAlert(buf, off, len);
            case ContentType.APPLICATION_DATA -> onApplicationData(buf, off, len);
            case ContentType.CHANGE_CIPHER_SPEC -> onChangeCipherSpec12(buf, off, len);
            default -> throw Fatal.of(Reason.InvalidMessage.UNKNOWN_CONTENT_TYPE, ContentType.name(type));
        }
    }

    /** A protected change_cipher_spec: never legal (TLS 1.2 sends it before the keys change). */
    private void onChangeCipherSpec12(byte[] buf, int off, int len) throws TlsFatalAlertException {
        throw Fatal.of(Reason.PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC, "protected change_cipher_spec");
    }

    private void onChangeCipherSpec(byte[] buf, int off, int len) throws TlsFatalAlertException {
        // RFC 8446 section 5: a CCS of the single byte 0x01, after the first ClientHello and before the peer's
        // Finished, is dropped; any other is unexpected_message.
        if (len != 1 || buf[off] != 1) {
            throw Fatal.of(Reason.InvalidMessage.BAD_CHANGE_CIPHER_SPEC);
        }
        if (assembler.hasPartial()) {
            throw Fatal.of(Reason.PeerMisbehaved.INTERLEAVED_RECORD, "change_cipher_spec");
        }
        if (machine.onChangeCipherSpec()) {
            return; // TLS 1.2: the flow switched its read keys
        }
        if (!machine.clientHelloSeen() || machine.isConnected() || assembler.hasPartial()) {
            throw Fatal.of(Reason.PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC);
        }
        countUseless();
    }

    private void onHandshakeRecord(byte[] buf, int off, int len) throws TlsFatalAlertException {
        if (len == 0) {
            // RFC 8446 section 5.1: zero-length fragments of Handshake types MUST NOT be sent.
            throw Fatal.of(Reason.InvalidMessage.EMPTY_HANDSHAKE_RECORD);
        }
        uselessRecords = 0;
        assembler.add(buf, off, len);
        Bytes raw;
        while ((raw = assembler.next()) != null) {
            HandshakeMessage message = machine.decode(raw);
            if (assembler.hasPartial() && endsPeersFlight(message)) {
                // The peer waits for our answer after this message, so it cannot have written more handshake
                // bytes behind it in the same record (BoringSSL: EXCESS_HANDSHAKE_DATA; RFC 8446 section 5.1).
                throw Fatal.of(Reason.PeerMisbehaved.EXCESS_HANDSHAKE_DATA, "handshake bytes follow "
                        + message.getClass().getSimpleName() + " in its record");
            }
            machine.onMessage(message, raw);
            machine = machine.successor(); // a TLS 1.2 answer hands over to the TLS 1.2 flow
        }
    }

    /** A ClientHello, a HelloRetryRequest or a ServerHelloDone: the peer's flight ends, it waits for ours. */
    private static boolean endsPeersFlight(HandshakeMessage m) {
        return m instanceof org.tlsj.internal.message.ClientHello
                || m instanceof org.tlsj.internal.message.HelloRetryRequest
                || m instanceof org.tlsj.internal.message.ServerHelloDone;
    }

    private void onAlert(byte[] buf, int off, int len) throws TlsException {
        if (len != 2) {
            throw Fatal.of(Reason.InvalidMessage.BAD_ALERT, len + " bytes");
        }
        int description = buf[off + 1] & 0xff;
        trace(new HandshakeEvent(HandshakeEvent.Kind.ALERT, role.peer(), "Alert "
                + AlertDescription.fromCode(description).map(AlertDescription::rfcName).orElse("" + description),
                List.of(new Detail("level", (buf[off] & 0xff) == 1 ? "warning" : "fatal")), 0));
        if (description == AlertDescription.CLOSE_NOTIFY.code()) {
            inboundClosed = true;
        } else if (description == AlertDescription.USER_CANCELED.code()) {
            countUseless(); // RFC 8446 section 6.1: user_canceled is followed by close_notify
        } else if ((buf[off] & 0xff) == 1 && machine.toleratesWarningAlerts()) {
            countUseless(); // RFC 5246 section 7.2: a TLS 1.2 warning does not end the connection (bounded)
        } else {
            // RFC 8446 section 6: every other alert (any level) ends the connection.
            throw new TlsPeerAlertException(description);
        }
    }

    private void onApplicationData(byte[] buf, int off, int len) throws TlsFatalAlertException {
        if (readProtection == null && skipsEarlyData(len)) {
            earlyDataSkip -= len; // after our HelloRetryRequest: 0-RTT records before the second ClientHello
            return;
        }
        if (!machine.isConnected()) {
            throw Fatal.of(Reason.PeerMisbehaved.EARLY_APPLICATION_DATA);
        }
        if (len == 0) {
            countUseless();
            return;
        }
        uselessRecords = 0;
        keyUpdatesInRow = 0;
        if (buf != plaintext) { // opened in place; opened into the plaintext buffer, it is already at 0
            if (plaintext.length < len) {
                plaintext = new byte[PLAINTEXT_CAPACITY];
            }
            System.arraycopy(buf, off, plaintext, 0, len);
        }
        plainStart = 0;
        plainEnd = len;
    }

    /**
     * Whether a record of {@code len} bytes is rejected 0-RTT data to drop: only while a server skips it (RFC 8446
     * section 4.2.10), before the handshake completes. Otherwise even an empty record is what it is (an empty
     * application_data record before the handshake is unexpected_message, an empty sealed one bad_record_mac).
     */
    private boolean skipsEarlyData(int len) {
        return earlyDataSkip > 0 && earlyDataSkip >= len && !machine.isConnected();
    }

    /**
     * Whether a protected record of {@code bodyLength} bytes is opened straight into the plaintext buffer:
     * once connected (where application data comes), when that buffer is empty (the caller holds back
     * application_data records until it is) and the record's plaintext fits; handshake records are opened in
     * place, and so are small records until the buffer exists. Allocates the buffer on the first large record.
     */
    private boolean openIntoPlaintext(int bodyLength) {
        if (!machine.isConnected() || plainEnd > plainStart
                || bodyLength - readProtection.contentOffset() - readProtection.tagLength() > PLAINTEXT_CAPACITY) {
            return false;
        }
        if (plaintext.length < PLAINTEXT_CAPACITY) {
            if (bodyLength < SMALL_RECORD) {
                return false; // a ticket or a short message: in place, without allocating a record's worth
            }
            plaintext = new byte[PLAINTEXT_CAPACITY];
        }
        return true;
    }

    /**
     * Once the handshake is complete: the deframer's buffer (grown to the largest handshake record) is dropped
     * once, and the assembler's whenever it is empty (post-handshake messages are rare). Neither happens per
     * application data record, so the steady state allocates nothing.
     */
    private void releaseInbound() {
        assembler.release();
        if (!inboundReleased) {
            deframer.release();
            inboundReleased = true;
        }
    }

    private void countUseless() throws TlsFatalAlertException {
        if (++uselessRecords > MAX_USELESS_RECORDS) {
            throw Fatal.of(Reason.PeerMisbehaved.TOO_MANY_EMPTY_RECORDS, uselessRecords + " in a row");
        }
    }

    // ---- outbound records ---------------------------------------------------------------------------------

    private void writeAlert(int level, AlertDescription description) throws TlsFatalAlertException {
        flushHandshake();
        writer.write(ContentType.ALERT, new byte[] {(byte) level, (byte) description.code()}, 0, 2);
    }

    // ---- effects for the handshake machines ---------------------------------------------------------------

    @Override
    public void sendHandshake(Bytes encoded) {
        // Messages of one flight under one key share records (RFC 8446 section 5.1 allows coalescing).
        if (pendingHandshake == null) {
            pendingHandshake = new ByteWriter(Math.max(256, encoded.length()));
        }
        pendingHandshake.bytes(encoded);
    }

    private void flushHandshake() throws TlsFatalAlertException {
        if (pendingHandshake != null) {
            byte[] a = pendingHandshake.toArray();
            pendingHandshake = null;
            if (a.length > 0) {
                writer.write(ContentType.HANDSHAKE, a, 0, a.length);
            }
        }
    }

    @Override
    public void sendCompatChangeCipherSpec() throws TlsFatalAlertException {
        if (compatCcsSent) {
            return; // RFC 8446 appendix D.4: only one
        }
        compatCcsSent = true;
        flushHandshake();
        writer.writeChangeCipherSpec();
        trace(new HandshakeEvent(HandshakeEvent.Kind.INFO, role, "ChangeCipherSpec",
                List.of(new Detail("why", "middlebox compatibility mode (RFC 8446 D.4); carries no keys")), 0));
    }

    @Override
    public void installReadKeys(CipherSuite suite, Secret trafficSecret) throws TlsFatalAlertException {
        if (assembler.hasPartial()) {
            // RFC 8446 section 5.1: a key change must fall on a record boundary.
            throw Fatal.of(Reason.PeerMisbehaved.KEY_CHANGE_MID_MESSAGE);
        }
        readProtection = protection(suite, trafficSecret);
    }

    @Override
    public void installWriteKeys(CipherSuite suite, Secret trafficSecret) throws TlsFatalAlertException {
        flushHandshake();
        writer.protect(protection(suite, trafficSecret));
        writeRecordLimit = keyUpdateRecordLimit > 0 ? keyUpdateRecordLimit
                : suite.aead() == org.tlsj.crypto.AeadAlgorithm.CHACHA20_POLY1305 ? Long.MAX_VALUE : AES_GCM_RECORD_LIMIT;
    }

    private RecordProtection13 protection(CipherSuite suite, Secret trafficSecret) {
        var aead = suite.aead();
        Secret key = KeySchedule13.trafficKey(crypto, suite.hash(), trafficSecret, aead.keyLength());
        Secret iv = KeySchedule13.trafficIv(crypto, suite.hash(), trafficSecret, aead.ivLength());
        RecordProtection13 p = new RecordProtection13(crypto.aead(aead, key), iv);
        key.destroy();
        iv.destroy();
        return p;
    }

    @Override
    public void installReadProtection(RecordProtection protection) throws TlsFatalAlertException {
        if (assembler.hasPartial()) {
            throw Fatal.of(Reason.PeerMisbehaved.KEY_CHANGE_MID_MESSAGE);
        }
        readProtection = protection;
    }

    @Override
    public void installWriteProtection(RecordProtection protection) throws TlsFatalAlertException {
        flushHandshake();
        writer.protect(protection);
        writeRecordLimit = Long.MAX_VALUE; // TLS 1.2 has no KeyUpdate; its 64-bit sequence bounds the key's use
    }

    @Override
    public void sendChangeCipherSpec() throws TlsFatalAlertException {
        flushHandshake();
        writer.writeChangeCipherSpec();
    }

    @Override
    public void peerRecordSizeLimit(int limit) {
        writer.peerRecordSizeLimit(limit);
    }

    @Override
    public void ownRecordSizeLimit(int limit) {
        maxReceiveInner = limit;
    }

    @Override
    public void skipEarlyData() {
        earlyDataSkip = 64 * 1024;
    }

    @Override
    public void keyUpdateReceived() throws TlsFatalAlertException {
        if (++keyUpdatesInRow > MAX_KEY_UPDATES_IN_ROW) {
            throw Fatal.of(Reason.PeerMisbehaved.TOO_MANY_KEY_UPDATES, keyUpdatesInRow + " without data");
        }
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
