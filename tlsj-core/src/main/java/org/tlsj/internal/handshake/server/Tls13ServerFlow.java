package org.tlsj.internal.handshake.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.Secret;
import org.tlsj.ClientAuth;
import org.tlsj.SignatureScheme;
import org.tlsj.internal.handshake.AppSecrets;
import org.tlsj.internal.handshake.CertificateAuthorities;
import org.tlsj.internal.handshake.Proofs.SignatureVerified;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.TableFlow;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.PeerCertificates;
import org.tlsj.internal.handshake.Authentication;
import org.tlsj.internal.handshake.CertificateChecks;
import org.tlsj.internal.handshake.Proofs.ChainVerified;
import org.tlsj.internal.handshake.Proofs.FinishedVerified;
import org.tlsj.internal.handshake.Tls13Checks;
import org.tlsj.internal.handshake.TraceEvents;
import org.tlsj.internal.handshake.server.ServerChoices.Credential;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.KeySchedule13.HandshakeSecret;
import org.tlsj.internal.keyschedule.KeySchedule13.MasterSecret;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateEntry;
import org.tlsj.internal.message.CertificateRequest13;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.CookieExt;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareClientExt;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.PreSharedKeyServerExt;
import org.tlsj.internal.message.RecordSizeLimitExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.Role;

/**
 * The TLS 1.3 server (RFC 8446 section 2): states, the transition table, and one handler per message. Handed the
 * first ClientHello by {@link ServerHelloStage} when it negotiates TLS 1.3.
 *
 * <pre>
 *                      <-- ClientHello
 * [HelloRetryRequest   -->   ClientHello]
 * ServerHello, {EncryptedExtensions}, {Certificate}, {CertificateVerify}, {Finished} -->
 *                      <-- {Finished}
 * </pre>
 */
public final class Tls13ServerFlow extends TableFlow.Tls13<Tls13ServerFlow.State> {

    /** What the first ClientHello settled. */
    record Hello(ServerConfig config, ClientHello first, CipherSuite suite, Optional<String> sni,
                 Credential credential, Optional<String> alpn, boolean retried) {
    }

    sealed interface State permits ExpectClientHello, ExpectSecondClientHello, ExpectClientCertificate,
            ExpectClientCertificateVerify, ExpectFinished, Connected {
    }

    /** The handshake-stage values carried from our flight to the client's Finished. */
    record Pending(Hello hello, NamedGroup group, MasterSecret master, Secret clientHandshake, AppSecrets app,
                   Optional<ServerResumption.Resumed> resumed, Secret exporterMaster) {
    }

    record ExpectClientHello(ServerConfig config) implements State {
    }

    record ExpectSecondClientHello(Hello hello, NamedGroup group, Optional<Bytes> cookie, Transcript transcript)
            implements State {
    }

    record ExpectClientCertificate(Pending pending, Transcript transcript) implements State {
    }

    record ExpectClientCertificateVerify(Pending pending, Transcript transcript, ChainVerified chain)
            implements State {
    }

    /** {@code client}: how the client proved itself, or the policy that lets it go without a certificate. */
    record ExpectFinished(Pending pending, Transcript transcript, Authentication.OfClient client) implements State {
    }

    /**
     * The handshake is done: the client's Finished verified and {@code client} says how it authenticated (chain +
     * CertificateVerify, a resumed PSK, or none where the policy allows none: never with ClientAuth.REQUIRED).
     */
    record Connected(AppSecrets secrets, SessionInfo session, Authentication.OfClient client,
                     FinishedVerified finishedOk) implements State, Rekeyable<State> {
        Connected {
            java.util.Objects.requireNonNull(client);
            java.util.Objects.requireNonNull(finishedOk);
        }

        @Override
        public Connected with(AppSecrets s) {
            return new Connected(s, session, client, finishedOk);
        }
    }

    private Tls13ServerFlow(Effects out, State state) {
        super(out, state, Connected.class, Tls13ServerFlow::next);
    }

    /** The TLS 1.3 server for a ClientHello that does not negotiate TLS 1.2: the hello stage hands it over. */
    static Tls13ServerFlow expectingClientHello(ServerConfig config, Effects out) {
        return new Tls13ServerFlow(out, new ExpectClientHello(config));
    }

    /** The transition table: each legal step is one line; anything else is unexpected_message. */
    static State next(State state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException {
        return switch (state) {
            case ExpectClientHello s when message instanceof ClientHello m -> onClientHello(s, m, raw, out);
            case ExpectSecondClientHello s when message instanceof ClientHello m -> onSecondClientHello(s, m, raw, out);
            case ExpectClientCertificate s when message instanceof Certificate13 m -> onClientCertificate(s, m, raw, out);
            case ExpectClientCertificateVerify s when message instanceof CertificateVerify m ->
                    onClientCertificateVerify(s, m, raw, out);
            case ExpectFinished s when message instanceof Finished m -> onFinished(s, m, raw, out);
            case Connected s when message instanceof KeyUpdate m ->
                    s.with(s.secrets().onKeyUpdate(m, out));
            // RFC 8446 section 5: the middlebox-compatibility change_cipher_spec, after the first ClientHello and
            // before the peer's Finished, is dropped (the engine counts it toward the flood limit).
            case State s when message instanceof ChangeCipherSpec && !(s instanceof ExpectClientHello || s instanceof Connected) -> s;
            // RFC 8446 sections 5 and 6.2: a message or change_cipher_spec out of order is unexpected_message.
            default -> throw HandshakeMachine.unexpected(message, state.getClass().getSimpleName());
        };
    }

    private static State onClientHello(ExpectClientHello s, ClientHello m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        ServerConfig config = s.config();
        // RFC 8446 section 4.2.1: TLS 1.3 is negotiated only through supported_versions.
        List<ProtocolVersion> versions = m.extensions().find(SupportedVersionsClientExt.class)
                .map(SupportedVersionsClientExt::versions).orElse(List.of());
        if (!versions.contains(ProtocolVersion.TLS13)) {
            throw Fatal.of(Reason.PeerIncompatible.NO_COMMON_VERSION, "client offers " + (versions.isEmpty()
                    ? m.legacyVersion().toString() : versions.toString()) + "; we accept " + config.versions());
        }
        // RFC 8446 section 4.1.2: legacy_compression_methods is exactly one zero byte.
        if (m.legacyCompressionMethods().length() != 1 || m.legacyCompressionMethods().get(0) != 0) {
            throw Fatal.of(Reason.PeerMisbehaved.COMPRESSION_OFFERED, "legacy_compression_methods must be [0]");
        }
        CipherSuite suite = ServerChoices.suite(config, m);
        // RFC 8446 section 9.2: without PSK, signature_algorithms, supported_groups and key_share are required.
        List<org.tlsj.SignatureScheme> schemes = m.extensions().find(SignatureAlgorithmsExt.class)
                .orElseThrow(() -> Fatal.of(Reason.PeerMisbehaved.MISSING_EXTENSION, "signature_algorithms")).schemes();
        List<NamedGroup> groups = m.extensions().find(SupportedGroupsExt.class)
                .orElseThrow(() -> Fatal.of(Reason.PeerMisbehaved.MISSING_EXTENSION, "supported_groups")).groups();
        List<KeyShareEntry> shares = m.extensions().find(KeyShareClientExt.class)
                .orElseThrow(() -> Fatal.of(Reason.PeerIncompatible.NO_KEY_SHARE_SUPPORT)).entries();
        for (KeyShareEntry e : shares) {
            // RFC 8446 section 4.2.8: shares only for groups in supported_groups.
            if (!groups.contains(e.group())) {
                throw Fatal.of(Reason.PeerMisbehaved.SHARE_FOR_UNSUPPORTED_GROUP, "key share for " + e.group()
                        + " which is not in supported_groups");
            }
        }
        ServerResumption.checkPskModes(m);
        Optional<String> sni = m.extensions().find(ServerNameExt.class).flatMap(ServerNameExt::hostName);
        // RFC 6066 section 3, RFC 7301 section 3.2: the server name, certificate candidates and ALPN are decided
        // once the hello is read, once per handshake (the second ClientHello after HRR keeps this decision).
        HelloDecision.Decided decided = HelloDecision.decide(config, m, ProtocolVersion.TLS13, sni);
        Credential credential = ServerChoices.credential(config, decided.certificates(), sni, schemes);
        Optional<String> alpn = decided.alpn();
        if (m.extensions().find(org.tlsj.internal.message.EarlyDataExt.class).isPresent()) {
            out.skipEarlyData(); // RFC 8446 section 4.2.10: we never accept 0-RTT; skip it and go on
        }
        Hello hello = new Hello(config, m, suite, sni, credential, alpn, false);
        Transcript t = Transcript.buffering().add(raw);
        Optional<KeyShareEntry> share = ServerChoices.share(config, groups, shares);
        if (share.isPresent()) {
            Optional<ServerResumption.Resumed> resumed = ServerResumption.accept(config, m, raw, Transcript.buffering(),
                    suite, sni);
            return sendServerFlight(hello, share.get(), t.withHash(config.crypto(), suite.hash()), resumed, out);
        }
        return sendHelloRetryRequest(hello, ServerChoices.retryGroup(config, groups), t, out);
    }

    private static State sendHelloRetryRequest(Hello hello, NamedGroup group, Transcript t, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        List<Extension> ext = new ArrayList<>();
        ext.add(new SupportedVersionsServerExt(ProtocolVersion.TLS13));
        ext.add(new KeyShareHrrExt(group));
        Optional<Bytes> cookie = Optional.empty();
        if (config.helloRetryCookie()) {
            byte[] c = new byte[32];
            config.crypto().random().nextBytes(c);
            cookie = Optional.of(Bytes.wrap(c));
            ext.add(new CookieExt(cookie.get()));
        }
        HelloRetryRequest hrr = new HelloRetryRequest(ProtocolVersion.TLS12, hello.first().legacySessionId(),
                hello.suite(), 0, Extensions.of(ext));
        // RFC 8446 section 4.4.1: ClientHello1 becomes message_hash in the transcript.
        Transcript t2 = t.replaceWithMessageHash(config.crypto(), hello.suite().hash()).add(send(out, hrr));
        if (!hello.first().legacySessionId().isEmpty()) {
            out.sendCompatChangeCipherSpec();
        }
        return new ExpectSecondClientHello(hello, group, cookie, t2);
    }

    private static State onSecondClientHello(ExpectSecondClientHello s, ClientHello m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        ClientHello first = s.hello().first();
        // RFC 8446 section 4.1.2: the second ClientHello is the first with only the allowed changes.
        if (!m.random().equals(first.random()) || !m.legacySessionId().equals(first.legacySessionId())
                || !m.cipherSuites().equals(first.cipherSuites())
                || !m.legacyCompressionMethods().equals(first.legacyCompressionMethods())
                || !m.extensions().find(SupportedVersionsClientExt.class)
                    .equals(first.extensions().find(SupportedVersionsClientExt.class))) {
            throw Fatal.of(Reason.PeerMisbehaved.CLIENT_HELLO_CHANGED);
        }
        // RFC 8446 section 9.2: key_share is mandatory with supported_groups; its absence is missing_extension.
        List<KeyShareEntry> shares = m.extensions().find(KeyShareClientExt.class)
                .orElseThrow(() -> Fatal.of(Reason.PeerMisbehaved.MISSING_EXTENSION, "key_share in the second ClientHello"))
                .entries();
        if (shares.size() != 1 || !shares.getFirst().group().equals(s.group())) {
            throw Fatal.of(Reason.PeerMisbehaved.WRONG_KEY_SHARE, "expected one share for " + s.group());
        }
        Optional<Bytes> echoed = m.extensions().find(CookieExt.class).map(CookieExt::cookie);
        if (!echoed.equals(s.cookie())) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_COOKIE);
        }
        ServerResumption.checkPskModes(m);
        Hello hello = s.hello();
        ServerResumption.checkRetainedPsk(hello.config(), first, m, hello.suite(), hello.sni());
        Hello retried = new Hello(hello.config(), hello.first(), hello.suite(), hello.sni(), hello.credential(),
                hello.alpn(), true);
        Optional<ServerResumption.Resumed> resumed = ServerResumption.accept(hello.config(), m, raw, s.transcript(),
                hello.suite(), hello.sni());
        return sendServerFlight(retried, shares.getFirst(), s.transcript().add(raw), resumed, out);
    }

    private static State sendServerFlight(Hello hello, KeyShareEntry clientShare, Transcript t,
                                          Optional<ServerResumption.Resumed> resumed, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        CipherSuite suite = hello.suite();
        ClientHello ch = hello.first();
        Encapsulation kx = config.crypto().encapsulate(clientShare.group(), clientShare.keyExchange());
        byte[] random = new byte[32];
        config.crypto().random().nextBytes(random);
        List<Extension> shExt = new ArrayList<>();
        shExt.add(new KeyShareServerExt(new KeyShareEntry(clientShare.group(), kx.serverShare())));
        shExt.add(new SupportedVersionsServerExt(ProtocolVersion.TLS13));
        resumed.ifPresent(r -> shExt.add(new PreSharedKeyServerExt(r.index())));
        ServerHello sh = new ServerHello(ProtocolVersion.TLS12, Bytes.wrap(random), ch.legacySessionId(), suite, 0,
                Extensions.of(shExt));
        t = t.add(send(out, sh));
        if (!ch.legacySessionId().isEmpty()) {
            out.sendCompatChangeCipherSpec(); // RFC 8446 appendix D.4
        }
        HandshakeSecret hs = (resumed.isPresent()
                ? resumed.get().early()
                : KeySchedule13.withoutPsk(config.crypto(), suite.hash())).handshakeSecret(kx.sharedSecret());
        kx.sharedSecret().destroy();
        Secret clientHs = hs.clientHandshakeTrafficSecret(t.current());
        Secret serverHs = hs.serverHandshakeTrafficSecret(t.current());
        out.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", ch.random(), clientHs);
        out.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", ch.random(), serverHs);
        out.trace(() -> TraceEvents.keys(Role.SERVER, "Handshake keys", List.of(new Detail("key_exchange",
                clientShare.group() + ": shared secret computed"), new Detail("derived",
                "client/server handshake traffic secrets, " + suite.aead() + " keys and IVs"))));
        out.installWriteProtection(KeySchedule13.recordProtection(config.crypto(), suite, serverHs));
        out.installReadProtection(KeySchedule13.recordProtection(config.crypto(), suite, clientHs));
        t = t.add(send(out, encryptedExtensions(hello, out)));
        // RFC 8446 section 4.3.2 and 4.4.2: a PSK handshake has no CertificateRequest, Certificate or CertificateVerify.
        boolean askClient = config.clientAuth() != ClientAuth.NONE && resumed.isEmpty();
        if (askClient) {
            t = t.add(send(out, certificateRequest(config)));
        }
        if (resumed.isEmpty()) {
            t = sendCertificateAndVerify(hello, t, out);
        }
        t = t.add(send(out, new Finished(Tls13Checks.finishedData(config.crypto(), suite.hash(), serverHs,
                t.current()))));
        MasterSecret master = hs.masterSecret();
        Secret clientApp = master.clientApplicationTrafficSecret(t.current());
        Secret serverApp = master.serverApplicationTrafficSecret(t.current());
        out.keyLog("CLIENT_TRAFFIC_SECRET_0", ch.random(), clientApp);
        out.keyLog("SERVER_TRAFFIC_SECRET_0", ch.random(), serverApp);
        Secret exporterMaster = master.exporterMasterSecret(t.current());
        out.keyLog("EXPORTER_SECRET", ch.random(), exporterMaster);
        out.installWriteProtection(KeySchedule13.recordProtection(config.crypto(), suite, serverApp));
        Pending pending = new Pending(hello, clientShare.group(), master, clientHs,
                new AppSecrets(Role.SERVER, config.crypto(), suite, clientApp, serverApp), resumed, exporterMaster);
        if (askClient) {
            return new ExpectClientCertificate(pending, t);
        }
        Authentication.OfClient client = resumed.isPresent() ? new Authentication.Resumed(resumed.get().proof())
                : new Authentication.Anonymous(CertificateChecks.withoutClientCertificate(config.clientAuth(),
                        ProtocolVersion.TLS13));
        return new ExpectFinished(pending, t, client);
    }

    private static Transcript sendCertificateAndVerify(Hello hello, Transcript t, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        List<CertificateEntry> entries = PeerCertificates.encode(hello.credential().key().chain()).stream()
                .map(d -> new CertificateEntry(d, Extensions.of())).toList();
        t = t.add(send(out, new Certificate13(Bytes.EMPTY, entries)));
        Bytes signature = Tls13Checks.sign(config.crypto(), hello.credential().key().privateKey(),
                hello.credential().scheme(), Tls13Checks.SERVER_CONTEXT, t.current());
        return t.add(send(out, new CertificateVerify(hello.credential().scheme(), signature)));
    }

    /** RFC 8446 section 4.3.2: the schemes we accept for the client's signature, and the CAs we trust. */
    private static CertificateRequest13 certificateRequest(ServerConfig config) {
        List<Extension> ext = new ArrayList<>();
        ext.add(new SignatureAlgorithmsExt(ServerChoices.clientSchemes(config)));
        List<javax.security.auth.x500.X500Principal> cas = config.clientVerifier().orElseThrow().acceptedIssuers();
        if (!cas.isEmpty()) {
            ext.add(CertificateAuthorities.extension(cas));
        }
        return new CertificateRequest13(Bytes.EMPTY, Extensions.of(ext));
    }

    private static State onClientCertificate(ExpectClientCertificate s, Certificate13 m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = s.pending().hello().config();
        if (!m.context().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.CONTEXT_NOT_EMPTY, "in the client's Certificate");
        }
        Transcript t = s.transcript().add(raw);
        if (m.entries().isEmpty()) {
            out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
            // RFC 8446 section 4.4.2.4: a required certificate that is missing is certificate_required.
            return new ExpectFinished(s.pending(), t, new Authentication.Anonymous(
                    CertificateChecks.withoutClientCertificate(config.clientAuth(), ProtocolVersion.TLS13)));
        }
        List<java.security.cert.X509Certificate> chain = PeerCertificates.parse(m);
        out.trace(() -> TraceEvents.chain(Role.CLIENT, chain));
        ChainVerified ok;
        try {
            ok = CertificateChecks.verifyClient(config.clientVerifier().orElseThrow(), chain, config.clock().instant());
        } catch (TlsFatalAlertException e) {
            out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client certificate", List.of("FAILED: " + e.getMessage())));
            throw e;
        }
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client certificate", ok.checks()));
        PeerCertificates.checkKeyUsage(chain.getFirst(), PeerCertificates.KeyUse.SIGNATURE);
        return new ExpectClientCertificateVerify(s.pending(), t, ok);
    }

    private static State onClientCertificateVerify(ExpectClientCertificateVerify s, CertificateVerify m, Bytes raw,
                                                   Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        ServerConfig config = s.pending().hello().config();
        SignatureVerified ok = Tls13Checks.verifySignature(config.crypto(), ServerChoices.clientSchemes(config),
                s.chain(), m.scheme(), Tls13Checks.CLIENT_CONTEXT, s.transcript().current(), m.signature());
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client CertificateVerify", List.of(
                m.scheme() + " signature over the transcript verifies with the client certificate's key: ok")));
        return new ExpectFinished(s.pending(), s.transcript().add(raw), new Authentication.Signed(ok));
    }

    private static EncryptedExtensions encryptedExtensions(Hello hello, Effects out) {
        List<Extension> ext = new ArrayList<>();
        if (hello.sni().isPresent()) {
            ext.add(new ServerNameExt(Optional.empty())); // RFC 6066 section 3: acknowledge SNI
        }
        hello.alpn().ifPresent(p -> ext.add(new AlpnExt(List.of(p))));
        Optional<RecordSizeLimitExt> limit = hello.first().extensions().find(RecordSizeLimitExt.class);
        if (limit.isPresent()) {
            // RFC 8449 section 4: answer with our limit; theirs governs the records we protect from now.
            ext.add(new RecordSizeLimitExt(hello.config().recordSizeLimit()));
            out.recordSizeLimits(limit.get().limit(), hello.config().recordSizeLimit());
        }
        return new EncryptedExtensions(Extensions.of(ext));
    }

    private static State onFinished(ExpectFinished s, Finished m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        Pending p = s.pending();
        Hello hello = p.hello();
        CipherSuite suite = hello.suite();
        FinishedVerified ok = Tls13Checks.verifyFinished(hello.config().crypto(), suite.hash(), p.clientHandshake(),
                s.transcript().current(), m.verifyData());
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client Finished", List.of(
                "verify_data matches HMAC of the transcript: the handshake was not tampered with")));
        out.installReadProtection(KeySchedule13.recordProtection(hello.config().crypto(), suite, p.app().client()));
        List<java.security.cert.X509Certificate> clientChain = p.resumed().isPresent()
                ? PeerCertificates.decode(p.resumed().get().state().peerChain())
                : s.client() instanceof Authentication.Signed c ? c.chain().chain() : List.of();
        SignatureScheme scheme = p.resumed().map(r -> r.state().scheme()).orElse(hello.credential().scheme());
        // A resumption keeps the id of the session it resumes; a full handshake names a new one.
        Bytes sessionId = p.resumed().map(r -> r.state().sessionId()).filter(id -> !id.isEmpty())
                .orElseGet(() -> ServerResumption.newSessionId(hello.config()));
        // A resumption sends no Certificate: the credential chosen from the hello was not used.
        List<java.security.cert.X509Certificate> sent = p.resumed().isPresent() ? List.of()
                : hello.credential().key().chain();
        SessionInfo session = new SessionInfo(ProtocolVersion.TLS13, suite, p.group(), scheme, hello.sni(),
                hello.alpn(), clientChain, sent, hello.retried(), p.resumed().isPresent(),
                Optional.of(sessionId.hex()));
        // The exporter keeps only what it needs: capturing p or hello would keep the ClientHello and the
        // handshake secrets alive for the connection's life.
        var crypto = hello.config().crypto();
        Secret exporterMaster = p.exporterMaster();
        out.complete(session, (label, context, length) -> KeySchedule13.exporter(crypto, suite.hash(), exporterMaster,
                label, context, length));
        Secret resumptionMaster = p.master().resumptionMasterSecret(s.transcript().add(raw).current());
        // RFC 8446 section 4.2.9: no tickets the client could not use (we resume only in psk_dhe_ke mode).
        if (ServerResumption.offersDheMode(hello.first())) {
            ServerResumption.sendTickets(hello.config(), suite, resumptionMaster, hello.sni(), hello.alpn(),
                    PeerCertificates.encode(clientChain), scheme, sessionId, p.group(), out);
        }
        resumptionMaster.destroy();
        return new Connected(p.app(), session, s.client(), ok);
    }

    private static Bytes send(Effects out, HandshakeMessage m) throws TlsFatalAlertException {
        return out.send(Role.SERVER, m);
    }
}
