package org.tlsj.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.Tls12KeySchedule;
import org.tlsj.internal.keyschedule.Tls12KeySchedule.KeyBlock;
import org.tlsj.Bytes;

/**
 * TLS 1.2 AEAD records (RFC 5246 section 6.2.3.3, RFC 5288, RFC 7905). The known answers are computed in
 * the test straight from the RFC definitions with the JCA ciphers: nonce, additional data and record
 * layout written out by hand.
 */
class RecordProtection12Test {
    private static final Bytes GCM_KEY = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
    private static final Bytes GCM_SALT = Bytes.fromHex("a0a1a2a3");
    private static final Bytes CHACHA_KEY =
            Bytes.fromHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final Bytes CHACHA_IV = Bytes.fromHex("070000004041424344454647");
    private static final byte[] MESSAGE = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int APPLICATION_DATA = 23;

    private final CryptoProvider crypto = JcaCryptoProvider.create();

    private RecordProtection12 gcm() {
        return RecordProtection12.of(crypto, AeadAlgorithm.AES_128_GCM, secret(GCM_KEY), secret(GCM_SALT));
    }

    private RecordProtection12 chacha() {
        return RecordProtection12.of(crypto, AeadAlgorithm.CHACHA20_POLY1305, secret(CHACHA_KEY), secret(CHACHA_IV));
    }

    private static Secret secret(Bytes b) {
        return Secret.wrap(b.toArray());
    }

    /** Seals {@code content} as one record and returns the record's bytes. */
    private static Bytes seal(RecordProtection12 p, int type, byte[] content) throws TlsFatalAlertException {
        byte[] buf = new byte[5 + p.overhead() + content.length];
        System.arraycopy(content, 0, buf, 5 + p.contentOffset(), content.length);
        int n = p.seal(type, buf, 0, content.length);
        return Bytes.of(buf, 0, n);
    }

    /** Opens a record and returns its plaintext. */
    private static Bytes open(RecordProtection12 p, Bytes record) throws TlsFatalAlertException {
        byte[] buf = record.toArray();
        int n = p.open(buf, buf.length - 5);
        return Bytes.of(buf, 5 + p.contentOffset(), n);
    }

    private static byte[] aad(long seq, int type, int length) {
        byte[] aad = new byte[13];
        for (int i = 0; i < 8; i++) {
            aad[7 - i] = (byte) (seq >>> (8 * i));
        }
        aad[8] = (byte) type;
        aad[9] = 3;
        aad[10] = 3;
        aad[11] = (byte) (length >>> 8);
        aad[12] = (byte) length;
        return aad;
    }

    /** The record an independent AES-GCM computation gives: header, explicit nonce, ciphertext, tag. */
    private static Bytes jcaGcmRecord(long seq, Bytes explicitNonce, int type, byte[] content) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(GCM_KEY.toArray(), "AES"),
                new GCMParameterSpec(128, GCM_SALT.concat(explicitNonce).toArray()));
        c.updateAAD(aad(seq, type, content.length));
        Bytes sealed = Bytes.wrap(c.doFinal(content));
        int length = 8 + sealed.length();
        return Bytes.fromHex(String.format("%02x0303%04x", type, length)).concat(explicitNonce).concat(sealed);
    }

    private static Bytes seqBytes(long seq) {
        return Bytes.wrap(Arrays.copyOfRange(aad(seq, 0, 0), 0, 8));
    }

    @Test
    void aesGcmRecordsMatchAnIndependentComputationWithTheSequenceAsExplicitNonce() throws Exception {
        RecordProtection12 p = gcm();

        Bytes first = seal(p, APPLICATION_DATA, MESSAGE);
        Bytes second = seal(p, 22, MESSAGE);

        assertThat(first).isEqualTo(jcaGcmRecord(0, seqBytes(0), APPLICATION_DATA, MESSAGE));
        assertThat(second).isEqualTo(jcaGcmRecord(1, seqBytes(1), 22, MESSAGE));
        assertThat(first.slice(0, 13)).isEqualTo(Bytes.fromHex("170303002a0000000000000000"));
        assertThat(p.sequence()).isEqualTo(2);
        assertThat(p.contentOffset()).isEqualTo(8);
        assertThat(p.overhead()).isEqualTo(24);
    }

    @Test
    void aesGcmOpenUsesTheExplicitNonceTheRecordCarries() throws Exception {
        Bytes peerNonce = Bytes.fromHex("fedcba9876543210");
        Bytes record = jcaGcmRecord(0, peerNonce, APPLICATION_DATA, MESSAGE);

        assertThat(open(gcm(), record)).isEqualTo(Bytes.wrap(MESSAGE));
    }

    @Test
    void chachaRecordsMatchAnIndependentComputationWithTheIvXorSequence() throws Exception {
        RecordProtection12 p = chacha();
        seal(p, APPLICATION_DATA, MESSAGE);

        Bytes second = seal(p, APPLICATION_DATA, MESSAGE);

        byte[] nonce = CHACHA_IV.toArray();
        nonce[11] ^= 1;
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(CHACHA_KEY.toArray(), "ChaCha20"), new IvParameterSpec(nonce));
        c.updateAAD(aad(1, APPLICATION_DATA, MESSAGE.length));
        Bytes sealed = Bytes.wrap(c.doFinal(MESSAGE));
        assertThat(second).isEqualTo(Bytes.fromHex(String.format("170303%04x", sealed.length())).concat(sealed));
        assertThat(p.contentOffset()).isZero();
        assertThat(p.overhead()).isEqualTo(16);
    }

    @Test
    void keyBlockKeysRoundTripManyRecordsInPlaceForBothAeads() throws TlsFatalAlertException {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}) {
            KeyBlock kb = Tls12KeySchedule.keyBlock(crypto, suite, Secret.zeros(48), Bytes.wrap(new byte[32]),
                    Bytes.wrap(new byte[32]));
            RecordProtection12 clientWrite = RecordProtection12.of(crypto, suite.aead(), kb.clientWriteKey(),
                    kb.clientWriteIv());
            RecordProtection12 serverRead = RecordProtection12.of(crypto, suite.aead(), kb.clientWriteKey(),
                    kb.clientWriteIv());
            for (int size : new int[] {0, 1, 100, RecordDeframer.MAX_PLAINTEXT}) {
                byte[] content = new byte[size];
                Arrays.fill(content, (byte) size);
                Bytes record = seal(clientWrite, APPLICATION_DATA, content);
                assertThat(record.length()).isEqualTo(5 + clientWrite.overhead() + size);
                assertThat(open(serverRead, record)).isEqualTo(Bytes.wrap(content));
            }
            assertThat(clientWrite.sequence()).isEqualTo(4);
            assertThat(serverRead.sequence()).isEqualTo(4);
        }
    }

    @Test
    void recordsOutOfOrderFailBecauseTheSequenceNumberIsAuthenticated() throws TlsFatalAlertException {
        for (boolean aes : new boolean[] {true, false}) {
            RecordProtection12 writer = aes ? gcm() : chacha();
            seal(writer, APPLICATION_DATA, MESSAGE);
            Bytes second = seal(writer, APPLICATION_DATA, MESSAGE);

            assertBadRecordMac(aes ? gcm() : chacha(), second.toArray());
        }
    }

    @Test
    void anyFlippedBitFailsWithBadRecordMac() throws TlsFatalAlertException {
        for (boolean aes : new boolean[] {true, false}) {
            Bytes record = seal(aes ? gcm() : chacha(), APPLICATION_DATA, MESSAGE);
            for (int at : new int[] {5, 12, 13, record.length() - 17, record.length() - 1}) {
                byte[] tampered = record.toArray();
                tampered[at] ^= 0x01;
                assertBadRecordMac(aes ? gcm() : chacha(), tampered);
            }
        }
    }

    @Test
    void additionalDataCoversTheHeaderTypeAndVersion() throws TlsFatalAlertException {
        for (boolean aes : new boolean[] {true, false}) {
            Bytes record = seal(aes ? gcm() : chacha(), APPLICATION_DATA, MESSAGE);
            byte[] otherType = record.toArray();
            otherType[0] = 22;
            byte[] otherVersion = record.toArray();
            otherVersion[2] = 1;

            assertBadRecordMac(aes ? gcm() : chacha(), otherType);
            assertBadRecordMac(aes ? gcm() : chacha(), otherVersion);
        }
    }

    @Test
    void aByteMoreInTheBodyFailsWithBadRecordMac() throws TlsFatalAlertException {
        Bytes record = seal(gcm(), APPLICATION_DATA, MESSAGE).concat(Bytes.fromHex("00"));
        byte[] buf = record.toArray();

        assertThat(catchThrowableOfType(TlsFatalAlertException.class, () -> gcm().open(buf, buf.length - 5))
                .reason()).isEqualTo(Reason.PeerMisbehaved.BAD_RECORD_MAC);
    }

    @Test
    void bodyShorterThanNonceAndTagFailsWithBadRecordMac() {
        assertBadRecordMac(gcm(), new byte[5 + 8 + 15]);
        assertBadRecordMac(chacha(), new byte[5 + 15]);
    }

    @Test
    void plaintextOverTwoToTheFourteenFailsWithRecordOverflow() throws TlsFatalAlertException {
        byte[] content = new byte[RecordDeframer.MAX_PLAINTEXT + 1];
        Bytes record = seal(gcm(), APPLICATION_DATA, content);
        byte[] buf = record.toArray();

        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                () -> gcm().open(buf, buf.length - 5));

        assertThat(e.reason()).isEqualTo(Reason.InvalidMessage.RECORD_TOO_LARGE);
    }

    @Test
    void sequenceNumberDoesNotWrap() throws TlsFatalAlertException {
        RecordProtection12 p = new RecordProtection12(crypto.aead(AeadAlgorithm.AES_128_GCM, secret(GCM_KEY)),
                secret(GCM_SALT), ProtocolVersion.TLS12, -2L);
        Bytes last = seal(p, APPLICATION_DATA, MESSAGE);

        assertThat(last.slice(5, 13)).isEqualTo(Bytes.fromHex("fffffffffffffffe"));
        assertThatThrownBy(() -> seal(p, APPLICATION_DATA, MESSAGE)).isInstanceOf(TlsFatalAlertException.class)
                .hasMessageContaining("sequence number exhausted");
    }

    @Test
    void refusesAFixedIvOfTheWrongLength() {
        assertThatThrownBy(() -> RecordProtection12.of(crypto, AeadAlgorithm.AES_128_GCM, secret(GCM_KEY),
                secret(CHACHA_IV))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4-byte");
        assertThatThrownBy(() -> RecordProtection12.of(crypto, AeadAlgorithm.CHACHA20_POLY1305, secret(CHACHA_KEY),
                secret(GCM_SALT))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12-byte");
    }

    private static void assertBadRecordMac(RecordProtection12 p, byte[] record) {
        TlsFatalAlertException e = catchThrowableOfType(TlsFatalAlertException.class,
                () -> p.open(record, record.length - 5));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.PeerMisbehaved.BAD_RECORD_MAC);
    }
}
