package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TicketKeys;
import org.tlsj.TlsException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Tickets;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.Bytes;
import org.tlsj.testkit.TestPki;

/**
 * TLS 1.2 resumption against a lying peer (RFC 5246 section 7.4.1.3, RFC 5077 section 3.4, RFC 7627 section
 * 5.3): a server that claims to resume what we did not offer, or resumes changing the extended master secret;
 * a client that offers an extended-master-secret session without the extension.
 */
class Tls12ResumptionTest {
    private static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    private static final Bytes SESSION_ID = Bytes.of(new byte[] {7, 7, 7, 7, 7, 7, 7, 7});
    private static final int CERTIFICATE = 11;

    // ---- our client, offering a kept session by id, against a lying ServerHello --------------------------

    @Test
    void clientRefusesAResumptionThatDropsTheExtendedMasterSecret() {
        ScriptedPeer p = clientOffering(session(true));
        assertAborted(p.send(serverHello(p, SESSION_ID, SUITE, false)), AlertDescription.HANDSHAKE_FAILURE,
                PeerMisbehaved.EMS_MISMATCH_ON_RESUMPTION);
    }

    @Test
    void clientRefusesAResumptionThatAddsTheExtendedMasterSecret() {
        ScriptedPeer p = clientOffering(session(false));
        assertAborted(p.send(serverHello(p, SESSION_ID, SUITE, true)), AlertDescription.HANDSHAKE_FAILURE,
                PeerMisbehaved.EMS_MISMATCH_ON_RESUMPTION);
    }

    @Test
    void clientRefusesAResumptionAtAnotherSuite() {
        ScriptedPeer p = clientOffering(session(true));
        assertAborted(p.send(serverHello(p, SESSION_ID, CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, true)),
                AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE);
    }

    @Test
    void clientRefusesAnEchoOfItsCompatibilitySessionId() {
        // Offering TLS 1.3 and 1.2, our client sends a random session id (RFC 8446 appendix D.4); a TLS 1.2 server
        // echoing it claims to resume a session we never had.
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client()
                .versions(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256, SUITE)), "localhost");
        Bytes compat = p.clientHello().legacySessionId();
        assertThat(compat.length()).isEqualTo(32);
        assertAborted(p.send(serverHello(p, compat, SUITE, true)), AlertDescription.ILLEGAL_PARAMETER,
                PeerMisbehaved.UNOFFERED_SESSION_RESUMED);
    }

    @Test
    void tls12OnlyClientSendsNoSessionIdWithoutASession() {
        // RFC 5246 section 7.4.1.2: the session id names a session to resume; the compatibility id is TLS 1.3's.
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(SUITE), "localhost");
        assertThat(p.clientHello().legacySessionId().isEmpty()).isTrue();
    }

    // ---- our server, offered a sealed TLS 1.2 session ------------------------------------------------------

    @Test
    void serverAbortsWhenAnExtendedMasterSecretSessionIsOfferedWithoutTheExtension() throws TlsException {
        ServerConfig.Builder server = ticketServer(1);
        ScriptedPeer p = clientHelloWithTicket(server, ticket(server, true), false);
        assertAborted(p, AlertDescription.HANDSHAKE_FAILURE, PeerMisbehaved.EMS_MISMATCH_ON_RESUMPTION);
    }

    @Test
    void serverDoesAFullHandshakeForASessionWithoutTheExtendedMasterSecret() throws TlsException {
        ServerConfig.Builder server = ticketServer(1);
        ScriptedPeer p = clientHelloWithTicket(server, ticket(server, false), true);
        assertFullHandshake(p);
    }

    @Test
    void serverWithTicketsOffAcceptsNoTicket() throws TlsException {
        ServerConfig.Builder server = ticketServer(0);
        ScriptedPeer p = clientHelloWithTicket(server, ticket(server, true), true);
        assertFullHandshake(p);
    }

    @Test
    void serverResumesAnExtendedMasterSecretSessionOfferedWithTheExtension() throws TlsException {
        ServerConfig.Builder server = ticketServer(1);
        ScriptedPeer p = clientHelloWithTicket(server, ticket(server, true), true);
        assertThat(p.failure()).isEmpty();
        ServerHello sh = (ServerHello) HandshakeCodec.decode12(Records.messages(p.response().getFirst().body().toArray())
                .getFirst());
        assertThat(sh.legacySessionIdEcho()).as("echoed: resumed").isEqualTo(SESSION_ID);
    }

    // ---- building blocks --------------------------------------------------------------------------------

    private static ResumableSession session(boolean ems) {
        return new ResumableSession(ProtocolVersion.TLS12, SUITE, Bytes.EMPTY, SESSION_ID, Secret.wrap(new byte[48]),
                0, TestPki.CLOCK.instant(), Duration.ofHours(1), Hostile.SERVER_KEY.chain(),
                SignatureScheme.ECDSA_SECP256R1_SHA256, NamedGroup.X25519, ems);
    }

    private static ScriptedPeer clientOffering(ResumableSession kept) {
        ClientSessionCache cache = ClientSessionCache.inMemory(1);
        cache.put("localhost", kept);
        // The extended master secret optional, as with a peer that may lack it: only the resumption rule applies.
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(SUITE).clock(TestPki.CLOCK).sessionCache(cache)
                .requireExtendedMasterSecret(false), "localhost");
        assertThat(p.clientHello().legacySessionId()).as("the kept session is offered").isEqualTo(SESSION_ID);
        return p;
    }

    private static byte[] serverHello(ScriptedPeer p, Bytes sessionId, CipherSuite suite, boolean ems) {
        List<Extension> ext = ems ? List.of(RenegotiationInfoExt.INITIAL, new ExtendedMasterSecretExt())
                : List.of(RenegotiationInfoExt.INITIAL);
        return Records.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, Bytes.of(new byte[32]), sessionId, suite, 0,
                Extensions.of(ext)));
    }

    private static ServerConfig.Builder ticketServer(int tickets) {
        return Tls12.server(SUITE).clock(TestPki.CLOCK).ticketsPerHandshake(tickets).requireExtendedMasterSecret(false)
                .ticketKeys(TicketKeys.fromSecret(Secret.wrap(new byte[32]), Duration.ofHours(12)));
    }

    /** A TLS 1.2 session ticket the server can open, for a session with or without the extended master secret. */
    private static Bytes ticket(ServerConfig.Builder server, boolean ems) {
        ServerConfig c = server.build();
        Instant now = c.clock().instant();
        return Tickets.seal(c.crypto(), c.ticketKeys(), now, new Tickets.State(ProtocolVersion.TLS12, SUITE,
                Secret.wrap(new byte[48]), 0, now, 3600, Optional.of("localhost"), Optional.empty(), List.of(),
                SignatureScheme.ECDSA_SECP256R1_SHA256, Bytes.EMPTY, NamedGroup.X25519, ems));
    }

    /** An honest TLS 1.2 ClientHello offering {@code ticket} with a session id, with or without extended_master_secret. */
    private static ScriptedPeer clientHelloWithTicket(ServerConfig.Builder server, Bytes ticket, boolean ems)
            throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(server).withHonestClient(Tls12.client(SUITE), "localhost");
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
        Extensions ext = ch.extensions().with(new SessionTicketExt(ticket));
        if (!ems) {
            ext = ext.without(ExtensionType.EXTENDED_MASTER_SECRET);
        }
        return p.send(Records.handshakeRecord(ch.withLegacySessionId(SESSION_ID).withExtensions(ext)));
    }

    private static void assertFullHandshake(ScriptedPeer p) throws TlsException {
        assertThat(p.failure()).isEmpty();
        List<Bytes> flight = Records.messages(p.response().getFirst().body().toArray());
        ServerHello sh = (ServerHello) HandshakeCodec.decode12(flight.getFirst());
        assertThat(sh.legacySessionIdEcho()).as("not echoed: a new session").isNotEqualTo(SESSION_ID);
        assertThat(Records.typeOf(flight.get(1))).as("a full handshake goes on with Certificate").isEqualTo(CERTIFICATE);
    }
}
