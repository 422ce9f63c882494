package org.tlsj.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.KeySchedule13.HandshakeSecret;
import org.tlsj.internal.keyschedule.KeySchedule13.MasterSecret;
import org.tlsj.Bytes;

/**
 * The TLS 1.3 key schedule with SHA-256, stage by stage, as one full handshake runs it on one side: Early
 * Secret, Handshake Secret and its two traffic secrets, Master Secret and its application secrets, and the
 * key and IV of one traffic secret.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyScheduleBench {
    private static final HashAlgorithm HASH = HashAlgorithm.SHA256;
    private final CryptoProvider crypto = JcaCryptoProvider.create();
    private Secret shared;
    private Bytes transcript;
    private HandshakeSecret handshake;
    private Secret traffic;

    /** Fixes a shared secret, a transcript hash and the stages the later benchmarks start from. */
    @Setup(Level.Trial)
    public void setUp() {
        byte[] b = new byte[32];
        crypto.random().nextBytes(b);
        shared = Secret.copyOf(b);
        crypto.random().nextBytes(b);
        transcript = Bytes.of(b);
        handshake = KeySchedule13.withoutPsk(crypto, HASH).handshakeSecret(shared);
        traffic = handshake.masterSecret().clientApplicationTrafficSecret(transcript);
    }

    /** Early Secret without a PSK. */
    @Benchmark
    public Object earlySecret() {
        return KeySchedule13.withoutPsk(crypto, HASH);
    }

    /** Early Secret to Handshake Secret, then "c hs traffic" and "s hs traffic". */
    @Benchmark
    public Object handshakeSecrets() {
        HandshakeSecret h = KeySchedule13.withoutPsk(crypto, HASH).handshakeSecret(shared);
        h.clientHandshakeTrafficSecret(transcript);
        return h.serverHandshakeTrafficSecret(transcript);
    }

    /** Handshake Secret to Master Secret, then the two application secrets, exporter and resumption. */
    @Benchmark
    public Object masterSecrets() {
        MasterSecret m = handshake.masterSecret();
        m.clientApplicationTrafficSecret(transcript);
        m.serverApplicationTrafficSecret(transcript);
        m.exporterMasterSecret(transcript);
        return m.resumptionMasterSecret(transcript);
    }

    /** write_key and write_iv from one traffic secret. */
    @Benchmark
    public Object trafficKeyAndIv() {
        KeySchedule13.trafficKey(crypto, HASH, traffic, 16);
        return KeySchedule13.trafficIv(crypto, HASH, traffic, 12);
    }

    /** finished_key and verify_data from one handshake traffic secret. */
    @Benchmark
    public Object finished() {
        return KeySchedule13.finishedVerifyData(crypto, HASH, traffic, transcript);
    }
}
