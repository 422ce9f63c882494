package org.tlsj.bench;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.tlsj.TlsFatalAlertException;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.PkixVerifier;

/**
 * A client verifying the server chain of the bench PKI (leaf and CA, ECDSA P-256) with {@link PkixVerifier},
 * as a client reconnecting to the same server does on each full handshake.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerifyBench {
    private PkixVerifier verifier;
    private List<X509Certificate> chain;

    /** The bench PKI's server chain and a verifier trusting its CA. */
    @Setup(Level.Trial)
    public void setUp() {
        Fixtures f = new Fixtures();
        verifier = PkixVerifier.withTrustedCertificates(List.of(f.ca()));
        chain = f.key(KeyType.EC_P256).chain();
    }

    /** Verifies the same chain for the same host again. */
    @Benchmark
    public ChainChecks sameServerAgain() throws TlsFatalAlertException {
        return verifier.verify(chain, Optional.of(Fixtures.HOST), Instant.now());
    }
}
