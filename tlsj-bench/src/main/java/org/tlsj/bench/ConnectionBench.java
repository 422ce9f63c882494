package org.tlsj.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
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
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;

/**
 * 16 KiB of application data written by the client and read by the server of one established TLS 1.3
 * TLS_AES_128_GCM_SHA256 connection, in memory: tlsj and JSSE SSLEngines. With {@code -prof gc} this is the
 * allocation per record through the whole connection (write, drain, feed, read).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConnectionBench {
    private static final int RECORD = 16 * 1024;
    private final ByteBuffer data = ByteBuffer.allocate(RECORD);
    private final MemoryPair pair = new MemoryPair();
    private final EnginePair engines = new EnginePair();

    /** Establishes one tlsj and one JSSE connection. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Fixtures f = new Fixtures();
        pair.handshake(f.client(NamedGroup.X25519, ProtocolVersion.TLS13)
                        .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build(),
                f.server(KeyType.EC_P256).build());
        engines.handshake(f.jsse(KeyType.EC_P256), "x25519", "TLSv1.3", "TLS_AES_128_GCM_SHA256");
        if (!engines.client().getSession().getCipherSuite().equals("TLS_AES_128_GCM_SHA256")) {
            throw new IllegalStateException("JSSE chose " + engines.client().getSession().getCipherSuite());
        }
    }

    /** One 16 KiB write and read through tlsj. */
    @Benchmark
    public int tlsj() throws TlsException {
        data.clear();
        return pair.clientToServer(data);
    }

    /** One 16 KiB wrap and unwrap through JSSE. */
    @Benchmark
    public int jsse() throws SSLException {
        data.clear();
        return engines.clientToServer(data);
    }
}
