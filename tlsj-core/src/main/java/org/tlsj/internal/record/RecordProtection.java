package org.tlsj.internal.record;

import org.tlsj.TlsFatalAlertException;

/**
 * Record protection for one direction and one key: TLS 1.3 (inner content type, nonce from the sequence
 * number) or TLS 1.2 AEAD (explicit nonce for AES-GCM, sequence number in the additional data).
 * Both seal in place, in the buffer that holds the record; open works in place or into another array (the
 * JDK's AES-GCM decrypts about three times faster into a separate array than in place: issue 7).
 */
public sealed interface RecordProtection permits RecordProtection13, RecordProtection12 {
    /** Records protected or opened so far under this key. */
    long sequence();

    /** Where the content starts after the 5-byte header: 0, or 8 for TLS 1.2 AES-GCM's explicit nonce. */
    int contentOffset();

    /** The AEAD's tag length. */
    int tagLength();

    /** Bytes a protected record adds to its content besides the header (nonce, inner type, tag). */
    int overhead();

    /**
     * Whether the real content type travels inside the protected plaintext: TLS 1.3 (RFC 8446 section 5.2)
     * writes application_data in every protected record's header and opens to a TLSInnerPlaintext (content,
     * type byte, zero padding); TLS 1.2 keeps the type in the header.
     */
    boolean hidesContentType();

    /**
     * Records this key may seal before a KeyUpdate must replace it (RFC 8446 section 5.5: about 2^24.5 for
     * AES-GCM, {@link Long#MAX_VALUE} for ChaCha20-Poly1305), or 0 when the version has no KeyUpdate (TLS 1.2:
     * the 64-bit sequence number bounds the key's use, and renegotiation is refused).
     */
    long keyUpdateLimit();

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
    default int open(byte[] buf, int bodyLength) throws TlsFatalAlertException {
        return open(buf, bodyLength, buf, RecordDeframer.HEADER_LENGTH + contentOffset());
    }

    /**
     * Opens the record held in {@code buf} (header at 0, body of {@code bodyLength} bytes) into {@code out}
     * from {@code outOff}: either {@code buf} itself at {@code 5 + contentOffset()} (in place) or an array that
     * does not overlap it, with room for {@code bodyLength - contentOffset() - tag length} bytes. When authentication
     * fails, what {@code out} holds there is garbage the caller must not use.
     *
     * @return the plaintext's length, starting at {@code outOff}. For TLS 1.3 this is the TLSInnerPlaintext
     *     (content, type byte, padding).
     * @throws TlsFatalAlertException bad_record_mac if authentication fails
     */
    int open(byte[] buf, int bodyLength, byte[] out, int outOff) throws TlsFatalAlertException;
}
