package org.tlsj.bench;

import java.time.Duration;
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
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.TicketKeys;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Tickets;
import org.tlsj.Bytes;

/**
 * Session ticket sealing and opening as a TLS 1.3 server does it (two seals per full handshake, one open per
 * resumption attempt), with the JCA provider.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TicketBench {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private CryptoProvider crypto;
    private TicketKeys keys;
    private Tickets.State state;
    private Bytes ticket;

    /** Random ticket keys and a typical TLS 1.3 session without client certificates. */
    @Setup(Level.Trial)
    public void setUp() {
        crypto = JcaCryptoProvider.create();
        keys = TicketKeys.random(crypto.random(), Duration.ofHours(1));
        state = new Tickets.State(ProtocolVersion.TLS13, CipherSuite.TLS_AES_128_GCM_SHA256, Secret.zeros(32), 7, now,
                7200, Optional.of("localhost"), Optional.empty(), List.of(), SignatureScheme.ECDSA_SECP256R1_SHA256,
                org.tlsj.Bytes.fromHex("0102030405060708"), org.tlsj.NamedGroup.X25519, false);
        ticket = Tickets.seal(crypto, keys, now, state);
    }

    /** Seals one ticket. */
    @Benchmark
    public Bytes seal() {
        return Tickets.seal(crypto, keys, now, state);
    }

    /** Opens one ticket. */
    @Benchmark
    public Optional<Tickets.State> open() {
        return Tickets.open(crypto, keys, now, ticket);
    }
}
