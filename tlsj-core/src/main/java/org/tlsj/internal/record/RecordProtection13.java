package org.tlsj.internal.record;

import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.Secret;

/**
 * TLS 1.3 record protection for one direction and one traffic key (RFC 8446 section 5.2-5.3): the inner
 * content type, zero padding, nonce = write_iv xor the 64-bit sequence number, and the record header as
 * additional data. Reuses its scratch arrays: no allocation per record.
 */
public final class RecordProtection13 implements RecordProtection {
    /** RFC 8446 section 5.5: AES-GCM keys protect at most 2^24.5 records. */
    private static final long AES_GCM_RECORD_LIMIT = 23_726_566L;

    private final Aead aead;
    private final byte[] iv;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[RecordDeframer.HEADER_LENGTH];
    private long sequence;

    /**
     * Creates the protection.
     *
     * @param aead the keyed AEAD
     * @param iv the 12-byte write_iv
     */
    public RecordProtection13(Aead aead, Secret iv) {
        this.aead = aead;
        this.iv = iv.expose();
    }

    @Override
    public long sequence() {
        return sequence;
    }

    /** The AEAD's tag length. */
    public int tagLength() {
        return aead.algorithm().tagLength();
    }

    @Override
    public int contentOffset() {
        return 0;
    }

    @Override
    public int overhead() {
        return 1 + tagLength();
    }

    @Override
    public boolean hidesContentType() {
        return true;
    }

    @Override
    public long keyUpdateLimit() {
        return aead.algorithm() == AeadAlgorithm.CHACHA20_POLY1305 ? Long.MAX_VALUE : AES_GCM_RECORD_LIMIT;
    }

    /** Sets the nonce for the current sequence number; the caller advances it once the record is done. */
    private void nonce() throws TlsFatalAlertException {
        if (sequence == -1L) {
            // RFC 8446 section 5.3: the sequence number MUST NOT wrap.
            throw Fatal.of(Reason.Local.INTERNAL, "record sequence number exhausted");
        }
        System.arraycopy(iv, 0, nonce, 0, 12);
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (sequence >>> (8 * i));
        }
    }

    /** Also appends the inner content type before sealing (RFC 8446 section 5.2). */
    @Override
    public int seal(int contentType, byte[] buf, int at, int len) throws TlsFatalAlertException {
        int inner = at + RecordDeframer.HEADER_LENGTH;
        buf[inner + len] = (byte) contentType;
        int cipherLen = len + 1 + tagLength();
        aad[0] = (byte) ContentType.APPLICATION_DATA;
        aad[1] = 0x03;
        aad[2] = 0x03;
        aad[3] = (byte) (cipherLen >>> 8);
        aad[4] = (byte) cipherLen;
        System.arraycopy(aad, 0, buf, at, RecordDeframer.HEADER_LENGTH);
        nonce();
        aead.seal(nonce, aad, aad.length, buf, inner, len + 1, buf, inner);
        sequence++;
        return RecordDeframer.HEADER_LENGTH + cipherLen;
    }

    @Override
    public int open(byte[] buf, int bodyLength, byte[] out, int outOff) throws TlsFatalAlertException {
        if (bodyLength < tagLength() + 1) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_RECORD_MAC, "record too short to be protected");
        }
        nonce();
        int n = aead.open(nonce, buf, RecordDeframer.HEADER_LENGTH, buf, RecordDeframer.HEADER_LENGTH,
                bodyLength, out, outOff);
        if (n < 0) {
            // The sequence number stays: a rejected server skips early data it cannot open (RFC 8446 4.2.10).
            throw Fatal.of(Reason.PeerMisbehaved.BAD_RECORD_MAC);
        }
        sequence++;
        return n;
    }
}
