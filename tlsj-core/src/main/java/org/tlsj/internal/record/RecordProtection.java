package org.tlsj.internal.record;

import org.tlsj.TlsFatalAlertException;

/**
 * Record protection for one direction and one key: TLS 1.3 (inner content type, nonce from the sequence
 * number) or TLS 1.2 AEAD (explicit nonce for AES-GCM, sequence number in the additional data).
 * Both seal and open in place, in the buffer that holds the record.
 */
public sealed interface RecordProtection permits RecordProtection13, RecordProtection12 {
    /** Records protected or opened so far under this key. */
    long sequence();

    /** Where the content starts after the 5-byte header: 0, or 8 for TLS 1.2 AES-GCM's explicit nonce. */
    int contentOffset();

    /** Bytes a protected record adds to its content besides the header (nonce, inner type, tag). */
    int overhead();

    /**
     * Protects one record in place: the content is at {@code buf[at + 5 + contentOffset()]}, {@code len}
     * bytes; this writes the header at {@code at} and returns the whole record's length. {@code buf} must have
     * room for {@link #overhead()} more bytes.
     */
    int seal(int contentType, byte[] buf, int at, int len) throws TlsFatalAlertException;

    /**
     * Opens the record held in {@code buf} (header at 0, body of {@code bodyLength} bytes) in place.
     *
     * @return the plaintext's length; it starts at {@code 5 + contentOffset()}. For TLS 1.3 this is the
     *     TLSInnerPlaintext (content, type byte, padding).
     * @throws TlsFatalAlertException bad_record_mac if authentication fails
     */
    int open(byte[] buf, int bodyLength) throws TlsFatalAlertException;
}
