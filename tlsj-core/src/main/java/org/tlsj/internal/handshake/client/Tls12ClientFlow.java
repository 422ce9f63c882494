package org.tlsj.internal.handshake.client;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.CipherSuite.KeyExchange;
import org.tlsj.ClientConfig;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ResumableSession;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.Secret;
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
import org.tlsj.internal.handshake.Tls12Common;
import org.tlsj.internal.handshake.Tls12Machine;
import org.tlsj.internal.handshake.TraceEvents;
import org.tlsj.internal.keyschedule.Tls12KeySchedule;
import org.tlsj.internal.keyschedule.Tls12KeySchedule.Protections;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.Certificate12;
import org.tlsj.internal.message.CertificateRequest12;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientKeyExchange;
import org.tlsj.internal.message.EcPointFormatsExt;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.HandshakeType;
import org.tlsj.internal.message.HelloRequest;
import org.tlsj.internal.message.NewSessionTicket12;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerHelloDone;
import org.tlsj.internal.message.ServerKeyExchangeEcdhe;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.internal.record.RecordProtection12;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.Role;

/**
 * The TLS 1.2 client (RFC 5246 section 7.3), handed the server's TLS 1.2 ServerHello by {@link ClientHelloStage}.
 * Full handshake:
 * <pre>
 *          <-- ServerHello, Certificate, [ServerKeyExchange], [CertificateRequest], ServerHelloDone
 * [Certificate], ClientKeyExchange, [CertificateVerify], [ChangeCipherSpec], Finished -->
 *          <-- [NewSessionTicket], [ChangeCipherSpec], Finished
 * </pre>
 * Abbreviated (resumed by session id or ticket): ServerHello, [NewSessionTicket], [ChangeCipherSpec],
 * Finished from the server; then ours.
 */
public final class Tls12ClientFlow extends TableFlow<Tls12ClientFlow.State> implements Tls12Machine {

    /** What is fixed once the ServerHello is read. */
    record Hello(ClientConfig config, Offer offer, Bytes serverRandom, CipherSuite suite,
                 Bytes sessionId, boolean ems, boolean ticketExpected, Optional<String> alpn) {
    }

    sealed interface State permits ExpectCertificate, ExpectServerKeyExchange, ExpectRequestOrDone, ExpectDone,
            ExpectTicket, ExpectChangeCipherSpec, ExpectFinished, Connected {
    }

    record ExpectCertificate(Hello hello, Transcript t, Bytes messages) implements State {
    }

    record ExpectServerKeyExchange(Hello hello, Transcript t, Bytes messages, ChainVerified chain) implements State {
    }

    record ExpectRequestOrDone(Hello hello, Transcript t, Bytes messages, ChainVerified chain, Optional<Ecdhe> ecdhe)
            implements State {
    }

    record ExpectDone(Hello hello, Transcript t, Bytes messages, ChainVerified chain, Optional<Ecdhe> ecdhe,
                      Optional<CertificateRequest12> request) implements State {
    }

    /** The server's ECDHE share, which exists only with the proof that its signature verified. */
    record Ecdhe(NamedGroup group, Bytes serverShare, SignatureScheme scheme, SignatureVerified signatureOk) {
    }

    /**
     * The keys once the master secret is known; the server proves them with its Finished. {@code auth} is how the
     * server proved who it is: chain + ServerKeyExchange signature (ECDHE), the chain alone (static RSA), or the
     * session it resumed. {@code sentChain} is the certificate chain we sent (empty if none, always on resumption).
     */
    record Keys(Secret master, RecordProtection12 read, List<X509Certificate> chain, SignatureScheme scheme,
                NamedGroup group, Authentication.OfServer12 auth, List<X509Certificate> sentChain) {
        Keys {
            java.util.Objects.requireNonNull(auth);
        }

        boolean resumed() {
            return auth instanceof Authentication.Resumed;
        }
    }

    record ExpectTicket(Hello hello, Transcript t, Keys keys) implements State {
    }

    record ExpectChangeCipherSpec(Hello hello, Transcript t, Keys keys) implements State {
    }

    record ExpectFinished(Hello hello, Transcript t, Keys keys) implements State {
    }

    /** The handshake is done: the server proved itself ({@code auth}) and its Finished verified. */
    record Connected(SessionInfo session, Authentication.OfServer12 auth, FinishedVerified finishedOk)
            implements State {
        Connected {
            java.util.Objects.requireNonNull(auth);
            java.util.Objects.requireNonNull(finishedOk);
        }
    }

    private Tls12ClientFlow(Effects out, State state) {
        super(out, state, Connected.class, Tls12ClientFlow::next);
    }

    /**
     * RFC 5246 section 7.4.3: a ServerKeyExchange's body has the form of the negotiated key exchange, so it is read
     * only where the table expects one; anywhere else (an unauthenticated one instead of Certificate, one for
     * static RSA) it is out of order: unexpected_message, before its body is parsed.
     */
    @Override
    public HandshakeMessage decode(Bytes raw) throws TlsFatalAlertException {
        if (raw.length() > 0 && (raw.get(0) & 0xff) == HandshakeType.SERVER_KEY_EXCHANGE.code()
                && !(state instanceof ExpectServerKeyExchange)) {
            throw Fatal.of(Reason.PeerMisbehaved.UNEXPECTED_MESSAGE,
                    "ServerKeyExchange while in TLS 1.2 " + state.getClass().getSimpleName());
        }
        return Tls12Machine.super.decode(raw);
    }

    /** The transition table: each legal step is one line; anything else is unexpected_message. */
    static State next(State state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException {
        return switch (state) {
            case ExpectCertificate s when message instanceof Certificate12 m -> onCertificate(s, m, raw, out);
            case ExpectServerKeyExchange s when message instanceof ServerKeyExchangeEcdhe m -> onServerKeyExchange(s, m, raw, out);
            case ExpectRequestOrDone s when message instanceof CertificateRequest12 m -> onCertificateRequest(s, m, raw, out);
            case ExpectRequestOrDone s when message instanceof ServerHelloDone m -> onServerHelloDone(
                    new ExpectDone(s.hello(), s.t(), s.messages(), s.chain(), s.ecdhe(), Optional.empty()),
                    raw, out);
            case ExpectDone s when message instanceof ServerHelloDone m -> onServerHelloDone(s, raw, out);
            case ExpectTicket s when message instanceof NewSessionTicket12 m -> onNewSessionTicket(s, m, raw, out);
            case ExpectChangeCipherSpec s when message instanceof ChangeCipherSpec -> onChangeCipherSpec(s, out);
            case ExpectFinished s when message instanceof Finished m -> onFinished(s, m, raw, out);
            case Connected s when message instanceof HelloRequest m -> refuseRenegotiation(s, out);
            // RFC 5246 sections 7.1 and 7.4: a message or change_cipher_spec out of order is unexpected_message.
            default -> throw HandshakeMachine.unexpected(message, "TLS 1.2 " + state.getClass().getSimpleName());
        };
    }

    /** Starts the TLS 1.2 client from a TLS 1.2 ServerHello answering {@code offer}. */
    static Tls12ClientFlow onServerHello(Offer offer, Transcript withClientHello, Bytes clientHelloRaw,
                                         ServerHello m, Bytes raw, Effects out) throws TlsFatalAlertException {
        ClientConfig config = offer.config();
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        // RFC 8446 section 4.2.1 and RFC 5246 appendix E: a TLS 1.2 answer says 0x0303 in legacy_version.
        if (!config.versions().contains(ProtocolVersion.TLS12) || !m.legacyVersion().equals(ProtocolVersion.TLS12)) {
            throw Fatal.of(Reason.PeerIncompatible.NO_COMMON_VERSION, "server answered with " + m.legacyVersion()
                    + "; we offer " + config.versions());
        }
        // RFC 8446 section 4.1.3: a TLS 1.3 client MUST check the downgrade sentinel.
        Bytes tail = m.random().slice(24, 32);
        if (config.versions().contains(ProtocolVersion.TLS13)
                && (tail.equals(Tls12Common.DOWNGRADE_TLS12) || tail.equals(Tls12Common.DOWNGRADE_TLS11))) {
            throw Fatal.of(Reason.PeerMisbehaved.DOWNGRADE_SENTINEL, "the server supports TLS 1.3 but answered TLS 1.2");
        }
        CipherSuite suite = m.cipherSuite();
        if (!config.cipherSuites().contains(suite) || !suite.version().orElseThrow().equals(ProtocolVersion.TLS12)) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_CIPHER_SUITE, suite + " for TLS 1.2");
        }
        if (m.legacyCompressionMethod() != 0) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_COMPRESSION, "method " + m.legacyCompressionMethod());
        }
        for (Extension e : m.extensions().list()) {
            // RFC 5246 section 7.4.1.4: only types our ClientHello carried, else unsupported_extension. Of those,
            // supported_groups has no TLS 1.2 answer but some servers send it: ignored, as other stacks do. Any
            // other we cannot parse in a TLS 1.2 ServerHello (TLS 1.3's key_share ...) is refused the same way.
            boolean sent = offer.sent().contains(e.type());
            if (!sent || e instanceof UnknownExt && !e.type().equals(ExtensionType.SUPPORTED_GROUPS)) {
                throw Fatal.of(Reason.PeerMisbehaved.UNSOLICITED_EXTENSION, e.type() + " in a TLS 1.2 ServerHello"
                        + (sent ? "" : ", which our ClientHello did not carry"));
            }
        }
        Optional<EcPointFormatsExt> formats = m.extensions().find(EcPointFormatsExt.class);
        if (formats.isPresent() && !formats.get().formats().contains(EcPointFormatsExt.UNCOMPRESSED)) {
            throw Fatal.of(Reason.PeerMisbehaved.NO_UNCOMPRESSED_POINT_FORMAT, "server lists " + formats.get());
        }
        boolean ems = m.extensions().find(ExtendedMasterSecretExt.class).isPresent();
        if (!ems && config.requireExtendedMasterSecret()) {
            throw Fatal.of(Reason.PeerIncompatible.NO_EXTENDED_MASTER_SECRET);
        }
        // RFC 5746 section 3.4: the server's renegotiation_info must be empty in an initial handshake.
        Optional<RenegotiationInfoExt> reneg = m.extensions().find(RenegotiationInfoExt.class);
        if (reneg.isPresent() && !reneg.get().renegotiatedConnection().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.RENEGOTIATION_INFO_MISMATCH, "the server's is not empty");
        }
        Optional<String> alpn = m.extensions().find(AlpnExt.class).map(a -> a.protocols().getFirst());
        if (alpn.isPresent() && !config.applicationProtocols().contains(alpn.get())) {
            throw Fatal.of(Reason.PeerMisbehaved.NO_ALPN_MATCH, alpn.get());
        }
        boolean ticket = m.extensions().find(SessionTicketExt.class).isPresent();
        Hello hello = new Hello(config, offer, m.random(), suite, m.legacySessionIdEcho(), ems, ticket, alpn);
        Transcript t = withClientHello.withHash(config.crypto(), suite.hash()).add(raw);
        Bytes messages = clientHelloRaw.concat(raw);

        Optional<ResumptionChecks.Accepted<ResumableSession>> accepted = ResumptionChecks.sessionEchoed(
                offer.resume12(), offer.sessionId(), m.legacySessionIdEcho(), suite, ems);
        if (accepted.isPresent()) {
            ResumableSession resumed = accepted.get().session();
            // RFC 5246 section 7.3 / RFC 5077 section 3.4: the server resumed; keys come from the old master.
            Secret master = Secret.copyOf(resumed.secret().expose());
            Protections p = Tls12KeySchedule.protections(config.crypto(), suite, master, offer.random(),
                    m.random(), true);
            out.trace(() -> TraceEvents.keys(Role.CLIENT, "Session keys (resumed)", List.of(new Detail("derived",
                    "key block from the resumed master secret: " + suite.aead() + " keys and IVs"))));
            Keys keys = new Keys(master, p.read(), resumed.serverChain(), resumed.scheme(), resumed.group(),
                    new Authentication.Resumed(accepted.get().proof()), List.of());
            return new Tls12ClientFlow(out, ticket ? new ExpectTicket(hello, t, keys)
                    : new ExpectChangeCipherSpec(hello, t, keys));
        }
        return new Tls12ClientFlow(out, new ExpectCertificate(hello, t, messages));
    }

    private static State onCertificate(ExpectCertificate s, Certificate12 m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        ClientConfig config = s.hello().config();
        List<X509Certificate> chain = PeerCertificates.parse12(m);
        out.trace(() -> TraceEvents.chain(Role.SERVER, chain));
        ChainVerified ok;
        try {
            ok = CertificateChecks.verifyServer(config.verifier(), chain, s.hello().offer().verifyName(),
                    config.clock().instant());
        } catch (TlsFatalAlertException e) {
            out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify certificate", List.of("FAILED: " + e.getMessage())));
            throw e;
        }
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify certificate", ok.checks()));
        java.security.PublicKey key = chain.getFirst().getPublicKey();
        KeyExchange kx = s.hello().suite().keyExchange();
        if (!Tls12Common.keyServes(key, kx, true)) {
            throw Fatal.of(Reason.CertificateProblem.UNSUPPORTED_KEY, "a " + key.getAlgorithm() + " key cannot serve "
                    + s.hello().suite());
        }
        // RFC 8422 section 4: our supported_groups also names the curves an ECDSA server key may be on.
        Optional<NamedGroup> curve = Tls12Common.ecdsaCurve(key);
        if (curve.isPresent() && !config.groups().contains(curve.get())) {
            throw Fatal.of(Reason.CertificateProblem.UNOFFERED_CURVE, "the server's ECDSA key is on "
                    + (curve.get().equals(NamedGroup.NONE) ? "a curve we do not know" : curve.get().toString())
                    + "; we offered " + config.groups());
        }
        PeerCertificates.checkKeyUsage(chain.getFirst(), kx == KeyExchange.RSA ? PeerCertificates.KeyUse.ENCIPHERMENT
                : PeerCertificates.KeyUse.SIGNATURE);
        Transcript t = s.t().add(raw);
        Bytes messages = s.messages().concat(raw);
        return kx == KeyExchange.RSA ? new ExpectRequestOrDone(s.hello(), t, messages, ok, Optional.empty())
                : new ExpectServerKeyExchange(s.hello(), t, messages, ok);
    }

    private static State onServerKeyExchange(ExpectServerKeyExchange s, ServerKeyExchangeEcdhe m, Bytes raw,
                                             Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        ClientConfig config = s.hello().config();
        // RFC 8422 section 5.4: the group must be one we offered.
        if (!config.groups().contains(m.group()) || m.group().isKem()) {
            throw Fatal.of(Reason.PeerMisbehaved.SELECTED_UNOFFERED_GROUP, m.group() + " in ServerKeyExchange");
        }
        Bytes content = Tls12Common.serverKeyExchangeContent(s.hello().offer().random(), s.hello().serverRandom(),
                m.params());
        SignatureVerified ok = Tls12Common.verify(config.crypto(),
                Tls12Common.tls12Schemes(config.signatureSchemes(), config.crypto()),
                s.chain(), m.scheme(), content, m.signature());
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify ServerKeyExchange", List.of(
                m.scheme() + " signature over the randoms and the " + m.group() + " share verifies: ok")));
        return new ExpectRequestOrDone(s.hello(), s.t().add(raw), s.messages().concat(raw), s.chain(),
                Optional.of(new Ecdhe(m.group(), m.publicKey(), m.scheme(), ok)));
    }

    private static State onCertificateRequest(ExpectRequestOrDone s, CertificateRequest12 m, Bytes raw, Effects out) {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        return new ExpectDone(s.hello(), s.t().add(raw), s.messages().concat(raw), s.chain(), s.ecdhe(),
                Optional.of(m));
    }

    /** RFC 5246 section 7.3: our flight: [Certificate], ClientKeyExchange, [CertificateVerify], CCS, Finished. */
    private static State onServerHelloDone(ExpectDone s, Bytes raw, Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, new ServerHelloDone(), raw.length()));
        Hello hello = s.hello();
        ClientConfig config = hello.config();
        Transcript t = s.t().add(raw);
        ByteWriter messages = new ByteWriter(4096).bytes(s.messages()).bytes(raw);
        Optional<ClientCredentials.Choice> cred = Optional.empty();
        if (s.request().isPresent()) {
            List<javax.security.auth.x500.X500Principal> cas = s.request().get().authorities().stream()
                    .map(b -> new javax.security.auth.x500.X500Principal(b.toArray())).toList();
            cred = ClientCredentials.choose(config.certificates(), config.clientSignatureSchemes(),
                    s.request().get().schemes(), cas, config.crypto(), ProtocolVersion.TLS12);
            Certificate12 cert = new Certificate12(cred.map(c -> PeerCertificates.encode(c.key().chain())).orElse(List.of()));
            Bytes r = send(out, cert);
            t = t.add(r);
            messages.bytes(r);
        }
        Secret preMaster;
        ClientKeyExchange cke;
        if (s.ecdhe().isPresent()) {
            KeyShare share = config.crypto().startKeyExchange(s.ecdhe().get().group());
            preMaster = share.complete(s.ecdhe().get().serverShare());
            cke = ClientKeyExchange.ecdhe(share.publicShare());
        } else {
            preMaster = rsaPreMaster(config);
            cke = ClientKeyExchange.rsa(config.crypto().rsaEncrypt(s.chain().key(),
                    Bytes.wrap(preMaster.expose())));
        }
        Bytes ckeRaw = send(out, cke);
        t = t.add(ckeRaw);
        messages.bytes(ckeRaw);
        // RFC 7627 section 4: the session hash covers the handshake up to and including ClientKeyExchange.
        boolean ems = hello.ems();
        Secret master = Tls12Common.masterSecret(config.crypto(), hello.suite(), preMaster, ems, t.current(),
                hello.offer().random(), hello.serverRandom());
        preMaster.destroy();
        if (cred.isPresent()) {
            Bytes signature = Tls12Common.sign(config.crypto(), cred.get().key().privateKey(), cred.get().scheme(),
                    messages.toBytes());
            t = t.add(send(out, new CertificateVerify(cred.get().scheme(), signature)));
        }
        out.keyLog("CLIENT_RANDOM", hello.offer().random(), master);
        Protections p = Tls12KeySchedule.protections(config.crypto(), hello.suite(), master, hello.offer().random(),
                hello.serverRandom(), true);
        out.trace(() -> TraceEvents.keys(Role.CLIENT, "Session keys", List.of(
                new Detail("key_exchange", s.ecdhe().map(e -> "ECDHE " + e.group()).orElse("RSA: pre-master secret "
                        + "(48 bytes) encrypted to the server's certificate key")),
                new Detail("derived", "master secret (48 bytes" + (ems ? ", extended" : "") + "), key block: "
                        + hello.suite().aead() + " keys (" + hello.suite().aead().keyLength() + " bytes) and IVs"))));
        t = sendFinished(config, hello, master, t, p.write(), out);
        SignatureScheme scheme = s.ecdhe().map(Ecdhe::scheme).orElse(SignatureScheme.NONE);
        // ECDHE: the share we used exists only with its signature proof; static RSA: only the chain's key opens our
        // pre-master secret, so the server's Finished proves it holds that key.
        Authentication.OfServer12 auth = s.ecdhe().<Authentication.OfServer12>map(e ->
                new Authentication.Signed(e.signatureOk())).orElseGet(() -> new Authentication.RsaKeyTransport(s.chain()));
        Keys keys = new Keys(master, p.read(), s.chain().chain(), scheme, s.ecdhe().map(Ecdhe::group)
                .orElse(NamedGroup.NONE), auth, cred.map(c -> c.key().chain()).orElse(List.of()));
        return hello.ticketExpected() ? new ExpectTicket(hello, t, keys) : new ExpectChangeCipherSpec(hello, t, keys);
    }

    /** RFC 5246 section 7.4.7.1: 48 bytes, the first two our highest version. */
    private static Secret rsaPreMaster(ClientConfig config) {
        byte[] pms = new byte[48];
        config.crypto().random().nextBytes(pms);
        pms[0] = 3;
        pms[1] = 3;
        return Secret.wrap(pms);
    }

    private static Transcript sendFinished(ClientConfig config, Hello hello, Secret master, Transcript t,
                                           RecordProtection12 write, Effects out) throws TlsFatalAlertException {
        out.sendChangeCipherSpec();
        out.trace(() -> TraceEvents.changeCipherSpec(Role.CLIENT));
        out.installWriteProtection(write);
        Bytes verify = Tls12KeySchedule.finishedVerifyData(config.crypto(), hello.suite().hash(), master, true,
                t.current());
        return t.add(send(out, new Finished(verify)));
    }

    private static State onNewSessionTicket(ExpectTicket s, NewSessionTicket12 m, Bytes raw, Effects out) {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        Hello h = s.hello();
        if (!m.ticket().isEmpty() && h.offer().verifyName().isPresent()) {
            long hint = m.lifetimeHint() == 0 ? 7200 : Math.min(m.lifetimeHint(), 7 * 86400);
            h.config().sessionCache().put(h.offer().verifyName().get(), new ResumableSession(ProtocolVersion.TLS12,
                    h.suite(), m.ticket(), Bytes.EMPTY, Secret.copyOf(s.keys().master().expose()), 0,
                    h.config().clock().instant(), java.time.Duration.ofSeconds(hint), s.keys().chain(), s.keys().scheme(),
                    s.keys().group(), h.ems()));
        }
        return new ExpectChangeCipherSpec(h, s.t().add(raw), s.keys());
    }

    /** RFC 5246 section 7.1: the peer's change_cipher_spec, right before its Finished: its records are now protected. */
    private static State onChangeCipherSpec(ExpectChangeCipherSpec s, Effects out) throws TlsFatalAlertException {
        out.installReadProtection(s.keys().read());
        out.trace(() -> TraceEvents.changeCipherSpec(Role.SERVER));
        return new ExpectFinished(s.hello(), s.t(), s.keys());
    }

    private static State onFinished(ExpectFinished s, Finished m, Bytes raw, Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.SERVER, m, raw.length()));
        Hello hello = s.hello();
        ClientConfig config = hello.config();
        FinishedVerified ok = Tls12Common.verifyFinished(config.crypto(), hello.suite(), s.keys().master(), false,
                s.t().current(), m.verifyData());
        out.trace(() -> TraceEvents.check(Role.CLIENT, "Verify server Finished", List.of(
                "verify_data matches the PRF of the transcript: the handshake was not tampered with")));
        Transcript t = s.t().add(raw);
        if (s.keys().resumed()) {
            // RFC 5246 section 7.3: in an abbreviated handshake the client's CCS and Finished come last.
            Protections p = Tls12KeySchedule.protections(config.crypto(), hello.suite(), s.keys().master(),
                    hello.offer().random(), hello.serverRandom(), true);
            sendFinished(config, hello, s.keys().master(), t, p.write(), out);
        } else if (!hello.sessionId().isEmpty() && hello.offer().verifyName().isPresent() && !hello.ticketExpected()) {
            config.sessionCache().put(hello.offer().verifyName().get(), new ResumableSession(ProtocolVersion.TLS12,
                    hello.suite(), Bytes.EMPTY, hello.sessionId(), Secret.copyOf(s.keys().master().expose()), 0,
                    config.clock().instant(), java.time.Duration.ofHours(2), s.keys().chain(), s.keys().scheme(),
                    s.keys().group(), hello.ems()));
        }
        SessionInfo session = new SessionInfo(ProtocolVersion.TLS12, hello.suite(), s.keys().group(),
                s.keys().scheme(), hello.offer().sni(), hello.alpn(), s.keys().chain(), s.keys().sentChain(), false,
                s.keys().resumed(), Optional.empty());
        Secret master = s.keys().master();
        out.complete(session, (label, context, length) -> Tls12KeySchedule.exporter(config.crypto(),
                hello.suite().hash(), master, label, hello.offer().random(), hello.serverRandom(), context, length));
        return new Connected(session, s.keys().auth(), ok);
    }

    private static State refuseRenegotiation(Connected s, Effects out) throws TlsFatalAlertException {
        // RFC 5746 / RFC 5246 section 7.4.1.1: we never renegotiate. A server asking for it waits for our
        // ClientHello; like BoringSSL and Go we end the connection with no_renegotiation instead.
        throw Fatal.of(Reason.PeerIncompatible.RENEGOTIATION_REFUSED, "the server sent a HelloRequest");
    }

    private static Bytes send(Effects out, HandshakeMessage m) throws TlsFatalAlertException {
        return out.send(Role.CLIENT, m);
    }
}
