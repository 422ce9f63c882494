package org.tlsj.bench;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
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
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.TlsException;
import org.tlsj.certs.KeyType;

/**
 * A whole full TLS 1.3 handshake in memory (client and server, no sockets), per group and server key type:
 * tlsj ({@link #tlsj()}) and a pair of JSSE SSLEngines ({@link #jsse()}) with the same certificate.
 * JSSE has no X25519MLKEM768 in JDK 25, so that combination skips JSSE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HandshakeBench {
    /** The key exchange group. */
    @Param({"x25519", "secp256r1", "X25519MLKEM768"})
    public String group;

    /** The server's key type. */
    @Param({"EC_P256", "RSA_2048"})
    public String key;

    private ClientConfig clientConfig;
    private ServerConfig serverConfig;
    private SSLContext jsse;
    private final MemoryPair pair = new MemoryPair();
    private final EnginePair engines = new EnginePair();

    /** Mints the certificates and builds both stacks' configurations. */
    @Setup(Level.Trial)
    public void setUp() {
        Fixtures f = new Fixtures();
        KeyType type = KeyType.valueOf(key);
        clientConfig = f.client(Fixtures.group(group), ProtocolVersion.TLS13).build();
        serverConfig = f.server(type).build();
        jsse = f.jsse(type);
    }

    /** tlsj client and server, full handshake, including the server's NewSessionTickets. */
    @Benchmark
    public Object tlsj() throws TlsException {
        return pair.handshake(clientConfig, serverConfig).server();
    }

    /** JSSE client and server engines, full handshake. */
    @Benchmark
    public Object jsse() throws SSLException {
        if (group.equals("X25519MLKEM768")) {
            return null;
        }
        return engines.handshake(jsse, group, "TLSv1.3").server();
    }
}
