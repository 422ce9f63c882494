package org.tlsj.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;

/**
 * Opening a record into another array (what the engine does for application data once connected, because the
 * JDK's AES-GCM is much faster that way) gives the same plaintext as opening in place, for TLS 1.3 and TLS 1.2,
 * and fails the same way on a tampered record.
 */
class OpenIntoSeparateArrayTest {
    private static final int APPLICATION_DATA = 23;
    private final CryptoProvider crypto = JcaCryptoProvider.create();

    private Supplier<RecordProtection> tls13(AeadAlgorithm a) {
        byte[] key = new byte[a.keyLength()];
        Arrays.fill(key, (byte) 7);
        return () -> new RecordProtection13(crypto.aead(a, Secret.copyOf(key)), Secret.copyOf(new byte[12]));
    }

    private Supplier<RecordProtection> tls12(AeadAlgorithm a) {
        byte[] key = new byte[a.keyLength()];
        Arrays.fill(key, (byte) 9);
        byte[] iv = new byte[a == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4];
        return () -> RecordProtection12.of(crypto, a, Secret.copyOf(key), Secret.copyOf(iv));
    }

    /** A 16 KiB record (the bulk case) of patterned content, sealed by a fresh protection. */
    private static byte[] sealed(RecordProtection p, byte[] content) throws TlsFatalAlertException {
        byte[] buf = new byte[5 + p.overhead() + content.length];
        System.arraycopy(content, 0, buf, 5 + p.contentOffset(), content.length);
        int n = p.seal(APPLICATION_DATA, buf, 0, content.length);
        return Arrays.copyOf(buf, n);
    }

    private static byte[] content() {
        byte[] c = new byte[16 * 1024];
        for (int i = 0; i < c.length; i++) {
            c[i] = (byte) (i * 31 + 5);
        }
        return c;
    }

    @Test
    void opensTheSamePlaintextInPlaceAndIntoASeparateArray() throws Exception {
        byte[] content = content();
        for (Supplier<RecordProtection> side : java.util.List.of(tls13(AeadAlgorithm.AES_128_GCM),
                tls13(AeadAlgorithm.AES_256_GCM), tls13(AeadAlgorithm.CHACHA20_POLY1305),
                tls12(AeadAlgorithm.AES_128_GCM), tls12(AeadAlgorithm.CHACHA20_POLY1305))) {
            byte[] record = sealed(side.get(), content);
            byte[] inPlace = record.clone();
            RecordProtection a = side.get();
            int n1 = a.open(inPlace, record.length - 5);
            byte[] separate = new byte[record.length];
            RecordProtection b = side.get();
            int n2 = b.open(record.clone(), record.length - 5, separate, 0);

            assertThat(n2).isEqualTo(n1);
            int start = 5 + a.contentOffset();
            assertThat(Arrays.copyOfRange(separate, 0, n2))
                    .isEqualTo(Arrays.copyOfRange(inPlace, start, start + n1));
            assertThat(Arrays.copyOf(separate, content.length)).isEqualTo(content);
            assertThat(b.sequence()).isEqualTo(1);
        }
    }

    @Test
    void aTamperedRecordFailsWithBadRecordMacWhenOpenedIntoASeparateArray() throws Exception {
        for (Supplier<RecordProtection> side : java.util.List.of(tls13(AeadAlgorithm.AES_128_GCM),
                tls12(AeadAlgorithm.AES_128_GCM))) {
            byte[] record = sealed(side.get(), content());
            record[record.length / 2] ^= 1;
            TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                    () -> side.get().open(record, record.length - 5, new byte[record.length], 0));
            assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.BAD_RECORD_MAC);
        }
    }
}
