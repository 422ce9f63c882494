package org.tlsj.internal.record;

import java.util.Arrays;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Secret;

/**
 * TLS 1.2 AEAD record protection for one direction and one key (RFC 5246 section 6.2.3.3).
 * <ul>
 *   <li>AES-GCM (RFC 5288 section 3): nonce = 4-byte salt (the fixed IV) || 8-byte explicit nonce, which
 *       travels at the start of the record body. We send the 64-bit sequence number as the explicit
 *       nonce, as RFC 5288 allows and most stacks do; we accept any value from the peer.
 *       {@link #contentOffset()} is 8.</li>
 *   <li>ChaCha20-Poly1305 (RFC 7905 section 2): nonce = the 12-byte IV xor the left-padded sequence
 *       number; no explicit nonce, {@link #contentOffset()} is 0.</li>
 * </ul>
 * The additional data is seq_num (8) || type (1) || version (2) || plaintext length (2). Reuses its
 * scratch arrays: no allocation per record.
 */
public final class RecordProtection12 implements RecordProtection {
    /** Length of the AES-GCM explicit nonce in each record (RFC 5288 section 3). */
    public static final int EXPLICIT_NONCE_LENGTH = 8;
    private static final int AAD_LENGTH = 13;

    private final Aead aead;
    private final byte[] fixedIv;
    private final boolean explicitNonce;
    private final int recordVersion;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[AAD_LENGTH];
    private long sequence;

    /**
     * Creates the protection.
     *
     * @param aead the keyed AEAD (a KeyBlock's write key)
     * @param fixedIv the KeyBlock's write IV: 4 bytes for AES-GCM, 12 for ChaCha20-Poly1305
     * @param recordVersion the version written in sealed records' headers and their additional data (TLS 1.2)
     * @throws IllegalArgumentException if the IV length does not fit the AEAD
     */
    public RecordProtection12(Aead aead, Secret fixedIv, ProtocolVersion recordVersion) {
        this(aead, fixedIv, recordVersion, 0);
    }

    /** Starts at another sequence number: for tests of the wrap limit. */
    RecordProtection12(Aead aead, Secret fixedIv, ProtocolVersion recordVersion, long firstSequence) {
        this.aead = aead;
        this.sequence = firstSequence;
        this.explicitNonce = aead.algorithm() != AeadAlgorithm.CHACHA20_POLY1305;
        int ivLength = explicitNonce ? 12 - EXPLICIT_NONCE_LENGTH : 12;
        if (fixedIv.length() != ivLength) {
            throw new IllegalArgumentException(aead.algorithm() + " in TLS 1.2 needs a " + ivLength
                    + "-byte fixed IV, got " + fixedIv.length() + " bytes");
        }
        this.fixedIv = fixedIv.expose();
        this.recordVersion = recordVersion.code();
    }

    /** The protection for a TLS 1.2 record layer: the AEAD keyed with {@code key}, records versioned 0x0303. */
    public static RecordProtection12 of(CryptoProvider crypto, AeadAlgorithm algorithm, Secret key, Secret fixedIv) {
        return new RecordProtection12(crypto.aead(algorithm, key), fixedIv, ProtocolVersion.TLS12);
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
        return explicitNonce ? EXPLICIT_NONCE_LENGTH : 0;
    }

    @Override
    public int overhead() {
        return contentOffset() + tagLength();
    }

    @Override
    public boolean hidesContentType() {
        return false;
    }

    @Override
    public long keyUpdateLimit() {
        return 0; // TLS 1.2 has no KeyUpdate
    }

    /** Builds the nonce's implicit part and the sequence number of the AAD; advances the sequence number. */
    private void nextSequence() throws TlsFatalAlertException {
        if (sequence == -1L) {
            // RFC 5246 section 6.1: sequence numbers MUST NOT wrap; renegotiation is refused, so give up.
            throw Fatal.of(Reason.Local.INTERNAL, "record sequence number exhausted");
        }
        for (int i = 0; i < 8; i++) {
            aad[7 - i] = (byte) (sequence >>> (8 * i));
        }
        if (explicitNonce) {
            System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
        } else {
            System.arraycopy(fixedIv, 0, nonce, 0, 12);
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] ^= aad[i];
            }
        }
        sequence++;
    }

    private void setAadTail(int type, int versionHigh, int versionLow, int plaintextLength) {
        aad[8] = (byte) type;
        aad[9] = (byte) versionHigh;
        aad[10] = (byte) versionLow;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }

    @Override
    public int seal(int contentType, byte[] buf, int at, int len) throws TlsFatalAlertException {
        nextSequence();
        int body = at + RecordDeframer.HEADER_LENGTH;
        if (explicitNonce) {
            // The explicit nonce is the sequence number (the first 8 bytes of the AAD).
            System.arraycopy(aad, 0, nonce, 4, EXPLICIT_NONCE_LENGTH);
            System.arraycopy(aad, 0, buf, body, EXPLICIT_NONCE_LENGTH);
        }
        setAadTail(contentType, recordVersion >>> 8, recordVersion, len);
        int content = body + contentOffset();
        int bodyLength = contentOffset() + len + tagLength();
        buf[at] = (byte) contentType;
        buf[at + 1] = (byte) (recordVersion >>> 8);
        buf[at + 2] = (byte) recordVersion;
        buf[at + 3] = (byte) (bodyLength >>> 8);
        buf[at + 4] = (byte) bodyLength;
        aead.seal(nonce, aad, AAD_LENGTH, buf, content, len, buf, content);
        return RecordDeframer.HEADER_LENGTH + bodyLength;
    }

    @Override
    public int open(byte[] buf, int bodyLength, byte[] out, int outOff) throws TlsFatalAlertException {
        if (bodyLength < overhead()) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_RECORD_MAC, "record too short to be protected");
        }
        nextSequence();
        int body = RecordDeframer.HEADER_LENGTH;
        if (explicitNonce) {
            System.arraycopy(buf, body, nonce, 4, EXPLICIT_NONCE_LENGTH);
        }
        int content = body + contentOffset();
        int cipherLength = bodyLength - contentOffset();
        int plaintextLength = cipherLength - tagLength();
        setAadTail(buf[0] & 0xff, buf[1] & 0xff, buf[2] & 0xff, plaintextLength);
        int n = aead.open(nonce, aad, AAD_LENGTH, buf, content, cipherLength, out, outOff);
        if (n < 0) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_RECORD_MAC);
        }
        if (n > RecordDeframer.MAX_PLAINTEXT) {
            // RFC 5246 section 6.2.1: TLSPlaintext.length MUST NOT exceed 2^14.
            Arrays.fill(out, outOff, outOff + n, (byte) 0);
            throw Fatal.of(Reason.InvalidMessage.RECORD_TOO_LARGE,
                    n + " bytes of plaintext, the limit is " + RecordDeframer.MAX_PLAINTEXT);
        }
        return n;
    }
}
