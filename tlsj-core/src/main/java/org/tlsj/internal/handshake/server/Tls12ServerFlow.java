package org.tlsj.internal.handshake.server;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.CipherSuite.KeyExchange;
import org.tlsj.ClientAuth;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.TableFlow;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.Tls12Machine;
import org.tlsj.internal.handshake.PeerCertificates;
import org.tlsj.internal.handshake.Authentication;
import org.tlsj.internal.handshake.CertificateChecks;
import org.tlsj.internal.handshake.Proofs.ChainVerified;
import org.tlsj.internal.handshake.Proofs.FinishedVerified;
import org.tlsj.internal.handshake.Proofs.SignatureVerified;
import org.tlsj.internal.handshake.ResumptionChecks;
import org.tlsj.internal.handshake.Tickets;
import org.tlsj.internal.handshake.Tls12Common;
import org.tlsj.internal.handshake.TraceEvents;
import org.tlsj.internal.keyschedule.Tls12KeySchedule;
import org.tlsj.internal.keyschedule.Tls12KeySchedule.Protections;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.Certificate12;
import org.tlsj.internal.message.CertificateRequest12;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.ClientKeyExchange;
import org.tlsj.internal.message.EcPointFormatsExt;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.NewSessionTicket12;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerHelloDone;
import org.tlsj.internal.message.ServerKeyExchangeEcdhe;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.internal.record.RecordProtection12;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.Role;

/**
 * The TLS 1.2 server (RFC 5246 section 7.3), handed a ClientHello that does not offer TLS 1.3 (or arrives
 * when TLS 1.3 is off) by {@link ServerHelloStage}. Full handshake:
 * <pre>
 * ServerHello, Certificate, [ServerKeyExchange], [CertificateRequest], ServerHelloDone -->
 *          <-- [Certificate], ClientKeyExchange, [CertificateVerify], ChangeCipherSpec, Finished
 * [NewSessionTicket], ChangeCipherSpec, Finished -->
 * </pre>
 * Abbreviated (session id or ticket): ServerHello, [NewSessionTicket], ChangeCipherSpec, Finished, then the
 * client's ChangeCipherSpec and Finished.
 */
public final class Tls12ServerFlow extends TableFlow<Tls12ServerFlow.State> implements Tls12Machine {

    /** What the ClientHello settled. */
    record Hello(ServerConfig config, ClientHello ch, Bytes serverRandom, CipherSuite suite, Bytes sessionId,
                 Optional<String> sni, Optional<String> alpn, boolean ems, boolean sendTicket,
                 CertifiedKey credential) {
        @Override
        public String toString() {
            return "Hello[" + suite + ", " + sni + "]";
        }
    }

    /** The keys once the master secret is known, and the session's id (kept across resumptions). */
    record Keys(Secret master, RecordProtection12 read, RecordProtection12 write, NamedGroup group,
                SignatureScheme scheme, List<X509Certificate> clientChain, boolean resumed, Bytes sessionId) {
    }

    sealed interface State permits ExpectClientCertificate, ExpectClientKeyExchange, ExpectCertificateVerify,
            ExpectChangeCipherSpec, ExpectFinished, Connected {
    }

    record ExpectClientCertificate(Hello hello, Transcript t, Bytes messages, Optional<KeyShare> share,
                                   SignatureScheme scheme) implements State {
    }

    /** What the client's certificate leaves to check: nothing (none, and the policy allows that) or its CertificateVerify. */
    sealed interface ClientCertificate permits NoCertificate, CertificateToVerify {
    }

    record NoCertificate(Authentication.Anonymous auth) implements ClientCertificate {
    }

    record CertificateToVerify(ChainVerified chain) implements ClientCertificate {
    }

    record ExpectClientKeyExchange(Hello hello, Transcript t, Bytes messages, Optional<KeyShare> share,
                                   SignatureScheme scheme, ClientCertificate client) implements State {
    }

    record ExpectCertificateVerify(Hello hello, Transcript t, Bytes messages, Keys keys, ChainVerified clientChain)
            implements State {
    }

    /** {@code client}: how the client proved itself, or the policy that lets it go without a certificate. */
    record ExpectChangeCipherSpec(Hello hello, Transcript t, Keys keys, Authentication.OfClient client)
            implements State {
    }

    record ExpectFinished(Hello hello, Transcript t, Keys keys, Authentication.OfClient client) implements State {
    }

    /**
     * The handshake is done: the client's Finished verified and {@code client} says how it authenticated (chain +
     * CertificateVerify, a resumed session, or none where the policy allows none: never with ClientAuth.REQUIRED).
     */
    record Connected(SessionInfo session, Authentication.OfClient client, FinishedVerified finishedOk)
            implements State {
        Connected {
            java.util.Objects.requireNonNull(client);
            java.util.Objects.requireNonNull(finishedOk);
        }
    }

    private Tls12ServerFlow(Effects out, State state) {
        super(out, state, Connected.class, Tls12ServerFlow::next);
    }

    /** The transition table: each legal step is one line; anything else is unexpected_message. */
    static State next(State state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException {
        return switch (state) {
            case ExpectClientCertificate s when message instanceof Certificate12 m -> onClientCertificate(s, m, raw, out);
            case ExpectClientKeyExchange s when message instanceof ClientKeyExchange m -> onClientKeyExchange(s, m, raw, out);
            case ExpectCertificateVerify s when message instanceof CertificateVerify m -> onCertificateVerify(s, m, raw, out);
            case ExpectChangeCipherSpec s when message instanceof ChangeCipherSpec -> onChangeCipherSpec(s, out);
            case ExpectFinished s when message instanceof Finished m -> onFinished(s, m, raw, out);
            case Connected s when message instanceof ClientHello m -> refuseRenegotiation(s, out);
            // RFC 5246 sections 7.1 and 7.4: a message or change_cipher_spec out of order is unexpected_message.
            default -> throw HandshakeMachine.unexpected(message, "TLS 1.2 " + state.getClass().getSimpleName());
        };
    }

    /** Starts the TLS 1.2 server for a ClientHello that negotiates TLS 1.2. */
    static Tls12ServerFlow onClientHello(ServerConfig config, ClientHello m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        // RFC 5246 appendix E.1: a client that offers less than TLS 1.2 gets protocol_version. RFC 8446 section
        // 4.2.1: a client that lists supported_versions (which offered TLS 1.2 to get here) is not judged by
        // legacy_version (BoGo ConflictingVersionNegotiation-2: legacy_version TLS 1.1, supported_versions 1.2).
        if (m.extensions().find(SupportedVersionsClientExt.class).isEmpty()
                && m.legacyVersion().code() < ProtocolVersion.TLS12.code()) {
            throw Fatal.of(Reason.PeerIncompatible.NO_COMMON_VERSION, "client offers " + m.legacyVersion()
                    + "; we accept " + config.versions());
        }
        // RFC 7507: a fallback retry while we support a higher version than the client offered.
        if (m.cipherSuites().contains(CipherSuite.TLS_FALLBACK_SCSV) && config.versions().contains(ProtocolVersion.TLS13)) {
            throw Fatal.of(Reason.PeerIncompatible.INAPPROPRIATE_FALLBACK);
        }
        // RFC 5246 section 7.4.1.2: the list must include the null compression method.
        if (!containsNull(m.legacyCompressionMethods())) {
            throw Fatal.of(Reason.PeerMisbehaved.COMPRESSION_OFFERED, "no null compression method");
        }
        checkPointFormats(m);
        boolean ems = m.extensions().find(ExtendedMasterSecretExt.class).isPresent();
        if (!ems && config.requireExtendedMasterSecret()) {
            throw Fatal.of(Reason.PeerIncompatible.NO_EXTENDED_MASTER_SECRET);
        }
        Optional<RenegotiationInfoExt> reneg = m.extensions().find(RenegotiationInfoExt.class);
        if (reneg.isPresent() && !reneg.get().renegotiatedConnection().isEmpty()) {
            throw Fatal.of(Reason.PeerMisbehaved.RENEGOTIATION_INFO_MISMATCH, "the client's is not empty");
        }
        Optional<String> sni = m.extensions().find(ServerNameExt.class).flatMap(ServerNameExt::hostName);
        // RFC 6066 section 3, RFC 7301 section 3.2: the server name, certificate candidates and ALPN are decided
        // once the hello is read.
        HelloDecision.Decided decided = HelloDecision.decide(config, m, ProtocolVersion.TLS12, sni);
        Optional<String> alpn = decided.alpn();
        Tls12Choices.Choice choice = Tls12Choices.choose(config, decided.certificates(), m, sni);
        byte[] random = new byte[32];
        config.crypto().random().nextBytes(random);
        if (config.versions().contains(ProtocolVersion.TLS13)) {
            // RFC 8446 section 4.1.3: a TLS 1.3 server negotiating TLS 1.2 marks its random.
            Tls12Common.DOWNGRADE_TLS12.copyTo(random, 24);
        }
        Instant now = config.clock().instant();
        Optional<SessionTicketExt> ticketExt = m.extensions().find(SessionTicketExt.class);
        boolean ticketsOn = config.ticketsPerHandshake() > 0;
        Optional<ResumptionChecks.Accepted<Tickets.State>> resumed = ResumptionChecks.tls12Session(config, m, ticketExt,
                sni, ems, now);
        Bytes sessionId = resumed.isPresent() ? m.legacySessionId() : newSessionId(config, ticketExt, ticketsOn);
        Hello hello = new Hello(config, m, Bytes.wrap(random), resumed.map(r -> r.session().suite()).orElse(choice.suite()),
                sessionId, sni, alpn, ems, ticketsOn && ticketExt.isPresent(), choice.credential().key());
        Transcript t = Transcript.buffering().add(raw).withHash(config.crypto(), hello.suite().hash());
        Bytes shRaw = send(out, serverHello(hello, m, reneg.isPresent() || m.cipherSuites()
                .contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)));
        t = t.add(shRaw);
        if (resumed.isPresent()) {
            return new Tls12ServerFlow(out, resume(hello, resumed.get(), t, out));
        }
        return new Tls12ServerFlow(out, sendFullFlight(hello, choice, raw.concat(shRaw), t, out));
    }

    /** The elliptic curves of RFC 8422 (section 5.1.1), whose points ec_point_formats is about. */
    private static final List<NamedGroup> RFC8422_CURVES = List.of(NamedGroup.SECP256R1, NamedGroup.SECP384R1,
            NamedGroup.SECP521R1, NamedGroup.X25519, NamedGroup.X448);

    /**
     * RFC 8422 section 5.1.2: a client that lists point formats without uncompressed while it supports one of the
     * RFC's curves gets illegal_parameter.
     */
    private static void checkPointFormats(ClientHello m) throws TlsFatalAlertException {
        Optional<EcPointFormatsExt> formats = m.extensions().find(EcPointFormatsExt.class);
        boolean curves = m.extensions().find(org.tlsj.internal.message.SupportedGroupsExt.class)
                .map(g -> g.groups().stream().anyMatch(RFC8422_CURVES::contains)).orElse(false);
        if (formats.isPresent() && curves && !formats.get().formats().contains(EcPointFormatsExt.UNCOMPRESSED)) {
            throw Fatal.of(Reason.PeerMisbehaved.NO_UNCOMPRESSED_POINT_FORMAT, "client lists " + formats.get());
        }
    }

    private static boolean containsNull(Bytes methods) {
        for (int i = 0; i < methods.length(); i++) {
            if (methods.get(i) == 0) {
                return true;
            }
        }
        return false;
    }

    private static Bytes newSessionId(ServerConfig config, Optional<SessionTicketExt> ticketExt, boolean ticketsOn) {
        if (ticketsOn && ticketExt.isPresent()) {
            return Bytes.EMPTY; // RFC 5077 section 3.4: the ticket stands for the session
        }
        byte[] id = new byte[32];
        config.crypto().random().nextBytes(id);
        return Bytes.wrap(id);
    }

    private static ServerHello serverHello(Hello hello, ClientHello ch, boolean secureRenegotiation) {
        List<Extension> ext = new ArrayList<>();
        if (secureRenegotiation) {
            ext.add(RenegotiationInfoExt.INITIAL); // RFC 5746 section 3.6
        }
        if (hello.ems()) {
            ext.add(new ExtendedMasterSecretExt());
        }
        if (hello.sni().isPresent()) {
            ext.add(new ServerNameExt(Optional.empty()));
        }
        hello.alpn().ifPresent(p -> ext.add(new AlpnExt(List.of(p))));
        if (hello.suite().keyExchange() != KeyExchange.RSA && ch.extensions().find(EcPointFormatsExt.class).isPresent()) {
            ext.add(EcPointFormatsExt.UNCOMPRESSED_ONLY);
        }
        if (hello.sendTicket()) {
            ext.add(SessionTicketExt.EMPTY);
        }
        return new ServerHello(ProtocolVersion.TLS12, hello.serverRandom(), hello.sessionId(), hello.suite(), 0,
                Extensions.of(ext));
    }

    private static State sendFullFlight(Hello hello, Tls12Choices.Choice choice, Bytes helloMessages, Transcript t,
                                        Effects out) throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        ByteWriter messages = new ByteWriter(4096).bytes(helloMessages);
        Bytes r = send(out, new Certificate12(PeerCertificates.encode(choice.credential().key().chain())));
        t = t.add(r);
        messages.bytes(r);
        Optional<KeyShare> share = Optional.empty();
        if (hello.suite().keyExchange() != KeyExchange.RSA) {
            KeyShare ks = config.crypto().startKeyExchange(choice.group());
            share = Optional.of(ks);
            Bytes params = new ServerKeyExchangeEcdhe(choice.group(), ks.publicShare(), choice.credential().scheme(),
                    Bytes.EMPTY).params();
            Bytes content = Tls12Common.serverKeyExchangeContent(hello.ch().random(), hello.serverRandom(), params);
            Bytes signature = Tls12Common.sign(config.crypto(), choice.credential().key().privateKey(),
                    choice.credential().scheme(), content);
            r = send(out, new ServerKeyExchangeEcdhe(choice.group(), ks.publicShare(), choice.credential().scheme(),
                    signature));
            t = t.add(r);
            messages.bytes(r);
        }
        if (config.clientAuth() != ClientAuth.NONE) {
            List<Bytes> cas = config.clientVerifier().orElseThrow().acceptedIssuers().stream()
                    .map(p -> Bytes.wrap(p.getEncoded())).toList();
            r = send(out, new CertificateRequest12(List.of(CertificateRequest12.ECDSA_SIGN,
                    CertificateRequest12.RSA_SIGN), Tls12Common.withoutTls13Only(ServerChoices.clientSchemes(config)), cas));
            t = t.add(r);
            messages.bytes(r);
        }
        r = send(out, new ServerHelloDone());
        t = t.add(r);
        messages.bytes(r);
        SignatureScheme scheme = share.isPresent() ? choice.credential().scheme() : SignatureScheme.NONE;
        return config.clientAuth() != ClientAuth.NONE
                ? new ExpectClientCertificate(hello, t, messages.toBytes(), share, scheme)
                : new ExpectClientKeyExchange(hello, t, messages.toBytes(), share, scheme, new NoCertificate(
                        new Authentication.Anonymous(CertificateChecks.withoutClientCertificate(config.clientAuth(),
                                ProtocolVersion.TLS12))));
    }

    private static State onClientCertificate(ExpectClientCertificate s, Certificate12 m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = s.hello().config();
        Transcript t = s.t().add(raw);
        if (m.certificates().isEmpty()) {
            out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
            // RFC 5246 section 7.4.6: without a required certificate, a fatal handshake_failure.
            return new ExpectClientKeyExchange(s.hello(), t, s.messages().concat(raw), s.share(), s.scheme(),
                    new NoCertificate(new Authentication.Anonymous(CertificateChecks.withoutClientCertificate(
                            config.clientAuth(), ProtocolVersion.TLS12))));
        }
        List<X509Certificate> chain = PeerCertificates.parse12(m);
        out.trace(() -> TraceEvents.chain(Role.CLIENT, chain));
        ChainVerified ok = CertificateChecks.verifyClient(config.clientVerifier().orElseThrow(), chain,
                config.clock().instant());
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client certificate", ok.checks()));
        PeerCertificates.checkKeyUsage(chain.getFirst(), PeerCertificates.KeyUse.SIGNATURE);
        return new ExpectClientKeyExchange(s.hello(), t, s.messages().concat(raw), s.share(), s.scheme(),
                new CertificateToVerify(ok));
    }

    private static State onClientKeyExchange(ExpectClientKeyExchange s, ClientKeyExchange m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        Hello hello = s.hello();
        ServerConfig config = hello.config();
        Secret preMaster = s.share().isPresent() ? s.share().get().complete(m.ecdhePoint())
                : Tls12Choices.rsaPreMaster(config, hello, m.rsaEncryptedPreMaster());
        Transcript t = s.t().add(raw);
        // RFC 7627 section 4: the session hash covers the handshake through ClientKeyExchange.
        Secret master = Tls12Common.masterSecret(config.crypto(), hello.suite(), preMaster, hello.ems(), t.current(),
                hello.ch().random(), hello.serverRandom());
        preMaster.destroy();
        out.keyLog("CLIENT_RANDOM", hello.ch().random(), master);
        Protections p = Tls12KeySchedule.protections(config.crypto(), hello.suite(), master, hello.ch().random(),
                hello.serverRandom(), false);
        out.trace(() -> TraceEvents.keys(Role.SERVER, "Session keys", List.of(new Detail("derived",
                "master secret (48 bytes" + (hello.ems() ? ", extended" : "") + "), key block: " + hello.suite().aead()
                        + " keys and IVs"))));
        NamedGroup group = s.share().map(KeyShare::group).orElse(NamedGroup.NONE);
        List<X509Certificate> clientChain = s.client() instanceof CertificateToVerify c ? c.chain().chain() : List.of();
        Keys keys = new Keys(master, p.read(), p.write(), group, s.scheme(), clientChain, false,
                hello.sessionId().isEmpty() ? ServerResumption.newSessionId(config) : hello.sessionId());
        return switch (s.client()) {
            // RFC 5246 section 7.4.8: the client's signature covers every handshake message so far.
            case CertificateToVerify c -> new ExpectCertificateVerify(hello, t, s.messages().concat(raw), keys, c.chain());
            case NoCertificate n -> new ExpectChangeCipherSpec(hello, t, keys, n.auth());
        };
    }

    private static State onCertificateVerify(ExpectCertificateVerify s, CertificateVerify m, Bytes raw, Effects out)
            throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        ServerConfig config = s.hello().config();
        SignatureVerified ok = Tls12Common.verify(config.crypto(), Tls12Common.withoutTls13Only(ServerChoices.clientSchemes(config)),
                s.clientChain(), m.scheme(), s.messages(), m.signature());
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client CertificateVerify", List.of(
                m.scheme() + " signature over the handshake messages verifies with the client certificate's key: ok")));
        return new ExpectChangeCipherSpec(s.hello(), s.t().add(raw), s.keys(), new Authentication.Signed(ok));
    }

    private static State resume(Hello hello, ResumptionChecks.Accepted<Tickets.State> accepted, Transcript t,
                                Effects out) throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        Tickets.State st = accepted.session();
        Secret master = Secret.copyOf(st.secret().expose());
        Protections p = Tls12KeySchedule.protections(config.crypto(), hello.suite(), master, hello.ch().random(),
                hello.serverRandom(), false);
        Keys keys = new Keys(master, p.read(), p.write(), st.group(), st.scheme(), PeerCertificates.decode(st.peerChain()),
                true, st.sessionId().isEmpty() ? hello.sessionId() : st.sessionId());
        t = sendTicketCcsFinished(hello, keys, t, out);
        return new ExpectChangeCipherSpec(hello, t, keys, new Authentication.Resumed(accepted.proof()));
    }

    private static Transcript sendTicketCcsFinished(Hello hello, Keys keys, Transcript t, Effects out)
            throws TlsFatalAlertException {
        ServerConfig config = hello.config();
        if (hello.sendTicket()) {
            Instant now = config.clock().instant();
            long lifetime = config.ticketLifetime().toSeconds();
            Bytes ticket = Tickets.seal(config.crypto(), config.ticketKeys(), now, new Tickets.State(ProtocolVersion.TLS12,
                    hello.suite(), keys.master(), 0, now, lifetime, hello.sni(), hello.alpn(),
                    PeerCertificates.encode(keys.clientChain()), keys.scheme(), keys.sessionId(), keys.group(),
                    hello.ems()));
            t = t.add(send(out, new NewSessionTicket12(lifetime, ticket)));
        }
        out.sendChangeCipherSpec();
        out.trace(() -> TraceEvents.changeCipherSpec(Role.SERVER));
        out.installWriteProtection(keys.write());
        Bytes verify = Tls12KeySchedule.finishedVerifyData(config.crypto(), hello.suite().hash(), keys.master(), false,
                t.current());
        return t.add(send(out, new Finished(verify)));
    }

    /** RFC 5246 section 7.1: the peer's change_cipher_spec, right before its Finished: its records are now protected. */
    private static State onChangeCipherSpec(ExpectChangeCipherSpec s, Effects out) throws TlsFatalAlertException {
        out.installReadProtection(s.keys().read());
        out.trace(() -> TraceEvents.changeCipherSpec(Role.CLIENT));
        return new ExpectFinished(s.hello(), s.t(), s.keys(), s.client());
    }

    private static State onFinished(ExpectFinished s, Finished m, Bytes raw, Effects out) throws TlsFatalAlertException {
        out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
        Hello hello = s.hello();
        ServerConfig config = hello.config();
        FinishedVerified ok = Tls12Common.verifyFinished(config.crypto(), hello.suite(), s.keys().master(), true,
                s.t().current(), m.verifyData());
        out.trace(() -> TraceEvents.check(Role.SERVER, "Verify client Finished", List.of(
                "verify_data matches the PRF of the transcript: the handshake was not tampered with")));
        if (!s.keys().resumed()) {
            sendTicketCcsFinished(hello, s.keys(), s.t().add(raw), out);
            if (!hello.sessionId().isEmpty()) {
                Instant now = config.clock().instant();
                config.sessionCache().put(hello.sessionId(), Tickets.seal(config.crypto(), config.ticketKeys(), now,
                        new Tickets.State(ProtocolVersion.TLS12, hello.suite(), s.keys().master(), 0, now,
                                config.ticketLifetime().toSeconds(), hello.sni(), hello.alpn(),
                                PeerCertificates.encode(s.keys().clientChain()), s.keys().scheme(),
                                s.keys().sessionId(), s.keys().group(), hello.ems())));
            }
        }
        SessionInfo session = new SessionInfo(ProtocolVersion.TLS12, hello.suite(), s.keys().group(), s.keys().scheme(),
                hello.sni(), hello.alpn(), s.keys().clientChain(),
                s.keys().resumed() ? List.of() : hello.credential().chain(), false, s.keys().resumed(),
                Optional.of(s.keys().sessionId().hex()));
        Secret master = s.keys().master();
        out.complete(session, (label, context, length) -> Tls12KeySchedule.exporter(config.crypto(),
                hello.suite().hash(), master, label, hello.ch().random(), hello.serverRandom(), context, length));
        return new Connected(session, s.client(), ok);
    }

    private static State refuseRenegotiation(Connected s, Effects out) throws TlsFatalAlertException {
        // RFC 5746: we never renegotiate. A client that sent a ClientHello waits for a ServerHello, so carrying
        // on after a warning leaves it hanging; like BoringSSL and Go we end the connection with no_renegotiation.
        throw Fatal.of(Reason.PeerIncompatible.RENEGOTIATION_REFUSED, "the client sent a ClientHello after the handshake");
    }

    private static Bytes send(Effects out, HandshakeMessage m) throws TlsFatalAlertException {
        return out.send(Role.SERVER, m);
    }
}
