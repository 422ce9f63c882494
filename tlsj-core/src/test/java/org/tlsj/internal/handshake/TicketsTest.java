package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.TicketKeys;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

class TicketsTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-06-01T12:30:00Z");
    private final CryptoProvider crypto = JcaCryptoProvider.create();
    private final TicketKeys keys = TicketKeys.fromSecret(Secret.wrap(new byte[32]), HOUR);

    private static Tickets.State state(byte secretByte) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, secretByte);
        return new Tickets.State(ProtocolVersion.TLS13, CipherSuite.TLS_AES_128_GCM_SHA256, Secret.wrap(secret), 77,
                NOW, 7200, Optional.of("localhost"), Optional.of("h2"), List.of(Bytes.fromHex("3003020101")),
                SignatureScheme.ECDSA_SECP256R1_SHA256, Bytes.fromHex("0102"), NamedGroup.X25519, true);
    }

    @Test
    void opensWhatItSealedInTheSameAndTheNextWindow() {
        Bytes ticket = Tickets.seal(crypto, keys, NOW, state((byte) 1));

        for (Instant at : List.of(NOW, NOW.plus(HOUR))) {
            Tickets.State opened = Tickets.open(crypto, keys, at, ticket).orElseThrow();
            assertThat(opened.secret().expose()).containsOnly(1);
            assertThat(opened.sni()).contains("localhost");
            assertThat(opened.sessionId()).isEqualTo(Bytes.fromHex("0102"));
            assertThat(opened.alpn()).contains("h2");
            assertThat(opened.peerChain()).containsExactly(Bytes.fromHex("3003020101"));
            assertThat(opened.issued()).isEqualTo(NOW);
            assertThat(opened.group()).isEqualTo(NamedGroup.X25519);
            assertThat(opened.extendedMasterSecret()).isTrue();
        }
        assertThat(Tickets.open(crypto, keys, NOW.plus(HOUR.multipliedBy(2)), ticket)).isEmpty();
    }

    @Test
    void ticketLayoutIsWindowNonceThenSealedState() {
        Bytes ticket = Tickets.seal(crypto, keys, NOW, state((byte) 1));

        long window = keys.window(NOW);
        assertThat(ticket.slice(0, 8)).isEqualTo(Bytes.fromHex(String.format("%016x", window)));
        assertThat(Tickets.seal(crypto, keys, NOW, state((byte) 1)).slice(8, 20)).isNotEqualTo(ticket.slice(8, 20));
    }

    @Test
    void rejectsADamagedTicketAndTicketsOfOtherKeys() {
        Bytes ticket = Tickets.seal(crypto, keys, NOW, state((byte) 2));
        byte[] damaged = ticket.toArray();
        damaged[damaged.length - 1] ^= 1;
        TicketKeys other = TicketKeys.fromSecret(Secret.wrap(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                30, 31, 32}), HOUR);

        assertThat(Tickets.open(crypto, keys, NOW, Bytes.wrap(damaged))).isEmpty();
        assertThat(Tickets.open(crypto, other, NOW, ticket)).isEmpty();
        assertThat(Tickets.open(crypto, keys, NOW, ticket)).isPresent();
    }

    @Test
    void keysSharingAMasterSecretOpenEachOthersTickets() {
        TicketKeys twin = TicketKeys.fromSecret(Secret.wrap(new byte[32]), HOUR);

        Bytes ticket = Tickets.seal(crypto, keys, NOW, state((byte) 3));

        assertThat(Tickets.open(JcaCryptoProvider.create(), twin, NOW, ticket)).isPresent();
    }

    @Test
    void oneAeadPerWindowIsMadeOnceAndShared() {
        long window = keys.window(NOW);

        assertThat(keys.aead(crypto, window)).isSameAs(keys.aead(crypto, window));
        assertThat(keys.aead(crypto, window + 1)).isNotSameAs(keys.aead(crypto, window));
        assertThat(keys.aead(crypto, window)).isSameAs(keys.aead(crypto, window));
        assertThat(keys.aead(JcaCryptoProvider.create(), window)).isNotSameAs(keys.aead(crypto, window + 1));
    }

    @Test
    void sealsConcurrentlyWithTheSharedAead() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            byte b = (byte) t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    Bytes ticket = Tickets.seal(crypto, keys, NOW, state(b));
                    if (Tickets.open(crypto, keys, NOW, ticket).map(s -> s.secret().expose()[0] == b).orElse(false)) {
                        opened.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(opened).hasValue(800);
    }
}
