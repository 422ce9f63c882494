package org.tlsj.internal.handshake.client;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ResumableSession;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.AppSecrets;
import org.tlsj.internal.handshake.Authentication;
import org.tlsj.internal.handshake.CertificateAuthorities;
import org.tlsj.internal.handshake.CertificateChecks;
import org.tlsj.internal.handshake.ClientCredentials;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.TableFlow;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.PeerCertificates;
import org.tlsj.internal.handshake.Proofs.ChainVerified;
import org.tlsj.internal.handshake.Proofs.FinishedVerified;
import org.tlsj.internal.handshake.Proofs.SignatureVerified;
import org.tlsj.internal.handshake.ResumptionChecks;
import org.tlsj.internal.handshake.Tls13Checks;
import org.tlsj.internal.handshake.TraceEvents;
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
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.PreSharedKeyServerExt;
import org.tlsj.internal.message.RecordSizeLimitExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.Role;

/**
 * The TLS 1.3 client (RFC 8446 section 2): states, the transition table, and one handler per message. Handed the
 * first ServerHello or HelloRetryRequest by {@link ClientHelloStage}, which sent the ClientHello.
 *
 * <pre>
 * ClientHello          -->
 *                      <-- [HelloRetryRequest --> ClientHello]
 *                      <-- ServerHello, {EncryptedExtensions}, {CertificateRequest*},
 *                          {Certificate}, {CertificateVerify}, {Finished}
 * {Certificate*}, {Finished} -->
 * </pre>
 */
public final class Tls13ClientFlow extends TableFlow.Tls13<Tls13ClientFlow.State> {

    /** What the server chose, growing as the handshake goes. */
    record Chosen(CipherSuite suite, NamedGroup group, Optional<String> alpn, boolean sniAcknowledged) {
        Chosen withAlpn(Optional<String> a, boolean sniAck) {
            return new Chosen(suite, group, a, sniAck);
        }
    }

    /** The handshake-stage secrets. */
    record HandshakeKeys(HandshakeSecret handshakeSecret, Secret client, Secret server) {
    }

    sealed interface State permits ExpectServerHello, ExpectEncryptedExtensions, ExpectCertificateOrRequest,
            ExpectCertificate, ExpectCertificateVerify, ExpectFinished, Connected {
    }

    record ExpectServerHello(Offer offer, Transcript transcript) implements State {
    }

    record ExpectEncryptedExtensions(Offer offer, Chosen chosen, HandshakeKeys keys, Transcript transcript,
                                     Optional<ResumptionChecks.Accepted<ResumableSession>> resumed)
            implements State {
    }

    record ExpectCertificateOrRequest(Offer offer, Chosen chosen, HandshakeKeys keys, Transcript transcript)
            implements State {
    }

    record ExpectCertificate(Offer offer, Chosen chosen, HandshakeKeys keys, Transcript transcript,
                             Optional<CertificateRequest13> request) implements State {
    }

    record ExpectCertificateVerify(Offer offer, Chosen chosen, HandshakeKeys keys, Transcript transcript,
                                   Optional<CertificateRequest13> request, ChainVerified chain) implements State {
    }

    record ExpectFinished(Offer offer, Chosen chosen, HandshakeKeys keys, Transcript transcript,
                          Optional<CertificateRequest13> request, List<X509Certificate> chain,
                          SignatureScheme scheme, Authentication.OfServer13 auth) implements State {
    }

    /**
     * The handshake is done: the server proved itself ({@code auth}: chain + CertificateVerify, or the PSK it
     * resumed) and its Finished verified. Neither can be built without its check.
     */
    record Connected(AppSecrets secrets, SessionInfo session, Optional<String> cacheKey, Secret resumptionMaster,
                     Authentication.OfServer13 auth, FinishedVerified finishedOk, ClientConfig config)
            implements State, Rekeyable<State> {
        Connected {
            java.util.Objects.requireNonNull(auth);
            java.util.Objects.requireNonNull(finishedOk);
        }

        @Override
        public Connected with(AppSecrets s) {
            return new Connected(s, session, cacheKey, resumptionMaster, auth, finishedOk, config);
        }
    }

    private Tls13ClientFlow(Effects out, State state) {
        super(out, state, Connected.class, Tls13ClientFlow::next);
    }

    /**
     * The TLS 1.3 client waiting for the answer to {@code offer}, whose ClientHello {@code transcript} holds: the
     * hello stage hands it a TLS 1.3 ServerHello or a HelloRetryRequest.
     */
    static Tls13ClientFlow expectingServerHello(Offer offer, Transcript transcript, Effects out) {
        return new Tls13ClientFlow(out, new ExpectServerHello(offer, transcript));
    }

    /** The transition table: each legal step is one line; anything else is unexpected_message. */
    static State next(State state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException {
        return switch (state) {
            case ExpectServerHello s when message instanceof ServerHello m -> onServerHello(s, m, raw, out);
            case ExpectServerHello s when message instanceof HelloRetryRequest m -> onHelloRetryRequest(s, m, raw, out);
            case ExpectEncryptedExtensions s when message instanceof EncryptedExtensions m -> onEncryptedExtensions(s, m, raw, out);
            case ExpectCertificateOrRequest s when message instanceof CertificateRequest13 m -> onCertificateRequest(s, m, raw, out);
            case ExpectCertificateOrRequest s when message instanceof Certificate13 m -> onCertificate(
                    new ExpectCertificate(s.offer(), s.chosen(), s.keys(), s.transcript(), Optional.empty()), m, raw, out);
            case ExpectCertificate s when message instanceof Certificate13 m -> onCertificate(s, m, raw, out);
            case ExpectCertificateVerify s when message instanceof CertificateVerify m -> onCertificateVerify(s, m, raw, out);
            case ExpectFinished s when message instanceof Finished m -> onFinished(s, m, raw, out);
            case Connected s when message instanceof NewSessionTicket13 m -> onNewSessionTicket(s, m, raw, out);
            case Connected s when message instanceof KeyUpdate m -> s.with(s.secrets().onKeyUpdate(m, out));
            // RFC 8446 section 5: the middlebox-compatibility change_cipher_spec, after the first ClientHello and
            // before the peer's Finished, is dropped (the engine counts it toward the flood limit).
            case State s when message instanceof ChangeCipherSpec && !(s instanceof Connected) -> s;
            // RFC 8446 sections 5 and 6.2: a message or change_cipher_spec out of order is unexpected_message.
            default -> throw HandshakeMachine.unexpected(message, state.getClass().getSimpleName());
        };
    }

    private static State onServerHello(ExpectServerHello s, ServerHello m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        Offer offer = s.offer();
        CipherSuite suite = checkHelloCommon(offer, m.legacyVersion(), m.legacySessionIdEcho(), m.cipherSuite(),
                m.legacyCompressionMethod(), m.extensions().find(SupportedVersionsServerExt.class));
        // RFC 8446 section 4.1.4: the ServerHello after a HelloRetryRequest keeps its cipher suite.
        if (offer.retry().isPresent() && !offer.retry().get().cipherSuite().equals(suite)) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE,
                    "ServerHello changed the suite chosen in HelloRetryRequest");
        }
        if (m.extensions().has(ExtensionType.PRE_SHARED_KEY) && offer.resumption().isEmpty()
                && offer.resume12().isPresent()) {
            // We offered a TLS 1.2 session, not a PSK: selecting one resumes that session at another version.
            throw Fatal.of(Reason.PeerMisbehaved.UNOFFERED_PSK, "the server resumes at TLS 1.3 where we offered a "
                    + "TLS 1.2 session");
        }
        rejectUnsolicited(offer, m.extensions(), "ServerHello");
        KeyShareServerExt ks = m.extensions().find(KeyShareServerExt.class).orElseThrow(() -> Fatal.of(
                Reason.PeerMisbehaved.MISSING_EXTENSION, "ServerHello has no key_share (PSK-only is not offered)"));
        NamedGroup group = ks.entry().group();
        KeyShare share = offer.shares().stream().filter(k -> k.group().equals(group)).findFirst()
                .orElseThrow(() -> Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_GROUP,
                        "server chose " + group + "; we sent shares for " + ClientHelloFactory.groupsOf(offer.shares())));
        Optional<ResumptionChecks.Accepted<ResumableSession>> resumed = ResumptionChecks.pskSelected(
                offer.resumption(), m.extensions().find(PreSharedKeyServerExt.class), suite);
        Transcript t = (offer.retry().isPresent() ? s.transcript() : s.transcript()
                .withHash(offer.config().crypto(), suite.hash())).add(raw);
        Secret shared = share.complete(ks.entry().keyExchange());
        HandshakeSecret hs = (resumed.isPresent()
                ? offer.early().orElseThrow()
                : KeySchedule13.withoutPsk(offer.config().crypto(), suite.hash())).handshakeSecret(shared);
        shared.destroy();
        HandshakeKeys keys = new HandshakeKeys(hs, hs.clientHandshakeTrafficSecret(t.current()),
                hs.serverHandshakeTrafficSecret(t.current()));
        out.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", offer.random(), keys.client());
        out.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", offer.random(), keys.server());
        out.trace(() -> TraceEvents.keys(Role.CLIENT, "Handshake keys", List.of(
                new Detail("key_exchange", group + ": shared secret " + TraceEvents.sharedSecret(group)),
                new Detail("derived", "client/server handshake traffic secrets (" + suite.hash().length()
                        + " bytes each), " + suite.aead() + " keys (" + suite.aead().keyLength() + " bytes) and IVs (12 bytes)"))));
        out.installReadProtection(KeySchedule13.recordProtection(offer.config().crypto(), suite, keys.server()));
        if (offer.config().middleboxCompat()) {
            out.sendCompatChangeCipherSpec(); // RFC 8446 appendix D.4: before our first protected record
        }
        // From here our records (Finished, or an alert if we must abort) use the handshake key.
        out.installWriteProtection(KeySchedule13.recordProtection(offer.config().crypto(), suite, keys.client()));
        return new ExpectEncryptedExtensions(offer, new Chosen(suite, group, Optional.empty(), false), keys, t, resumed);
    }

    /** Checks shared by ServerHello and HelloRetryRequest (RFC 8446 sections 4.1.3, 4.1.4, 4.2.1). */
    private static CipherSuite checkHelloCommon(Offer offer, ProtocolVersion legacyVersion, Bytes sessionIdEcho,
                                                CipherSuite suite, int compression,
                                                Optional<SupportedVersionsServerExt> versions)
            throws TlsFatalAlertException {
        if (offer.retry().isPresent() && !versions.map(SupportedVersionsServerExt::selected)
                .equals(offer.retry().get().extensions().find(SupportedVersionsServerExt.class)
                        .map(SupportedVersionsServerExt::selected))) {
            // RFC 8446 section 4.1.4: the version of the HelloRetryRequest is kept, else illegal_parameter.
            throw Fatal.of(Reason.PeerMisbehaved.HRR_VERSION_CHANGED, "ServerHello selects "
                    + versions.map(v -> v.selected().toString()).orElse(legacyVersion + " without supported_versions"));
        }
        if (versions.isEmpty()) {
            throw Fatal.of(Reason.PeerIncompatible.NO_COMMON_VERSION, "server answered with "
                    + legacyVersion + " and no supported_versions; we offer only TLS 1.3");
        }
        if (!offer.config().versions().contains(versions.get().selected())) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_VERSION, versions.get().selected().toString());
        }
        if (!legacyVersion.equals(ProtocolVersion.TLS12)) {
            throw Fatal.of(Reason.PeerMisbehaved.BAD_LEGACY_VERSION, "legacy_version " + legacyVersion);
        }
        if (!sessionIdEcho.equals(offer.sessionId())) {
            throw Fatal.of(Reason.PeerMisbehaved.SESSION_ID_MISMATCH);
        }
        // RFC 8446 section 4.1.3: the suite must be one we offered, and a TLS 1.3 one.
        if (!offer.config().cipherSuites().contains(suite)
                || suite.version().filter(ProtocolVersion.TLS13::equals).isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE, suite + " (we offered "
                    + offer.config().cipherSuites() + ")");
        }
        if (compression != 0) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_COMPRESSION, "method " + compression);
        }
        return suite;
    }

    private static void rejectUnsolicited(List<?> unknown) throws TlsFatalAlertException {
        if (!unknown.isEmpty()) {
            // RFC 8446 section 4.2: extensions the client did not offer are unsupported_extension.
            throw Fatal.of(Reason.PeerMisbehaved.UNSOLICITED_EXTENSION, unknown.toString());
        }
    }

    /**
     * RFC 8446 section 4.2: a server answers only extensions the ClientHello carried (the cookie of a
     * HelloRetryRequest excepted); any other, known or not, is unsupported_extension. So are types we sent but
     * cannot parse in this message.
     */
    static void rejectUnsolicited(Offer offer, Extensions received, String message) throws TlsFatalAlertException {
        for (Extension e : received.list()) {
            boolean answers = offer.sent().contains(e.type()) || message.equals("HelloRetryRequest")
                    && e.type().equals(ExtensionType.COOKIE);
            if (!answers || e instanceof UnknownExt) {
                throw Fatal.of(Reason.PeerMisbehaved.UNSOLICITED_EXTENSION, e.type() + " in " + message
                        + (answers ? "" : ", which our ClientHello did not carry"));
            }
        }
    }

    private static State onHelloRetryRequest(ExpectServerHello s, HelloRetryRequest m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        Offer offer = s.offer();
        if (offer.retry().isPresent()) {
            // RFC 8446 section 4.1.4: a second HelloRetryRequest is unexpected_message.
            throw Fatal.of(Reason.PeerMisbehaved.SECOND_HRR);
        }
        CipherSuite suite = checkHelloCommon(offer, m.legacyVersion(), m.legacySessionIdEcho(), m.cipherSuite(),
                m.legacyCompressionMethod(), m.extensions().find(SupportedVersionsServerExt.class));
        rejectUnsolicited(offer, m.extensions(), "HelloRetryRequest");
        Optional<NamedGroup> group = m.extensions().find(KeyShareHrrExt.class).map(KeyShareHrrExt::selectedGroup);
        Optional<Bytes> cookie = m.extensions().find(CookieExt.class).map(CookieExt::cookie);
        if (group.isEmpty() && cookie.isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.HRR_WITHOUT_CHANGE);
        }
        List<KeyShare> shares = offer.shares();
        if (group.isPresent()) {
            NamedGroup g = group.get();
            if (!offer.config().groups().contains(g)) {
                throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_GROUP, g + " in HelloRetryRequest");
            }
            if (ClientHelloFactory.groupsOf(shares).contains(g)) {
                throw Fatal.of(Reason.PeerMisbehaved.HRR_FOR_OFFERED_SHARE, g.toString());
            }
            shares = List.of(offer.config().crypto().startKeyExchange(g));
        }
        // RFC 8446 section 4.4.1: ClientHello1 is replaced by message_hash, then HRR is added.
        Transcript t = s.transcript().replaceWithMessageHash(offer.config().crypto(), suite.hash()).add(raw);
        if (offer.config().middleboxCompat()) {
            out.sendCompatChangeCipherSpec();
        }
        // RFC 8446 section 4.1.4: keep the PSK only if its hash matches the suite the server chose.
        Optional<ResumableSession> resumption = offer.resumption().filter(r -> r.suite().hash() == suite.hash());
        Optional<KeySchedule13.EarlySecret> early = resumption.isPresent() ? offer.early() : Optional.empty();
        ClientHello ch2 = ClientHelloFactory.build(offer.config(), offer.sni(), offer.random(), offer.sessionId(),
                shares, cookie, resumption.map(r -> ClientResumption.placeholder(offer.config(), r)),
                offer.resume12().map(ResumableSession::identity));
        if (resumption.isPresent()) {
            ch2 = ClientResumption.bind(ch2, early.orElseThrow(), t);
        }
        Bytes raw2 = send(out, ch2);
        Offer retried = new Offer(offer.config(), offer.sni(), offer.verifyName(), offer.random(), offer.sessionId(),
                shares, Optional.of(m), resumption, offer.resume12(), early, Set.copyOf(ch2.extensions().types()));
        return new ExpectServerHello(retried, t.add(raw2));
    }

    private static State onEncryptedExtensions(ExpectEncryptedExtensions s, EncryptedExtensions m, Bytes raw,
                                               Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        ClientConfig config = s.offer().config();
        rejectUnsolicited(s.offer(), m.extensions(), "EncryptedExtensions");
        Optional<String> alpn = Optional.empty();
        Optional<AlpnExt> alpnExt = m.extensions().find(AlpnExt.class);
        if (alpnExt.isPresent()) {
            // RFC 7301 section 3.1: exactly one protocol, one the client offered.
            List<String> p = alpnExt.get().protocols();
            if (p.size() != 1 || !config.applicationProtocols().contains(p.getFirst())) {
                throw Fatal.of(Reason.PeerMisbehaved.NO_ALPN_MATCH, p + " (we offered " + config.applicationProtocols() + ")");
            }
            alpn = Optional.of(p.getFirst());
        }
        boolean sniAck = m.extensions().find(ServerNameExt.class).isPresent();
        if (sniAck && s.offer().sni().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.UNSOLICITED_EXTENSION, "server_name");
        }
        Optional<RecordSizeLimitExt> limit = m.extensions().find(RecordSizeLimitExt.class);
        if (limit.isPresent()) {
            out.recordSizeLimits(limit.get().limit(), config.recordSizeLimit());
        }
        if (s.resumed().isPresent()) {
            // RFC 8446 section 2.2: a resumed handshake goes straight to the server's Finished.
            ResumableSession r = s.resumed().get().session();
            return new ExpectFinished(s.offer(), s.chosen().withAlpn(alpn, sniAck), s.keys(), s.transcript().add(raw),
                    Optional.empty(), r.serverChain(), r.scheme(), new Authentication.Resumed(s.resumed().get().proof()));
        }
        return new ExpectCertificateOrRequest(s.offer(), s.chosen().withAlpn(alpn, sniAck), s.keys(),
                s.transcript().add(raw));
    }

    private static State onCertificateRequest(ExpectCertificateOrRequest s, CertificateRequest13 m, Bytes raw,
                                              Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        // RFC 8446 section 4.3.2: the context is empty during the handshake; signature_algorithms is required.
        if (!m.context().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.CONTEXT_NOT_EMPTY, "in CertificateRequest");
        }
        if (m.extensions().find(SignatureAlgorithmsExt.class).isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.MISSING_EXTENSION, "signature_algorithms in CertificateRequest");
        }
        return new ExpectCertificate(s.offer(), s.chosen(), s.keys(), s.transcript().add(raw), Optional.of(m));
    }

    private static State onCertificate(ExpectCertificate s, Certificate13 m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        if (!m.context().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.CONTEXT_NOT_EMPTY, "in the server's Certificate");
        }
        for (var e : m.entries()) {
            // RFC 8446 section 4.4.2: entry extensions must answer ones we sent; we sent none.
            rejectUnsolicited(e.extensions().list());
        }
        List<X509Certificate> chain = PeerCertificates.parse(m);
        out.trace(() -> TraceEvents.chain(Role.SERVER, chain));
        ClientConfig config = s.offer().config();
        ChainVerified ok;
        try {
            ok = CertificateChecks.verifyServer(config.verifier(), chain, s.offer().verifyName(),
                    config.clock().instant());
        } catch (TlsFatalAlertException e) {
            out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify certificate", List.of("FAILED: " + e.getMessage())));
            throw e;
        }
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify certificate", ok.checks()));
        PeerCertificates.checkKeyUsage(chain.getFirst(), PeerCertificates.KeyUse.SIGNATURE);
        return new ExpectCertificateVerify(s.offer(), s.chosen(), s.keys(), s.transcript().add(raw), s.request(), ok);
    }

    private static State onCertificateVerify(ExpectCertificateVerify s, CertificateVerify m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        ClientConfig config = s.offer().config();
        SignatureVerified ok = Tls13Checks.verifySignature(config.crypto(), config.signatureSchemes(), s.chain(),
                m.scheme(), Tls13Checks.SERVER_CONTEXT, s.transcript().current(), m.signature());
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify CertificateVerify", List.of(
                m.scheme() + " signature over the transcript verifies with the certificate's key: ok")));
        return new ExpectFinished(s.offer(), s.chosen(), s.keys(), s.transcript().add(raw), s.request(),
                s.chain().chain(), m.scheme(), new Authentication.Signed(ok));
    }

    private static State onFinished(ExpectFinished s, Finished m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        ClientConfig config = s.offer().config();
        CipherSuite suite = s.chosen().suite();
        FinishedVerified finishedOk = Tls13Checks.verifyFinished(config.crypto(), suite.hash(), s.keys().server(),
                s.transcript().current(), m.verifyData());
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify server Finished", List.of(
                "verify_data matches HMAC of the transcript: the handshake was not tampered with")));
        Transcript t = s.transcript().add(raw);
        MasterSecret master = s.keys().handshakeSecret().masterSecret();
        Secret clientApp = master.clientApplicationTrafficSecret(t.current());
        Secret serverApp = master.serverApplicationTrafficSecret(t.current());
        Bytes random = s.offer().random();
        out.keyLog("CLIENT_TRAFFIC_SECRET_0", random, clientApp);
        out.keyLog("SERVER_TRAFFIC_SECRET_0", random, serverApp);
        Secret exporterMaster = master.exporterMasterSecret(t.current());
        out.keyLog("EXPORTER_SECRET", random, exporterMaster);
        out.installReadProtection(KeySchedule13.recordProtection(config.crypto(), suite, serverApp));
        List<X509Certificate> sent = List.of();
        if (s.request().isPresent()) {
            Optional<ClientCredentials.Choice> choice = credential(config, s.request().get());
            t = sendClientCertificate(config, choice, s.request().get(), t, out);
            sent = choice.map(c -> c.key().chain()).orElse(List.of());
        }
        Finished fin = new Finished(Tls13Checks.finishedData(config.crypto(), suite.hash(), s.keys().client(),
                t.current()));
        t = t.add(send(out, fin));
        out.installWriteProtection(KeySchedule13.recordProtection(config.crypto(), suite, clientApp));
        out.trace(() -> TraceEvents.keys(Role.CLIENT, "Application keys", List.of(new Detail("derived",
                "client/server application traffic secrets and " + suite.aead() + " keys; secure communication begins"))));
        SessionInfo session = new SessionInfo(ProtocolVersion.TLS13, suite, s.chosen().group(), s.scheme(),
                s.offer().sni(), s.chosen().alpn(), s.chain(), sent, s.offer().retry().isPresent(),
                s.auth() instanceof Authentication.Resumed, Optional.empty());
        out.complete(session, (label, context, length) -> KeySchedule13.exporter(config.crypto(), suite.hash(),
                exporterMaster, label, context, length));
        return new Connected(new AppSecrets(Role.CLIENT, config.crypto(), suite, clientApp, serverApp), session,
                s.offer().verifyName(), master.resumptionMasterSecret(t.current()), s.auth(), finishedOk, config);
    }

    /** The certificate that answers the server's request: one it accepts, if we have one. */
    private static Optional<ClientCredentials.Choice> credential(ClientConfig config, CertificateRequest13 request)
            throws TlsFatalAlertException {
        List<SignatureScheme> accepted = request.extensions().find(SignatureAlgorithmsExt.class)
                .map(SignatureAlgorithmsExt::schemes).orElse(List.of());
        return ClientCredentials.choose(config.certificates(), config.clientSignatureSchemes(), accepted,
                CertificateAuthorities.parse(request.extensions()), config.crypto(), ProtocolVersion.TLS13);
    }

    /**
     * RFC 8446 section 4.4.2: our certificate (or an empty one if none fits the request), then, if we sent
     * one, CertificateVerify signed over the transcript.
     */
    private static Transcript sendClientCertificate(ClientConfig config, Optional<ClientCredentials.Choice> choice,
            CertificateRequest13 request, Transcript t, Effects out) throws TlsFatalAlertException {
        List<CertificateEntry> entries = choice.map(c -> PeerCertificates.encode(c.key().chain()).stream()
                .map(d -> new CertificateEntry(d, Extensions.of())).toList()).orElse(List.of());
        t = t.add(send(out, new Certificate13(request.context(), entries)));
        if (choice.isEmpty()) {
            return t;
        }
        Bytes signature = Tls13Checks.sign(config.crypto(), choice.get().key().privateKey(), choice.get().scheme(),
                Tls13Checks.CLIENT_CONTEXT, t.current());
        return t.add(send(out, new CertificateVerify(choice.get().scheme(), signature)));
    }

    private static State onNewSessionTicket(Connected s, NewSessionTicket13 m, Bytes raw, Effects out) {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        // The cache bounds how many are kept, so a peer cannot make us keep unlimited tickets.
        ClientResumption.keep(s.config(), s.cacheKey(), s.resumptionMaster(), s.session(), m);
        return s;
    }

    private static Bytes send(Effects out, HandshakeMessage m) throws TlsFatalAlertException {
        return out.send(Role.CLIENT, m);
    }
}
