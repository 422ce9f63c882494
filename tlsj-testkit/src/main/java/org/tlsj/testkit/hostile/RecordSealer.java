package org.tlsj.testkit.hostile;

import java.util.Arrays;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.record.RecordDeframer;
import org.tlsj.internal.record.RecordProtection13;
import org.tlsj.internal.wire.Bytes;

/**
 * TLS 1.3 record protection under one traffic secret, for a test that plays a peer: seals records the
 * way an honest peer would (or with any content type and padding), and opens the records our side
 * writes. Sequence numbers start at zero and advance on each successful seal or open.
 */
public final class RecordSealer {
    private static final CryptoProvider CRYPTO = JcaCryptoProvider.create();
    private final CipherSuite suite;
    private final byte[] trafficSecret;
    private final RecordProtection13 protection;

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

    /** A sealer at sequence number zero for a TLS 1.3 traffic secret of {@code suite}. */
    public static RecordSealer of(CipherSuite suite, byte[] trafficSecret) {
        return new RecordSealer(suite, trafficSecret);
    }

    /** The sealer for the next generation of this secret (RFC 8446 section 7.2, after a KeyUpdate). */
    public RecordSealer next() {
        Secret current = Secret.copyOf(trafficSecret);
        Secret next = KeySchedule13.nextTrafficSecret(CRYPTO, suite.hash(), current);
        RecordSealer s = new RecordSealer(suite, next.expose());
        current.destroy();
        next.destroy();
        return s;
    }

    /** Seals one record whose inner plaintext is {@code content}, then {@code type}, then {@code padding} zeros. */
    public byte[] seal(int type, byte[] content, int padding) {
        byte[] inner = Arrays.copyOf(content, content.length + padding);
        int tag = protection.tagLength();
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

    /** Seals one record with no padding. */
    public byte[] seal(int type, byte[] content) {
        return seal(type, content, 0);
    }

    /**
     * Opens one protected record (header included), or returns empty if it does not authenticate under this
     * key at its current sequence number (the sequence number then stays).
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
        return "RecordSealer[" + suite + ", seq=" + protection.sequence() + "]";
    }
}
