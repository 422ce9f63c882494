package org.tlsj.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.record.RecordProtection13;

/**
 * TLS 1.3 record protection of one record (16 KiB, or a small handshake-sized one), in place, per AEAD and
 * crypto provider ({@code jca} or {@code openssl}): seal alone, and seal then open by the peer's protection
 * (open alone is the difference). Run with {@code -prof gc} for allocation per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RecordBench {
    /** The AEAD of the suite: TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256. */
    @Param({"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305"})
    public String aead;

    /** The crypto provider by name. */
    @Param({"jca", "openssl"})
    public String provider;

    /** Plaintext bytes per record: a full one, and one the size of a small handshake message. */
    @Param({"16384", "100"})
    public int record;

    private RecordProtection13 sealer;
    private RecordProtection13 opener;
    private byte[] buf;

    /** Keys both directions with the same fresh key and IV, as the two ends of one connection would be. */
    @Setup(Level.Trial)
    public void setUp() {
        CryptoProvider crypto = CryptoProviders.named(provider)
                .orElseThrow(() -> new IllegalArgumentException(provider)).create();
        buf = new byte[5 + record + 256];
        AeadAlgorithm algorithm = AeadAlgorithm.valueOf(aead);
        byte[] key = new byte[algorithm.keyLength()];
        byte[] iv = new byte[12];
        crypto.random().nextBytes(key);
        crypto.random().nextBytes(iv);
        sealer = new RecordProtection13(crypto.aead(algorithm, Secret.copyOf(key)), Secret.copyOf(iv));
        opener = new RecordProtection13(crypto.aead(algorithm, Secret.copyOf(key)), Secret.copyOf(iv));
    }

    /** Seals one record in place. */
    @Benchmark
    public int seal() throws TlsFatalAlertException {
        return sealer.seal(23, buf, 0, record);
    }

    /** Seals one record and opens it at the peer, both in place. */
    @Benchmark
    public int sealThenOpen() throws TlsFatalAlertException {
        int n = sealer.seal(23, buf, 0, record);
        return opener.open(buf, n - 5);
    }
}
