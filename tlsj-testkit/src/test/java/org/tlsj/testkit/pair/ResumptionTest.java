package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertFatal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.SessionInfo;
import org.tlsj.TicketKeys;
import org.tlsj.certs.KeyType;
import org.tlsj.crypto.Secret;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** TLS 1.3 resumption with tickets: PSK with (EC)DHE, binders, lifetime, single use, shared ticket keys. */
class ResumptionTest {
    private final TestPki pki = TestPki.create();
    private final CertifiedKey serverKey = pki.server(KeyType.EC_P256);
    private final ClientSessionCache cache = ClientSessionCache.inMemory(8);

    private ClientConfig client() {
        return pki.client().sessionCache(cache).build();
    }

    private SessionInfo connect(ClientConfig client, ServerConfig server) {
        TestPair pair = TestPair.of(client, server, "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().resumed()).isEqualTo(pair.client().session().orElseThrow().resumed());
        return pair.client().session().orElseThrow();
    }

    @Test
    void secondConnectionResumesWithTheTicketOfTheFirst() throws Exception {
        ServerConfig server = TestPki.server(serverKey).build();
        SessionInfo first = connect(client(), server);
        assertThat(first.resumed()).isFalse();
        TestPair second = TestPair.of(client(), server, "localhost").handshake();
        SessionInfo resumed = second.client().session().orElseThrow();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.peerCertificates()).isEqualTo(first.peerCertificates());
        assertThat(resumed.cipherSuite()).isEqualTo(first.cipherSuite());
        assertThat(second.clientSends("resumed data")).isEqualTo("resumed data");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void resumptionsKeepTheServersSessionIdAndFullHandshakesGetNewOnes(boolean tls13) {
        List<org.tlsj.ProtocolVersion> versions = List.of(tls13 ? org.tlsj.ProtocolVersion.TLS13
                : org.tlsj.ProtocolVersion.TLS12);
        ServerConfig server = TestPki.server(serverKey).build();
        ClientConfig c = pki.client().versions(versions).sessionCache(cache).build();
        List<SessionInfo> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestPair pair = TestPair.of(c, server, "localhost").handshake();
            seen.add(pair.server().session().orElseThrow());
            assertThat(pair.client().session().orElseThrow().sessionId()).isEmpty();
        }
        assertThat(seen.get(0).resumed()).isFalse();
        assertThat(seen.get(2).resumed()).isTrue();
        assertThat(seen.get(0).sessionId()).isPresent().get().asString().hasSize(64);
        assertThat(seen).extracting(SessionInfo::sessionId).containsOnly(seen.get(0).sessionId());
        TestPair fresh = TestPair.of(pki.client().versions(versions).build(), server, "localhost").handshake();
        assertThat(fresh.server().session().orElseThrow().sessionId()).isNotEqualTo(seen.get(0).sessionId());
    }

    @Test
    void aTicketIsOfferedOnlyOnce() {
        ServerConfig server = TestPki.server(serverKey).ticketsPerHandshake(1).build();
        connect(client(), server);
        Optional<ResumableSession> kept = cache.take("localhost");
        assertThat(kept).isPresent();
        assertThat(cache.take("localhost")).isEmpty();
        cache.put("localhost", kept.get());
        assertThat(connect(client(), server).resumed()).isTrue();
        assertThat(cache.take("localhost")).as("the resumed connection's new ticket").isPresent();
        assertThat(cache.take("localhost")).isEmpty();
    }

    @Test
    void aWrongBinderIsDecryptError() {
        ServerConfig server = TestPki.server(serverKey).build();
        connect(client(), server);
        ResumableSession real = cache.take("localhost").orElseThrow();
        cache.take("localhost");
        cache.put("localhost", new ResumableSession(real.version(), real.suite(), real.identity(), real.sessionId(),
                Secret.wrap(new byte[32]), real.ageAdd(), real.received(), real.lifetime(), real.serverChain(),
                real.scheme(), real.group(), real.extendedMasterSecret()));
        TestPair pair = TestPair.of(client(), server, "localhost").run();
        assertFatal(pair.serverFailure(), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_BINDER);
    }

    @Test
    void anExpiredTicketGivesAFullHandshake() {
        ServerConfig server = TestPki.server(serverKey).ticketLifetime(Duration.ofMinutes(10)).build();
        connect(client(), server);
        ServerConfig later = server.toBuilder().clock(Clock.offset(TestPki.CLOCK, Duration.ofMinutes(11))).build();
        ClientConfig clientLater = pki.client().sessionCache(cache).clock(Clock.offset(TestPki.CLOCK, Duration.ofMinutes(5)))
                .build();
        assertThat(connect(clientLater, later).resumed()).isFalse();
    }

    @Test
    void serversSharingTicketKeysResumeEachOthersSessions() {
        TicketKeys shared = TicketKeys.fromSecret(Secret.wrap(new byte[32]), Duration.ofHours(1));
        ServerConfig a = TestPki.server(serverKey).ticketKeys(shared).build();
        ServerConfig b = TestPki.server(serverKey).ticketKeys(TicketKeys.fromSecret(Secret.wrap(new byte[32]),
                Duration.ofHours(1))).build();
        ServerConfig other = TestPki.server(serverKey).build();
        connect(client(), a);
        assertThat(connect(client(), b).resumed()).isTrue();
        assertThat(connect(client(), other).resumed()).as("other keys cannot open the ticket").isFalse();
    }

    @Test
    void resumptionAfterHelloRetryRequestRebindsTheTicket() {
        ServerConfig server = TestPki.server(serverKey).groups(List.of(NamedGroup.SECP256R1)).build();
        ClientConfig c = pki.client().sessionCache(cache).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .keyShareGroups(List.of(NamedGroup.X25519)).build();
        connect(c, server);
        SessionInfo second = connect(c, server);
        assertThat(second.resumed()).isTrue();
        assertThat(second.helloRetried()).isTrue();
    }

    @Test
    void aResumedMutualTlsSessionKeepsTheClientIdentity() {
        ServerConfig server = TestPki.server(serverKey).clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        ClientConfig c = pki.client().sessionCache(cache).certificates(List.of(pki.clientCertificate("alice"))).build();
        connect(c, server);
        TestPair second = TestPair.of(c, server, "localhost").handshake();
        assertThat(second.server().session().orElseThrow().resumed()).isTrue();
        assertThat(second.server().session().orElseThrow().peerIdentity()).contains("CN=alice");
    }

    /**
     * RFC 8446 section 4.6.1: the server sends its tickets once the client's Finished has settled the
     * transcript (the RFC also allows sending them with the flight when no client certificate is asked for;
     * that was tried and measured no faster, see issue 7). After the client's Finished the server has the
     * tickets to write, and the ticket resumes.
     */
    @Test
    void theTicketsFollowTheClientsFinished() throws Exception {
        ServerConfig server = TestPki.server(serverKey).build();
        ClientConnection c = ClientConnection.start(client(), "localhost");
        ServerConnection s = ServerConnection.accept(server);
        s.feed(ByteBuffer.wrap(TestPair.drain(c)));
        c.feed(ByteBuffer.wrap(TestPair.drain(s)));
        assertThat(c.isHandshakeComplete()).isTrue();
        assertThat(cache.take("localhost")).as("no ticket before the client's Finished").isEmpty();

        s.feed(ByteBuffer.wrap(TestPair.drain(c)));
        assertThat(s.isHandshakeComplete()).isTrue();
        c.feed(ByteBuffer.wrap(TestPair.drain(s)));
        Optional<ResumableSession> ticket = cache.take("localhost");
        assertThat(ticket).isPresent();
        cache.put("localhost", ticket.get());
        assertThat(connect(client(), server).resumed()).isTrue();
    }

    /** With client authentication the tickets wait for the client's Finished (its certificate is in them). */
    @Test
    void withClientAuthTheTicketsFollowTheClientsFinished() throws Exception {
        ServerConfig server = TestPki.server(serverKey).clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        ClientConfig config = pki.client().sessionCache(cache).certificates(List.of(pki.clientCertificate("bob")))
                .build();
        ClientConnection c = ClientConnection.start(config, "localhost");
        ServerConnection s = ServerConnection.accept(server);
        s.feed(ByteBuffer.wrap(TestPair.drain(c)));
        c.feed(ByteBuffer.wrap(TestPair.drain(s)));
        assertThat(c.isHandshakeComplete()).isTrue();
        assertThat(cache.take("localhost")).as("no ticket before the client's Finished").isEmpty();

        s.feed(ByteBuffer.wrap(TestPair.drain(c)));
        c.feed(ByteBuffer.wrap(TestPair.drain(s)));
        assertThat(cache.take("localhost")).isPresent();
    }
}
