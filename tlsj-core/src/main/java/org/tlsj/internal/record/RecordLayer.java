package org.tlsj.internal.record;

import java.nio.ByteBuffer;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/**
 * The record layer of one connection, for both versions (RFC 8446 section 5, RFC 5246 section 6), sans-IO and
 * separate from the handshake like rustls's: it deframes the peer's bytes one record at a time, opens them with
 * the installed read protection (stripping TLS 1.3's inner content type), joins handshake messages, keeps one
 * record of decrypted application data and counts records that carry no progress. Its {@link #out() writer}
 * coalesces a flight's handshake messages, fragments, seals and queues records for the peer.
 *
 * <p>Inbound, the engine calls {@link #nextRecord} then {@link #process} for each record: the record layer
 * enforces the record rules and hands back only what the handshake or the connection must act on (a
 * change_cipher_spec, handshake messages through {@link #nextHandshakeMessage}, an alert). Memory stays bounded:
 * while the application has not read the plaintext, further application data records wait in the deframer.
 * The steady state allocates nothing per record: protections reuse their AEAD, records are opened into the
 * plaintext buffer or in place, and sealed in place in the output buffer.
 */
public final class RecordLayer {
    /** What {@link #process} returns for a record it consumed itself (application data, an empty or skipped record). */
    public static final int CONSUMED = 0;
    /** Records that carry no progress (empty, compatibility CCS, user_canceled, warnings) tolerated in a row. */
    private static final int MAX_USELESS_RECORDS = 32;
    /** KeyUpdates tolerated in a row without application data in between. */
    private static final int MAX_KEY_UPDATES_IN_ROW = 32;
    /** Rejected 0-RTT data skipped at most (RFC 8446 section 4.2.10 lets the server bound it). */
    private static final int EARLY_DATA_SKIP_LIMIT = 64 * 1024;
    private static final byte[] EMPTY_PLAINTEXT = new byte[0];
    /** The plaintext buffer's size once allocated: a TLSInnerPlaintext's bound (RFC 8446 section 5.4). */
    private static final int PLAINTEXT_CAPACITY = RecordDeframer.MAX_PLAINTEXT + 1;
    /**
     * Below this body length a record is opened in place until the plaintext buffer exists: TLS 1.3 hides
     * the type, and a NewSessionTicket should not make an idle client allocate a whole record's buffer.
     */
    private static final int SMALL_RECORD = 1024;

    private final RecordDeframer deframer = new RecordDeframer();
    private final HandshakeAssembler assembler;
    private final RecordWriter writer;
    private RecordProtection readProtection;
    /** One record of decrypted data, allocated when the first large one arrives. */
    private byte[] plaintext = EMPTY_PLAINTEXT;
    private int plainStart;
    private int plainEnd;
    private int maxReceiveInner = RecordDeframer.MAX_PLAINTEXT + 1;
    private int uselessRecords;
    private int keyUpdatesInRow;
    /** Bytes of rejected 0-RTT data we still skip (RFC 8446 section 4.2.10); 0 when not skipping. */
    private int earlyDataSkip;
    private int alertLevel;
    private int alertDescription;
    /** Whether the handshake's inbound and outbound buffers were dropped once it completed. */
    private boolean inboundReleased;
    private boolean outboundReleased;

    /**
     * Creates the record layer of one connection, without protection.
     *
     * @param client whether this is the client (its first ClientHello record says 0x0301)
     * @param maxHandshakeMessage the largest handshake message body accepted
     * @param keyUpdateRecordLimit records sealed under one TLS 1.3 key before a KeyUpdate; 0 for the AEAD's limit
     */
    public RecordLayer(boolean client, int maxHandshakeMessage, long keyUpdateRecordLimit) {
        this.assembler = new HandshakeAssembler(maxHandshakeMessage);
        this.writer = new RecordWriter(client, keyUpdateRecordLimit);
    }

    // ---- inbound --------------------------------------------------------------------------------------------

    /**
     * Takes bytes from {@code src} until a record is complete. A complete application_data record is held back
     * (and no more bytes taken) while the application has unread plaintext: plaintext stays one record.
     *
     * @return whether a record is ready for {@link #process}
     */
    public boolean nextRecord(ByteBuffer src) throws TlsFatalAlertException {
        if (!deframer.hasRecord() && !deframer.fill(src)) {
            return false;
        }
        return deframer.type() != ContentType.APPLICATION_DATA || plainEnd == plainStart;
    }

    /** Whether a complete record waits in the deframer (held back until the application reads). */
    public boolean hasHeldRecord() {
        return deframer.hasRecord();
    }

    /**
     * Opens the record {@link #nextRecord} made ready and applies the record rules. Application data goes to the
     * plaintext buffer and handshake bytes to the assembler; the caller then calls {@link #consume}.
     *
     * @param connected whether the handshake is complete (application data is legal, alerts are protected)
     * @return what the caller must act on: {@link ContentType#CHANGE_CIPHER_SPEC} (a valid unprotected one),
     *     {@link ContentType#HANDSHAKE} (read {@link #nextHandshakeMessage}), {@link ContentType#ALERT} (see
     *     {@link #alertLevel}), or {@link #CONSUMED}
     */
    public int process(boolean connected) throws TlsFatalAlertException {
        byte[] buf = deframer.buffer();
        int type = deframer.type();
        int len = deframer.bodyLength();
        int off = RecordDeframer.HEADER_LENGTH;
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            // RFC 8446 section 5: change_cipher_spec is never protected and is the single byte 0x01; whether one is
            // legal now is the handshake's call (TLS 1.2's signal, or TLS 1.3's middlebox compatibility record).
            if (len != 1 || buf[off] != 1) {
                throw Fatal.of(Reason.InvalidMessage.BAD_CHANGE_CIPHER_SPEC);
            }
            if (assembler.hasPartial()) {
                throw Fatal.of(Reason.PeerMisbehaved.INTERLEAVED_RECORD, "change_cipher_spec");
            }
            return ContentType.CHANGE_CIPHER_SPEC;
        }
        boolean hidden = readProtection != null && readProtection.hidesContentType();
        if (readProtection != null && !(type == ContentType.ALERT && hidden && !connected)) {
            // TLS 1.3: an unprotected alert is accepted during the handshake: a peer that failed before it had
            // keys (for example on our ServerHello) can only send it in the clear. TLS 1.2 read keys exist only
            // after the peer's change_cipher_spec, so from then on its alerts are sealed like everything else.
            // RFC 8446 section 5.2: TLS 1.3 hides the type (always application_data outside); TLS 1.2 keeps it.
            if (type != ContentType.APPLICATION_DATA && hidden) {
                throw Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE,
                        "unprotected " + ContentType.name(type) + " record after keys were set");
            }
            int inner;
            try {
                if (openIntoPlaintext(len, connected)) {
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
                if (skipsEarlyData(len, connected)) {
                    earlyDataSkip -= len; // rejected 0-RTT data: dropped, the sequence number is unchanged
                    return CONSUMED;
                }
                throw e;
            }
            earlyDataSkip = 0;
            if (!hidden) {
                len = inner; // TLS 1.2: the content type is the header's; the plaintext follows the explicit nonce
            } else {
                len = innerContentLength(buf, off, inner);
                type = buf[off + len] & 0xff;
            }
        } else if (readProtection == null && len > RecordDeframer.MAX_PLAINTEXT
                && !(type == ContentType.APPLICATION_DATA && earlyDataSkip > 0)) {
            // Rejected 0-RTT records after our HelloRetryRequest are ciphertext, up to 2^14 + 256 bytes (RFC 8446 5.2).
            throw Fatal.of(Reason.InvalidMessage.RECORD_TOO_LARGE, len + " bytes of plaintext");
        }
        return accept(type, buf, off, len, connected);
    }

    /**
     * The content's length in a TLSInnerPlaintext of {@code inner} bytes at {@code off} (RFC 8446 section 5.4):
     * the content type is the last non-zero byte, after it only padding; checks the type and our record_size_limit.
     */
    private int innerContentLength(byte[] buf, int off, int inner) throws TlsFatalAlertException {
        int i = off + inner - 1;
        while (i >= off && buf[i] == 0) {
            i--;
        }
        if (i < off) {
            throw Fatal.of(Reason.InvalidMessage.NO_CONTENT_TYPE);
        }
        if (inner > maxReceiveInner) {
            // RFC 8449 section 4: the limit counts the TLSInnerPlaintext (content, type and padding).
            throw Fatal.of(Reason.PeerMisbehaved.RECORD_SIZE_LIMIT_EXCEEDED, inner + " bytes");
        }
        int type = buf[i] & 0xff;
        if (type == ContentType.CHANGE_CIPHER_SPEC || !ContentType.isKnown(type)) {
            // RFC 8446 section 5: a protected change_cipher_spec, or an unknown type, is unexpected_message.
            throw Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE, "protected " + ContentType.name(type) + " record");
        }
        return i - off;
    }

    /** Applies the rules of an opened (or unprotected) record's content and stores it where it goes. */
    private int accept(int type, byte[] buf, int off, int len, boolean connected) throws TlsFatalAlertException {
        if (type != ContentType.HANDSHAKE && assembler.hasPartial()) {
            // RFC 8446 section 5.1: handshake messages MUST NOT be interleaved with other record types.
            throw Fatal.of(Reason.PeerMisbehaved.INTERLEAVED_RECORD, ContentType.name(type));
        }
        switch (type) {
            case ContentType.HANDSHAKE -> {
                if (len == 0) {
                    // RFC 8446 section 5.1: zero-length fragments of Handshake types MUST NOT be sent.
                    throw Fatal.of(Reason.InvalidMessage.EMPTY_HANDSHAKE_RECORD);
                }
                uselessRecords = 0;
                assembler.add(buf, off, len);
                return ContentType.HANDSHAKE;
            }
            case ContentType.ALERT -> {
                if (len != 2) {
                    // RFC 8446 section 6 / RFC 5246 section 7.2: an alert is a level and a description.
                    throw Fatal.of(Reason.InvalidMessage.BAD_ALERT, len + " bytes");
                }
                alertLevel = buf[off] & 0xff;
                alertDescription = buf[off + 1] & 0xff;
                return ContentType.ALERT;
            }
            case ContentType.APPLICATION_DATA -> {
                acceptApplicationData(buf, off, len, connected);
                return CONSUMED;
            }
            default -> throw Fatal.of(Reason.InvalidMessage.UNKNOWN_CONTENT_TYPE, ContentType.name(type));
        }
    }

    private void acceptApplicationData(byte[] buf, int off, int len, boolean connected) throws TlsFatalAlertException {
        if (readProtection == null && skipsEarlyData(len, connected)) {
            earlyDataSkip -= len; // after our HelloRetryRequest: 0-RTT records before the second ClientHello
            return;
        }
        if (!connected) {
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
                // a small record (a ping, a request line) gets a small buffer; a record's worth comes with a large one
                plaintext = new byte[len < SMALL_RECORD ? SMALL_RECORD : PLAINTEXT_CAPACITY];
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
    private boolean skipsEarlyData(int len, boolean connected) {
        return earlyDataSkip > 0 && earlyDataSkip >= len && !connected;
    }

    /**
     * Whether a protected record of {@code bodyLength} bytes is opened straight into the plaintext buffer:
     * once connected (where application data comes), when that buffer is empty (application_data records are
     * held back until it is) and the record's plaintext fits; handshake records are opened in place, and so
     * are small records until the buffer exists. Allocates the buffer on the first large record.
     */
    private boolean openIntoPlaintext(int bodyLength, boolean connected) {
        if (!connected || plainEnd > plainStart
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

    /** Drops the processed record. */
    public void consume() {
        deframer.consume();
    }

    /** The next whole handshake message received (header included), or null if none is complete. */
    public Bytes nextHandshakeMessage() throws TlsFatalAlertException {
        return assembler.next();
    }

    /** Whether part of a handshake message is buffered. */
    public boolean hasPartialHandshake() {
        return assembler.hasPartial();
    }

    /** The level of the alert {@link #process} returned (1 warning, 2 fatal). */
    public int alertLevel() {
        return alertLevel;
    }

    /** The description code of the alert {@link #process} returned. */
    public int alertDescription() {
        return alertDescription;
    }

    /**
     * Counts a record that carried no progress (an empty record, the compatibility change_cipher_spec,
     * user_canceled, a TLS 1.2 warning): a peer may not send them forever. Handshake and application data
     * records reset the count.
     */
    public void countUseless() throws TlsFatalAlertException {
        if (++uselessRecords > MAX_USELESS_RECORDS) {
            throw Fatal.of(Reason.PeerMisbehaved.TOO_MANY_EMPTY_RECORDS, uselessRecords + " in a row");
        }
    }

    /** Counts a received KeyUpdate; application data resets the count (a KeyUpdate flood is refused). */
    public void countKeyUpdate() throws TlsFatalAlertException {
        if (++keyUpdatesInRow > MAX_KEY_UPDATES_IN_ROW) {
            throw Fatal.of(Reason.PeerMisbehaved.TOO_MANY_KEY_UPDATES, keyUpdatesInRow + " without data");
        }
    }

    /** Copies decrypted application data into {@code dst}; returns the bytes copied. */
    public int read(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), plainEnd - plainStart);
        dst.put(plaintext, plainStart, n);
        plainStart += n;
        return n;
    }

    /** Whether decrypted application data waits to be read. */
    public boolean hasPendingPlaintext() {
        return plainEnd > plainStart;
    }

    // ---- protection and limits --------------------------------------------------------------------------------

    /** Opens records read from now on with {@code protection}. */
    public void installReadProtection(RecordProtection protection) throws TlsFatalAlertException {
        if (assembler.hasPartial()) {
            // RFC 8446 section 5.1: a key change must fall on a record boundary.
            throw Fatal.of(Reason.PeerMisbehaved.KEY_CHANGE_MID_MESSAGE);
        }
        readProtection = protection;
    }

    /** Seals records written from now on with {@code protection}; what is queued goes out under the old one. */
    public void installWriteProtection(RecordProtection protection) throws TlsFatalAlertException {
        writer.protect(protection);
    }

    /** RFC 8449: the peer's limit bounds the protected records we send, ours those we receive. */
    public void recordSizeLimits(int peerLimit, int ownLimit) {
        writer.peerRecordSizeLimit(peerLimit);
        maxReceiveInner = ownLimit;
    }

    /** Skips rejected 0-RTT records (up to a bound) until the client's first real one (RFC 8446 section 4.2.10). */
    public void skipEarlyData() {
        earlyDataSkip = EARLY_DATA_SKIP_LIMIT;
    }

    /** The outbound half: handshake flights, change_cipher_spec, alerts and application data for the peer. */
    public RecordWriter out() {
        return writer;
    }

    // ---- buffers ----------------------------------------------------------------------------------------------

    /**
     * Once the handshake is complete: the deframer's buffer (grown to the largest handshake record) is dropped
     * once, and the assembler's whenever it is empty (post-handshake messages are rare). Neither happens per
     * application data record, so the steady state allocates nothing.
     */
    public void releaseInbound() {
        assembler.release();
        if (!inboundReleased) {
            deframer.release();
            inboundReleased = true;
        }
    }

    /**
     * Once the handshake is complete and nothing is queued: the flight grew the output buffer beyond what data
     * records need; they size it again once.
     */
    public void releaseOutbound() {
        if (!outboundReleased && writer.pending() == 0) {
            writer.release();
            outboundReleased = true;
        }
    }

    /** Bytes of buffer held now: record output and input, handshake reassembly, plaintext. */
    public int heldBufferBytes() {
        return writer.capacity() + deframer.capacity() + assembler.capacity() + plaintext.length;
    }
}
