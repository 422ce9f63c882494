package org.tlsj.internal.handshake;

import java.util.List;
import java.util.function.UnaryOperator;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.ServerSessionCache;
import org.tlsj.internal.handshake.client.ClientHelloStage;
import org.tlsj.internal.handshake.server.ServerHelloStage;
import org.tlsj.io.TestCertificates;
import org.tlsj.pki.ChainChecks;

/**
 * The honest in-memory handshakes the transition-table tests take their states and messages from: together they
 * walk every row that a test with the localhost EC certificate can reach.
 */
public final class Handshakes {
    private static List<FlowDriver> tls13;
    private static List<FlowDriver> tls12;

    private Handshakes() {
    }

    /** TLS 1.3: full (tickets after it), HelloRetryRequest, client certificate, empty client certificate, KeyUpdate. */
    public static synchronized List<FlowDriver> tls13() throws Exception {
        if (tls13 == null) {
            var v = List.of(ProtocolVersion.TLS13);
            FlowDriver keyUpdate = pair(v, c -> c, s -> s);
            keyUpdate.server.sendKeyUpdate(true);
            keyUpdate.client.sendKeyUpdate(false);
            tls13 = List.of(pair(v, c -> c, s -> s),
                    pair(v, c -> c.keyShareGroups(List.of(NamedGroup.X25519)),
                            s -> s.groups(List.of(NamedGroup.SECP256R1))),
                    pair(v, c -> c.certificates(List.of(TestCertificates.localhost())), s -> clientAuth(s, ClientAuth.REQUIRED)),
                    pair(v, c -> c, s -> clientAuth(s, ClientAuth.OPTIONAL)),
                    keyUpdate.run());
        }
        return tls13;
    }

    /**
     * TLS 1.2 ECDHE: full with a ticket and resumed by it; full without tickets and resumed by session id; client
     * certificate with and without a ticket; empty client certificate.
     */
    public static synchronized List<FlowDriver> tls12() throws Exception {
        if (tls12 == null) {
            var v = List.of(ProtocolVersion.TLS12);
            ClientSessionCache cache = ClientSessionCache.inMemory(4);
            UnaryOperator<ServerConfig.Builder> keys = s -> s.ticketKeys(SHARED_TICKET_KEYS);
            FlowDriver first = pair(v, c -> c.sessionCache(cache), keys);
            ClientSessionCache byId = ClientSessionCache.inMemory(4);
            ServerSessionCache ids = ServerSessionCache.inMemory(4);
            UnaryOperator<ServerConfig.Builder> noTickets = s -> s.ticketsPerHandshake(0).sessionCache(ids)
                    .ticketKeys(SHARED_TICKET_KEYS);
            FlowDriver firstById = pair(v, c -> c.sessionCache(byId), noTickets);
            tls12 = List.of(first,
                    pair(v, c -> c.sessionCache(cache), keys),
                    firstById,
                    pair(v, c -> c.sessionCache(byId), noTickets),
                    pair(v, c -> c.certificates(List.of(TestCertificates.localhost())), s -> clientAuth(s, ClientAuth.REQUIRED)),
                    pair(v, c -> c.certificates(List.of(TestCertificates.localhost())),
                            s -> clientAuth(s, ClientAuth.REQUIRED).ticketsPerHandshake(0)),
                    pair(v, c -> c, s -> clientAuth(s, ClientAuth.OPTIONAL)));
        }
        return tls12;
    }

    private static final org.tlsj.TicketKeys SHARED_TICKET_KEYS = org.tlsj.TicketKeys.fromSecret(
            org.tlsj.crypto.Secret.wrap(new byte[32]), java.time.Duration.ofHours(1));

    private static ServerConfig.Builder clientAuth(ServerConfig.Builder s, ClientAuth mode) {
        return s.clientAuth(mode, (chain, now) -> new ChainChecks(List.of("accepted by the test")));
    }

    /** A client and a server, both limited to {@code versions}, run to the end of their handshake. */
    public static FlowDriver pair(List<ProtocolVersion> versions, UnaryOperator<ClientConfig.Builder> client,
            UnaryOperator<ServerConfig.Builder> server) throws Exception {
        ClientConfig cc = client.apply(ClientConfig.builder().versions(versions).verifier(TestCertificates.pinned()))
                .build();
        ServerConfig sc = server.apply(ServerConfig.builder(TestCertificates.localhost()).versions(versions)).build();
        return new FlowDriver(out -> {
            try {
                return ClientHelloStage.start(cc, "localhost", out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, out -> ServerHelloStage.start(sc, out)).run();
    }
}
