package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.HS_CLIENT;
import static org.tlsj.testkit.hostile.Hostile.HS_SERVER;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.ConnectionStatus;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.TicketKeys;
import org.tlsj.TlsException;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Tls13Checks;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.EcPointFormatsExt;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.PreSharedKeyServerExt;
import org.tlsj.internal.message.PskKeyExchangeModesExt;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.Bytes;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * Hello negotiation against a lying peer: extensions the ClientHello did not carry (RFC 8446 section 4.2, RFC
 * 5246 section 7.4.1.4), ALPN answers (RFC 7301), point formats (RFC 8422 section 5.1.2), the version after a
 * HelloRetryRequest (RFC 8446 section 4.1.4), what a second ClientHello may change (section 4.1.2), and PSK
 * key exchange modes (section 4.2.9). Each refusal asserts the exact alert and reason.
 */
class HelloNegotiationTest {
    private static final CipherSuite TLS12_SUITE = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    private static final int NEW_SESSION_TICKET = 4;
    private static final TicketKeys TICKET_KEYS = TicketKeys.fromSecret(Secret.wrap(new byte[32]), Duration.ofHours(12));

    // ---- our TLS 1.3 client -----------------------------------------------------------------------------

    @Test
    void alpnInEncryptedExtensionsWithoutOurOfferIsUnsupportedExtension() {
        assertAborted(encryptedExtensions(Hostile.client(), new AlpnExt(List.of("h2"))),
                AlertDescription.UNSUPPORTED_EXTENSION, PeerMisbehaved.UNSOLICITED_EXTENSION);
    }

    @Test
    void alpnAnswerWeDidNotOfferIsIllegalParameter() {
        assertAborted(encryptedExtensions(Hostile.client().applicationProtocols(List.of("foo", "bar")),
                new AlpnExt(List.of("baz"))), AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.NO_ALPN_MATCH);
    }

    @Test
    void preSharedKeyInServerHelloWithoutOurOfferIsUnsupportedExtension() {
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client(), "localhost");
        assertAborted(p.send(Records.handshakeRecord(tls13ServerHello(p.clientHello(),
                        new PreSharedKeyServerExt(0)))), AlertDescription.UNSUPPORTED_EXTENSION,
                PeerMisbehaved.UNSOLICITED_EXTENSION);
    }

    @Test
    void serverHelloAfterHelloRetryRequestWithoutSupportedVersionsIsIllegalParameter() {
        ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client()
                .versions(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256, TLS12_SUITE)), "localhost");
        ClientHello ch = p.clientHello();
        p.send(Records.handshakeRecord(HelloRetryRequest.of(ch.legacySessionId(), CipherSuite.TLS_AES_128_GCM_SHA256,
                Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                        new KeyShareHrrExt(NamedGroup.SECP256R1)))));
        assertThat(p.failure()).isEmpty();
        ServerHello tls12 = new ServerHello(ProtocolVersion.TLS12, Bytes.of(new byte[32]), ch.legacySessionId(),
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, Extensions.of(new KeyShareServerExt(
                        new KeyShareEntry(NamedGroup.SECP256R1, Bytes.of(new byte[65])))));
        assertAborted(p.send(Records.handshakeRecord(tls12)), AlertDescription.ILLEGAL_PARAMETER,
                PeerMisbehaved.HRR_VERSION_CHANGED);
    }

    // ---- our TLS 1.2 client -----------------------------------------------------------------------------

    @Test
    void tls12ServerNameAckWithoutOurServerNameIsUnsupportedExtension() {
        // An IP literal is never sent as a server name (RFC 6066 section 3).
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(TLS12_SUITE), "127.0.0.1");
        assertAborted(p.send(tls12ServerHello(p, ServerNameExt.ACKNOWLEDGED)), AlertDescription.UNSUPPORTED_EXTENSION,
                PeerMisbehaved.UNSOLICITED_EXTENSION);
    }

    @Test
    void tls12AlpnWithoutOurOfferIsUnsupportedExtension() {
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(TLS12_SUITE), "localhost");
        assertAborted(p.send(tls12ServerHello(p, new AlpnExt(List.of("alpn")))), AlertDescription.UNSUPPORTED_EXTENSION,
                PeerMisbehaved.UNSOLICITED_EXTENSION);
    }

    @Test
    void tls12SupportedGroupsInServerHelloIsIgnored() {
        // Not defined for a TLS 1.2 ServerHello, but some servers send it; we offered it, so it is no refusal.
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(TLS12_SUITE), "localhost");
        p.send(tls12ServerHello(p, new UnknownExt(ExtensionType.SUPPORTED_GROUPS, Bytes.fromHex("0002001d"))));
        assertThat(p.failure()).isEmpty();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.HANDSHAKING);
    }

    @Test
    void tls12ServerPointFormatsWithoutUncompressedIsIllegalParameter() {
        ScriptedPeer p = ScriptedPeer.againstClient(Tls12.client(TLS12_SUITE), "localhost");
        assertAborted(p.send(tls12ServerHello(p, new EcPointFormatsExt(List.of(1)))), AlertDescription.ILLEGAL_PARAMETER,
                PeerMisbehaved.NO_UNCOMPRESSED_POINT_FORMAT);
    }

    @Test
    void tls12ClientPointFormatsWithoutUncompressedIsIllegalParameter() throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(Tls12.server(TLS12_SUITE)).withHonestClient(Tls12.client(TLS12_SUITE),
                "localhost");
        ClientHello ch = honestHello(p);
        assertAborted(p.send(Records.handshakeRecord(ch.withExtensions(ch.extensions()
                        .with(new EcPointFormatsExt(List.of(1)))))), AlertDescription.ILLEGAL_PARAMETER,
                PeerMisbehaved.NO_UNCOMPRESSED_POINT_FORMAT);
    }

    @Test
    void tls12ServerHelloToAClientHelloWithoutExtensionsHasNoExtensionBlock() {
        // Static RSA: without signature_algorithms no ECDHE suite can be signed for.
        CipherSuite rsa = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
        ScriptedPeer p = ScriptedPeer.againstServer(TestPki.server(Hostile.PKI.server(KeyType.RSA_2048))
                .versions(List.of(ProtocolVersion.TLS12)).cipherSuites(List.of(rsa)).rsaKeyExchange(true)
                .requireExtendedMasterSecret(false));
        p.send(Records.handshakeRecord(new ClientHello(ProtocolVersion.TLS12, Bytes.of(new byte[32]), Bytes.EMPTY,
                List.of(rsa), ClientHello.NULL_COMPRESSION, Extensions.EMPTY)));
        assertThat(p.failure()).isEmpty();
        Bytes sh = Records.messages(p.response().getFirst().body().toArray()).getFirst();
        int sessionIdLength = sh.get(4 + 2 + 32);
        assertThat(sh.length()).as("ends after the compression method").isEqualTo(4 + 2 + 32 + 1 + sessionIdLength + 2 + 1);
    }

    // ---- our TLS 1.3 server -----------------------------------------------------------------------------

    @Test
    void secondClientHelloWithoutKeyShareIsMissingExtension() throws TlsException {
        ScriptedPeer p = retried(Hostile.client());
        ClientHello ch2 = takeHello(p);
        assertAborted(p.send(Records.handshakeRecord(ch2.withExtensions(ch2.extensions()
                .without(ExtensionType.KEY_SHARE)))), AlertDescription.MISSING_EXTENSION, PeerMisbehaved.MISSING_EXTENSION);
    }

    @Test
    void secondClientHelloDroppingAResumablePskIsIllegalParameter() throws TlsException {
        ClientConfig.Builder client = clientWithTicket();
        ScriptedPeer p = retried(client);
        ClientHello ch2 = takeHello(p);
        assertThat(ch2.extensions().has(ExtensionType.PRE_SHARED_KEY)).isTrue();
        assertAborted(p.send(Records.handshakeRecord(ch2.withExtensions(ch2.extensions()
                        .without(ExtensionType.PRE_SHARED_KEY)))), AlertDescription.ILLEGAL_PARAMETER,
                PeerMisbehaved.CLIENT_HELLO_CHANGED);
    }

    @Test
    void preSharedKeyWithoutKeyExchangeModesIsMissingExtension() throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(ticketServer()).withHonestClient(clientWithTicket(), "localhost");
        ClientHello ch = honestHello(p);
        assertThat(ch.extensions().has(ExtensionType.PRE_SHARED_KEY)).isTrue();
        assertAborted(p.send(Records.handshakeRecord(ch.withExtensions(ch.extensions()
                        .without(ExtensionType.PSK_KEY_EXCHANGE_MODES)))), AlertDescription.MISSING_EXTENSION,
                PeerMisbehaved.MISSING_EXTENSION);
    }

    @Test
    void noTicketsForAClientWhoseModesWeDoNotResumeWith() throws Exception {
        // psk_ke only: our tickets resume with psk_dhe_ke, so the client could not use them (RFC 8446 4.2.9).
        ScriptedPeer p = ScriptedPeer.againstServer(ticketServer()).withHonestClient(Hostile.client(), "localhost");
        ClientHello ch = honestHello(p);
        ch = ch.withExtensions(ch.extensions().with(new PskKeyExchangeModesExt(List.of(PskKeyExchangeModesExt.PSK_KE))));
        byte[] chMessage = Records.handshake(ch);
        p.send(Records.record(Records.HANDSHAKE, chMessage));
        List<Records.Record> flight = p.response();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(chMessage);
        sha256.update(ScriptedPeer.handshakeStream(flight, false));
        sha256.update(ScriptedPeer.handshakeStream(flight, true));
        Bytes verifyData = Tls13Checks.finishedData(JcaCryptoProvider.create(), HashAlgorithm.SHA256,
                Secret.wrap(p.victimKeys().secret(HS_CLIENT)), Bytes.wrap(sha256.digest()));
        p.sendProtected(HS_CLIENT, Records.HANDSHAKE, Records.handshake(new Finished(verifyData)));
        assertThat(p.failure()).isEmpty();
        assertThat(p.victim().status()).isEqualTo(ConnectionStatus.ESTABLISHED);
        assertThat(Records.messages(ScriptedPeer.handshakeStream(p.response(), true)))
                .noneMatch(m -> Records.typeOf(m) == NEW_SESSION_TICKET);
    }

    // ---- building blocks --------------------------------------------------------------------------------

    /** Our client fed a real server's flight whose EncryptedExtensions carries {@code extra} too. */
    private static ScriptedPeer encryptedExtensions(ClientConfig.Builder client, Extension extra) {
        ScriptedPeer p = ScriptedPeer.againstClient(client, "localhost").withHonestServer(Hostile.server());
        p.relayToHonest();
        List<Records.Record> flight = p.takeFromHonest();
        p.sendRecord(Records.HANDSHAKE, ScriptedPeer.handshakeStream(flight, false));
        List<Bytes> ms = new ArrayList<>(Records.messages(ScriptedPeer.handshakeStream(flight, true)));
        ms.set(0, Bytes.of(Records.handshake(new EncryptedExtensions(Extensions.of(extra)))));
        return p.sendProtectedHandshake(HS_SERVER, Records.concat(ms.stream().map(Bytes::toArray).toArray(byte[][]::new)));
    }

    private static ServerHello tls13ServerHello(ClientHello ch, Extension extra) {
        return ServerHello.of(Bytes.of(new byte[32]), ch.legacySessionId(), CipherSuite.TLS_AES_128_GCM_SHA256,
                Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                        new KeyShareServerExt(new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[32]))), extra));
    }

    /** A TLS 1.2 ServerHello answering our client's hello, with the usual extensions and {@code extra}. */
    private static byte[] tls12ServerHello(ScriptedPeer p, Extension extra) {
        return Records.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, Bytes.of(new byte[32]), Bytes.EMPTY,
                TLS12_SUITE, 0, Extensions.of(RenegotiationInfoExt.INITIAL, new ExtendedMasterSecretExt(), extra)));
    }

    /** The honest client's (first) ClientHello, not yet sent. */
    private static ClientHello honestHello(ScriptedPeer p) throws TlsException {
        return takeHello(p);
    }

    /** The ClientHello among the records the honest client wrote last. */
    private static ClientHello takeHello(ScriptedPeer p) throws TlsException {
        return (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
    }

    /** Our server, wanting P-256 where the client sent an X25519 share, after its HelloRetryRequest. */
    private static ScriptedPeer retried(ClientConfig.Builder client) throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(ticketServer().groups(List.of(NamedGroup.SECP256R1)))
                .withHonestClient(client, "localhost");
        p.send(Records.handshakeRecord(honestHello(p)));
        assertThat(p.failure()).isEmpty();
        p.relayToHonest();
        return p;
    }

    private static ServerConfig.Builder ticketServer() {
        return Hostile.server().ticketsPerHandshake(1).ticketKeys(TICKET_KEYS);
    }

    /** Our client holding a ticket from {@link #ticketServer()}. */
    private static ClientConfig.Builder clientWithTicket() {
        ClientSessionCache cache = ClientSessionCache.inMemory(1);
        ClientConfig.Builder client = Hostile.client().sessionCache(cache);
        TestPair.of(client.build(), ticketServer().build(), "localhost").handshake().run();
        return client;
    }
}
