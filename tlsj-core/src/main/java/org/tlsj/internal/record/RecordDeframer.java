package org.tlsj.internal.record;

import java.nio.ByteBuffer;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;

/**
 * Collects bytes from the peer into one record at a time, in a fixed buffer: it never holds more than one
 * record, whatever the peer sends, and any split of the input works. The record body can be decrypted in
 * place in {@link #buffer()}.
 */
public final class RecordDeframer {
    /** Header: type (1), legacy_record_version (2), length (2). */
    public static final int HEADER_LENGTH = 5;
    /** RFC 8446 section 5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256. */
    public static final int MAX_CIPHERTEXT = (1 << 14) + 256;
    /** RFC 8446 section 5.1: TLSPlaintext.length MUST NOT exceed 2^14. */
    public static final int MAX_PLAINTEXT = 1 << 14;

    private static final byte[] NONE = new byte[0];
    /** Starts small and grows to the largest record seen (at most one record's bound): idle connections stay light. */
    private byte[] buf = new byte[HEADER_LENGTH + 512];
    private int filled;
    /** Whether a whole record has been taken: only the first may be mistaken for an SSL 2.0 hello. */
    private boolean recordSeen;

    /**
     * Copies bytes from {@code src} until one record is complete or {@code src} is empty. Each header byte is
     * checked as soon as it arrives, so a peer that is not speaking TLS is refused on its first byte instead of
     * being waited for.
     *
     * @return whether a complete record is now available
     * @throws TlsFatalAlertException if the header is invalid or the record is too long
     */
    public boolean fill(ByteBuffer src) throws TlsFatalAlertException {
        if (filled < HEADER_LENGTH) {
            if (buf.length < HEADER_LENGTH) {
                if (!src.hasRemaining()) {
                    return false;
                }
                buf = new byte[HEADER_LENGTH + 512];
            }
            int before = filled;
            int n = Math.min(HEADER_LENGTH - filled, src.remaining());
            src.get(buf, filled, n);
            filled += n;
            checkHeader(before);
            if (filled < HEADER_LENGTH) {
                return false;
            }
        }
        int total = HEADER_LENGTH + bodyLength();
        if (total > buf.length) {
            buf = java.util.Arrays.copyOf(buf, total);
        }
        int n = Math.min(total - filled, src.remaining());
        src.get(buf, filled, n);
        filled += n;
        return filled == total;
    }

    /** Checks the header bytes from index {@code from} up to what has arrived. */
    private void checkHeader(int from) throws TlsFatalAlertException {
        if (from == 0 && filled > 0) {
            int type = buf[0] & 0xff;
            if (!recordSeen && (type & 0x80) != 0) {
                // An SSL 2.0 record header starts with a length whose high bit is set: no TLS content type
                // does. RFC 6176 forbids SSL 2.0 and RFC 8446 appendix D.5 its hello format; Go's crypto/tls
                // answers such a hello with protocol_version.
                throw Fatal.of(Reason.PeerIncompatible.SSL2_HELLO,
                        String.format("the first byte is 0x%02x, an SSL 2.0 record header", type));
            }
            if (!ContentType.isKnown(type)) {
                // RFC 8446 section 5: an unknown content type is unexpected_message.
                throw Fatal.of(Reason.InvalidMessage.UNKNOWN_CONTENT_TYPE, "content type " + type);
            }
        }
        if (from <= 1 && filled > 1 && (buf[1] & 0xff) != 0x03) {
            throw Fatal.of(Reason.InvalidMessage.BAD_RECORD_VERSION,
                    String.format("record version 0x%02x.. is not TLS (0x03..)", buf[1]));
        }
        if (filled == HEADER_LENGTH && bodyLength() > MAX_CIPHERTEXT) {
            throw Fatal.of(Reason.InvalidMessage.RECORD_TOO_LARGE,
                    bodyLength() + " bytes, the limit is " + MAX_CIPHERTEXT);
        }
    }

    /** Whether a complete record is available. */
    public boolean hasRecord() {
        return filled >= HEADER_LENGTH && filled == HEADER_LENGTH + bodyLength();
    }

    /** Whether a record has been started but not completed. */
    public boolean hasPartialRecord() {
        return filled > 0 && !hasRecord();
    }

    /** The content type of the available record. */
    public int type() {
        return buf[0] & 0xff;
    }

    /** The length of the available record's body. */
    public int bodyLength() {
        return ((buf[3] & 0xff) << 8) | (buf[4] & 0xff);
    }

    /**
     * The buffer: header at 0, body at {@link #HEADER_LENGTH}. Decryption may overwrite the body. Valid until
     * the next {@link #fill}.
     */
    public byte[] buffer() {
        return buf;
    }

    /** The buffer's size now (for tests: how much an idle connection holds here). */
    public int capacity() {
        return buf.length;
    }

    /**
     * Drops the buffer if no record is started (the next {@link #fill} allocates one again): for the end of
     * the handshake, whose records (a ClientHello, a certificate flight) are larger than an idle connection
     * needs to hold; not for every record.
     */
    public void release() {
        if (filled == 0) {
            buf = NONE;
        }
    }

    /** Drops the available record. */
    public void consume() {
        filled = 0;
        recordSeen = true;
    }
}
