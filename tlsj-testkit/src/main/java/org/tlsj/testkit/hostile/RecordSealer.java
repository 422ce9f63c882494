package org.tlsj.testkit.hostile;

import java.util.Arrays;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Tls12KeySchedule;
import org.tlsj.internal.record.RecordDeframer;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.internal.record.RecordProtection12;
import org.tlsj.internal.record.RecordProtection13;
import org.tlsj.Bytes;

/**
 * Record protection for one direction, for a test that plays a peer: seals records the way an honest
 * peer would (or with any content type and padding), and opens the records our side writes. Sequence
 * numbers start at zero and advance on each successful seal or open.
 * <ul>
 *   <li>TLS 1.3 ({@link #of}): under one traffic secret, inner content type and padding (RFC 8446 5.2).</li>
 *   <li>TLS 1.2 ({@link #tls12}): AEAD under one side's key block half, the content type in the header;
 *       AES-GCM carries the sequence number as its 8-byte explicit nonce (RFC 5288 section 3),
 *       ChaCha20-Poly1305 has none (RFC 7905 section 2).</li>
 * </ul>
 */
public final class RecordSealer {
    private static final CryptoProvider CRYPTO = JcaCryptoProvider.create();
    private final CipherSuite suite;
    private final byte[] trafficSecret;
    private final RecordProtection protection;

    private RecordSealer(CipherSuite suite, byte[] trafficSecret) {
        this.suite = suite;
        this.trafficSecret = trafficSecret.clone();
        Secret s = Secret.copyOf(trafficSecret);
        Secret key = KeySchedule13.trafficKey(CRYPTO, suite.hash(), s, suite.aead().keyLength());
        Secret iv = KeySchedule13.trafficIv(CRYPTO, suite.hash(), s, suite.aead().ivLength());
        this.protection = new RecordProtection13(CRYPTO.aead(suite.aead(), key), iv);
        key.destroy();
        iv.destroy();
        s.destroy();
    }

    private RecordSealer(CipherSuite suite, RecordProtection12 protection) {
        this.suite = suite;
        this.trafficSecret = null;
        this.protection = protection;
    }

    /**
     * A TLS 1.2 sealer at sequence number zero for one direction of a connection with this master secret
     * and these randoms (the key block of RFC 5246 section 6.3).
     *
     * @param clientWrite whether this seals what the client writes (else the server's direction)
     */
    public static RecordSealer tls12(CipherSuite suite, byte[] masterSecret, Bytes clientRandom, Bytes serverRandom,
                                     boolean clientWrite) {
        Secret master = Secret.copyOf(masterSecret);
        Tls12KeySchedule.KeyBlock kb = Tls12KeySchedule.keyBlock(CRYPTO, suite, master, clientRandom, serverRandom);
        master.destroy();
        RecordProtection12 p = RecordProtection12.of(CRYPTO, suite.aead(),
                clientWrite ? kb.clientWriteKey() : kb.serverWriteKey(),
                clientWrite ? kb.clientWriteIv() : kb.serverWriteIv());
        for (Secret s : new Secret[] {kb.clientWriteKey(), kb.serverWriteKey(), kb.clientWriteIv(), kb.serverWriteIv()}) {
            s.destroy();
        }
        return new RecordSealer(suite, p);
    }

    /** Whether this seals TLS 1.2 records. */
    public boolean isTls12() {
        return protection instanceof RecordProtection12;
    }

    /** A sealer at sequence number zero for a TLS 1.3 traffic secret of {@code suite}. */
    public static RecordSealer of(CipherSuite suite, byte[] trafficSecret) {
        return new RecordSealer(suite, trafficSecret);
    }

    /** The sealer for the next generation of this secret (RFC 8446 section 7.2, after a KeyUpdate). */
    public RecordSealer next() {
        if (isTls12()) {
            throw new IllegalStateException("TLS 1.2 has no KeyUpdate");
        }
        Secret current = Secret.copyOf(trafficSecret);
        Secret next = KeySchedule13.nextTrafficSecret(CRYPTO, suite.hash(), current);
        RecordSealer s = new RecordSealer(suite, next.expose());
        current.destroy();
        next.destroy();
        return s;
    }

    /**
     * Seals one record whose inner plaintext is {@code content}, then {@code type}, then {@code padding} zeros
     * (TLS 1.3). For TLS 1.2 the type goes in the header and {@code padding} must be zero.
     */
    public byte[] seal(int type, byte[] content, int padding) {
        if (isTls12()) {
            if (padding != 0) {
                throw new IllegalArgumentException("TLS 1.2 records have no padding");
            }
            return seal12(type, content);
        }
        byte[] inner = Arrays.copyOf(content, content.length + padding);
        int tag = suite.aead().tagLength();
        byte[] buf = new byte[RecordDeframer.HEADER_LENGTH + inner.length + 1 + tag];
        System.arraycopy(inner, 0, buf, RecordDeframer.HEADER_LENGTH, inner.length);
        try {
            if (padding == 0) {
                return Arrays.copyOf(buf, protection.seal(type, buf, 0, inner.length));
            }
            // The padding goes after the content type: seal content||type||zeros as type-less inner text.
            byte[] padded = new byte[content.length + 1 + padding];
            System.arraycopy(content, 0, padded, 0, content.length);
            padded[content.length] = (byte) type;
            System.arraycopy(padded, 0, buf, RecordDeframer.HEADER_LENGTH, padded.length - 1);
            return Arrays.copyOf(buf, protection.seal(0, buf, 0, padded.length - 1));
        } catch (TlsFatalAlertException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    private byte[] seal12(int type, byte[] content) {
        int offset = protection.contentOffset();
        byte[] buf = new byte[RecordDeframer.HEADER_LENGTH + protection.overhead() + content.length];
        System.arraycopy(content, 0, buf, RecordDeframer.HEADER_LENGTH + offset, content.length);
        try {
            return Arrays.copyOf(buf, protection.seal(type, buf, 0, content.length));
        } catch (TlsFatalAlertException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /** Seals one record with no padding. */
    public byte[] seal(int type, byte[] content) {
        return seal(type, content, 0);
    }

    /**
     * Opens one protected record (header included), or returns empty if it does not authenticate under this
     * key at its current sequence number (the TLS 1.3 sequence number then stays; TLS 1.2 counts the try).
     */
    public Optional<Records.Record> open(byte[] record) {
        byte[] buf = record.clone();
        int bodyLength = record.length - RecordDeframer.HEADER_LENGTH;
        int n;
        try {
            n = protection.open(buf, bodyLength);
        } catch (TlsFatalAlertException e) {
            return Optional.empty();
        }
        if (isTls12()) {
            return Optional.of(new Records.Record(record[0] & 0xff,
                    Bytes.of(buf, RecordDeframer.HEADER_LENGTH + protection.contentOffset(), n), true));
        }
        int i = RecordDeframer.HEADER_LENGTH + n - 1;
        while (i >= RecordDeframer.HEADER_LENGTH && buf[i] == 0) {
            i--;
        }
        if (i < RecordDeframer.HEADER_LENGTH) {
            return Optional.of(new Records.Record(0, Bytes.EMPTY, true));
        }
        return Optional.of(new Records.Record(buf[i] & 0xff,
                Bytes.of(buf, RecordDeframer.HEADER_LENGTH, i - RecordDeframer.HEADER_LENGTH), true));
    }

    /** Names the suite only; never the secret. */
    @Override
    public String toString() {
        return "RecordSealer[" + (isTls12() ? "TLS 1.2 " : "") + suite + ", seq=" + protection.sequence() + "]";
    }
}
