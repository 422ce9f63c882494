package org.tlsj.bogo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientHelloInfo;
import org.tlsj.ClientHelloHandler;
import org.tlsj.ClientHelloHandler.Alpn;
import org.tlsj.ClientSessionCache;
import org.tlsj.NamedGroup;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.ServerSessionCache;
import org.tlsj.SignatureScheme;
import org.tlsj.TicketKeys;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;

/**
 * Builds the tlsj config for each connection of one test. What lives across the test's connections (the
 * client's session cache, the server's ticket keys and session-id cache) is made once here, as BoringSSL's
 * shim keeps one SSL_CTX for all of them. Certificate chains go to {@link ShimVerifier} (the runner tests
 * protocol, not PKI; signatures are always checked by the engine), and TLS
 * 1.2 static RSA key exchange and peers without the extended master secret are allowed unless a flag asks.
 */
final class ShimConfigs {
    private final CryptoProvider crypto = JcaCryptoProvider.create();
    private final TicketKeys ticketKeys = TicketKeys.random(crypto.random(), Duration.ofHours(12));
    private final ServerSessionCache serverSessions = ServerSessionCache.inMemory(16);
    private final AtomicInteger sessionsKept = new AtomicInteger();
    private final ClientSessionCache clientSessions = recording(ClientSessionCache.inMemory(4), sessionsKept);
    private final ShimVerifier verifier = new ShimVerifier();

    /** The certificate check shared by the test's connections. */
    ShimVerifier verifier() {
        return verifier;
    }

    /** How many sessions the client has been given so far (tickets, or TLS 1.2 sessions), over all connections. */
    int sessionsKept() {
        return sessionsKept.get();
    }

    /** The client config for one connection. */
    ClientConfig client(ShimFlags.View f, Clock clock) throws ShimFlags.Unimplemented, ShimSettings.Invalid,
            IOException {
        ClientConfig.Builder b = ClientConfig.builder()
                .crypto(crypto)
                .clock(clock)
                .versions(ShimSettings.versions(f))
                .cipherSuites(ShimSettings.suites(f))
                .sessionCache(clientSessions)
                .requireExtendedMasterSecret(f.has("-expect-extended-master-secret"))
                .verifier(verifier);
        verifier.configure(f, false);
        List<NamedGroup> groups = ShimSettings.groups(f, crypto);
        if (!groups.isEmpty()) {
            b.groups(groups).keyShareGroups(List.of(groups.getFirst()));
        }
        List<SignatureScheme> verify = ShimSettings.schemes(f, "-verify-prefs", crypto);
        if (!verify.isEmpty()) {
            b.signatureSchemes(verify);
        }
        List<SignatureScheme> signing = ShimSettings.schemes(f, "-signing-prefs", crypto);
        if (!signing.isEmpty()) {
            b.clientSignatureSchemes(signing);
        }
        f.string("-advertise-alpn").map(ShimSettings::alpnList).ifPresent(b::applicationProtocols);
        Optional<CertifiedKey> credential = ShimSettings.credential(f);
        credential.ifPresent(c -> b.certificates(List.of(c)));
        return b.build();
    }

    /** The server config for one connection; {@code hellos} receives what the client offered. */
    ServerConfig server(ShimFlags.View f, Clock clock, Consumer<ClientHelloInfo> hellos)
            throws ShimFlags.Unimplemented, ShimSettings.Invalid, IOException {
        CertifiedKey credential = ShimSettings.credential(f)
                .orElseThrow(() -> new ShimSettings.Invalid("a server needs -cert-file and -key-file"));
        ServerConfig.Builder b = ServerConfig.builder(credential)
                .crypto(crypto)
                .clock(clock)
                .versions(ShimSettings.versions(f))
                .cipherSuites(ShimSettings.suites(f))
                .ticketKeys(ticketKeys)
                .sessionCache(serverSessions)
                .ticketsPerHandshake(f.has("-no-ticket") ? 0 : 2)
                .requireExtendedMasterSecret(f.has("-expect-extended-master-secret"));
        List<NamedGroup> groups = ShimSettings.groups(f, crypto);
        if (!groups.isEmpty()) {
            b.groups(groups);
        }
        List<SignatureScheme> signing = ShimSettings.schemes(f, "-signing-prefs", crypto);
        if (!signing.isEmpty()) {
            b.signatureSchemes(signing);
        }
        List<SignatureScheme> verify = ShimSettings.schemes(f, "-verify-prefs", crypto);
        if (!verify.isEmpty()) {
            b.clientSignatureSchemes(verify);
        }
        verifier.configure(f, true);
        if (f.has("-require-any-client-certificate")) {
            b.clientAuth(ClientAuth.REQUIRED, verifier);
        } else if (f.has("-verify-peer")) {
            b.clientAuth(ClientAuth.OPTIONAL, verifier);
        }
        Alpn alpn = f.has("-reject-alpn") ? new Alpn.Refuse()
                : f.has("-decline-alpn") ? new Alpn.Omit()
                : f.string("-select-alpn").<Alpn>map(Alpn.Select::new).orElse(new Alpn.Omit());
        b.clientHelloHandler(hello -> {
            hellos.accept(hello);
            return ClientHelloHandler.Decision.DEFAULT.withAlpn(alpn);
        });
        return b.build();
    }

    private static ClientSessionCache recording(ClientSessionCache inner, AtomicInteger kept) {
        return new ClientSessionCache() {
            @Override
            public void put(String serverName, ResumableSession session) {
                kept.incrementAndGet();
                inner.put(serverName, session);
            }

            @Override
            public Optional<ResumableSession> take(String serverName) {
                return inner.take(serverName);
            }
        };
    }
}
