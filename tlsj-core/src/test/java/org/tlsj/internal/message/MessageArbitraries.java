package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.Bytes;

/**
 * Generators of well-formed handshake messages (TLS 1.3, and TLS 1.2 in {@link #messages12()}): every
 * field random within what RFC 8446 (RFC 5246) allows, each
 * extension block holding only extensions its message allows, at most once each, pre_shared_key last
 * in a ClientHello.
 */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    /** Any TLS 1.3 handshake message. */
    static Arbitrary<HandshakeMessage> messages() {
        return Arbitraries.oneOf(List.of(
                clientHellos().map(m -> (HandshakeMessage) m),
                serverHellos().map(m -> (HandshakeMessage) m),
                helloRetryRequests().map(m -> (HandshakeMessage) m),
                extensions(MessageContext.ENCRYPTED_EXTENSIONS).map(EncryptedExtensions::new),
                Combinators.combine(bytes(0, 8), extensions(MessageContext.CERTIFICATE_REQUEST))
                        .as(CertificateRequest13::new),
                Combinators.combine(bytes(0, 8), certificateEntries()).as(Certificate13::new),
                Combinators.combine(u16().map(SignatureScheme::new), bytes(0, 300)).as(CertificateVerify::new),
                bytes(0, 64).map(Finished::new),
                newSessionTickets().map(m -> (HandshakeMessage) m),
                Arbitraries.of(true, false).map(KeyUpdate::new),
                Arbitraries.just(new EndOfEarlyData())));
    }

    /** Any TLS 1.2 handshake message (what {@link HandshakeCodec#decode12} reads). */
    static Arbitrary<HandshakeMessage> messages12() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new HelloRequest()),
                clientHellos().map(m -> (HandshakeMessage) m),
                serverHellos12().map(m -> (HandshakeMessage) m),
                bytes(1, 200).list().ofMaxSize(3).map(Certificate12::new),
                Combinators.combine(u16().map(NamedGroup::new), bytes(1, 97), u16().map(SignatureScheme::new),
                        bytes(0, 300)).as(ServerKeyExchangeEcdhe::new),
                Combinators.combine(u8().list().ofMinSize(1).ofMaxSize(4), schemes(), bytes(1, 40).list().ofMaxSize(3))
                        .as(CertificateRequest12::new),
                Arbitraries.just(new ServerHelloDone()),
                Combinators.combine(u16().map(SignatureScheme::new), bytes(0, 300)).as(CertificateVerify::new),
                Arbitraries.oneOf(List.of(bytes(1, 133).map(ClientKeyExchange::ecdhe),
                        bytes(0, 300).map(ClientKeyExchange::rsa), bytes(0, 40).map(ClientKeyExchange::new))),
                bytes(12, 12).map(Finished::new),
                Combinators.combine(u32(), bytes(0, 64)).as(NewSessionTicket12::new)));
    }

    /** TLS 1.2 ServerHellos: no supported_versions, so their extensions are read as {@link MessageContext#SERVER_HELLO_12}. */
    static Arbitrary<ServerHello> serverHellos12() {
        return Combinators.combine(u16().map(ProtocolVersion::new),
                bytes(32, 32).filter(r -> !r.equals(HelloRetryRequest.RANDOM)), bytes(0, 32),
                u16().map(CipherSuite::new), u8(), extensions(MessageContext.SERVER_HELLO_12)).as(ServerHello::new);
    }

    static Arbitrary<ClientHello> clientHellos() {
        return Combinators.combine(u16().map(ProtocolVersion::new), bytes(32, 32), bytes(0, 32),
                u16().map(CipherSuite::new).list().ofMinSize(1).ofMaxSize(20), bytes(1, 4),
                extensions(MessageContext.CLIENT_HELLO)).as(ClientHello::new);
    }

    static Arbitrary<ServerHello> serverHellos() {
        return Combinators.combine(u16().map(ProtocolVersion::new),
                bytes(32, 32).filter(r -> !r.equals(HelloRetryRequest.RANDOM)), bytes(0, 32),
                u16().map(CipherSuite::new), u8(), extensions(MessageContext.SERVER_HELLO)).as(ServerHello::new);
    }

    static Arbitrary<HelloRetryRequest> helloRetryRequests() {
        return Combinators.combine(u16().map(ProtocolVersion::new), bytes(0, 32), u16().map(CipherSuite::new), u8(),
                extensions(MessageContext.HELLO_RETRY_REQUEST)).as(HelloRetryRequest::new);
    }

    static Arbitrary<NewSessionTicket13> newSessionTickets() {
        return Combinators.combine(u32(), u32(), bytes(0, 32), bytes(1, 64),
                extensions(MessageContext.NEW_SESSION_TICKET)).as(NewSessionTicket13::new);
    }

    static Arbitrary<List<CertificateEntry>> certificateEntries() {
        return Combinators.combine(bytes(1, 200), extensions(MessageContext.CERTIFICATE))
                .as(CertificateEntry::new).list().ofMaxSize(3);
    }

    /** A valid extension block for {@code ctx}. */
    static Arbitrary<Extensions> extensions(MessageContext ctx) {
        List<Arbitrary<Extension>> kinds = new ArrayList<>(switch (ctx) {
            case CLIENT_HELLO -> List.of(ext(hostNames().map(ServerNameExt::of)), ext(supportedGroups()),
                    ext(schemes().map(SignatureAlgorithmsExt::new)), ext(schemes().map(SignatureAlgorithmsCertExt::new)),
                    ext(protocolNames().list().ofMinSize(1).ofMaxSize(4).map(AlpnExt::new)),
                    ext(u16().map(ProtocolVersion::new).list().ofMinSize(1).ofMaxSize(8)
                            .map(SupportedVersionsClientExt::new)),
                    ext(keyShareEntries().list().ofMaxSize(3).uniqueElements(KeyShareEntry::group)
                            .map(KeyShareClientExt::new)),
                    ext(cookies()), ext(recordSizeLimits()),
                    ext(u8().list().ofMinSize(1).ofMaxSize(4).map(PskKeyExchangeModesExt::new)),
                    ext(Arbitraries.just(EarlyDataExt.EMPTY)), ext(preSharedKeys()),
                    ext(Arbitraries.just(new ExtendedMasterSecretExt())), ext(renegotiationInfos()),
                    ext(ecPointFormats()), ext(bytes(0, 40).map(SessionTicketExt::new)));
            case SERVER_HELLO -> List.of(ext(keyShareEntries().map(KeyShareServerExt::new)),
                    ext(u16().map(PreSharedKeyServerExt::new)));
            case SERVER_HELLO_12 -> List.of(ext(Arbitraries.just(ServerNameExt.ACKNOWLEDGED)),
                    ext(protocolNames().map(p -> AlpnExt.of(p))), ext(recordSizeLimits()),
                    ext(Arbitraries.just(new ExtendedMasterSecretExt())), ext(renegotiationInfos()),
                    ext(ecPointFormats()), ext(bytes(0, 40).map(SessionTicketExt::new)));
            case HELLO_RETRY_REQUEST -> List.of(ext(u16().map(NamedGroup::new).map(KeyShareHrrExt::new)),
                    ext(cookies()), ext(u16().map(ProtocolVersion::new).map(SupportedVersionsServerExt::new)));
            case ENCRYPTED_EXTENSIONS -> List.of(ext(Arbitraries.just(ServerNameExt.ACKNOWLEDGED)),
                    ext(supportedGroups()), ext(protocolNames().map(p -> AlpnExt.of(p))), ext(recordSizeLimits()),
                    ext(Arbitraries.just(EarlyDataExt.EMPTY)));
            case CERTIFICATE_REQUEST -> List.of(ext(schemes().map(SignatureAlgorithmsExt::new)),
                    ext(schemes().map(SignatureAlgorithmsCertExt::new)));
            case NEW_SESSION_TICKET -> List.of(ext(u32().map(EarlyDataExt::ofMaxSize)));
            case CERTIFICATE -> List.of();
        });
        kinds.add(ext(unknownExtensions()));
        Arbitrary<List<Extension>> lists = Arbitraries.oneOf(kinds).list().ofMaxSize(6).uniqueElements(Extension::type);
        if (ctx == MessageContext.SERVER_HELLO) {
            // A TLS 1.3 ServerHello always carries supported_versions (else it reads as TLS 1.2).
            lists = Combinators.combine(u16().map(ProtocolVersion::new), lists).as((v, l) -> {
                List<Extension> out = new ArrayList<>(l);
                out.addFirst(new SupportedVersionsServerExt(v));
                return out;
            });
        }
        return lists.map(MessageArbitraries::pskLast).map(Extensions::of);
    }

    private static List<Extension> pskLast(List<Extension> list) {
        List<Extension> out = new ArrayList<>(list.stream().filter(e -> !(e instanceof PreSharedKeyClientExt)).toList());
        list.stream().filter(e -> e instanceof PreSharedKeyClientExt).forEach(out::add);
        return out;
    }

    private static Arbitrary<Extension> ext(Arbitrary<? extends Extension> a) {
        return a.map(e -> (Extension) e);
    }

    static Arbitrary<UnknownExt> unknownExtensions() {
        Arbitrary<ExtensionType> types = Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 15).map(i -> new ExtensionType(i * 0x1010 + 0x0a0a)),
                u16().map(ExtensionType::new)
                        .filter(t -> !ExtensionRules.isRecognized(t) && !ExtensionRules.isTls12Only(t))));
        return Combinators.combine(types, bytes(0, 20)).as(UnknownExt::new);
    }

    private static Arbitrary<RenegotiationInfoExt> renegotiationInfos() {
        return bytes(0, 24).map(RenegotiationInfoExt::new);
    }

    private static Arbitrary<EcPointFormatsExt> ecPointFormats() {
        return u8().list().ofMinSize(1).ofMaxSize(4).map(EcPointFormatsExt::new);
    }

    private static Arbitrary<String> hostNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789.-").ofMinLength(1).ofMaxLength(30);
    }

    private static Arbitrary<String> protocolNames() {
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<SupportedGroupsExt> supportedGroups() {
        return u16().map(NamedGroup::new).list().ofMinSize(1).ofMaxSize(10).map(SupportedGroupsExt::new);
    }

    private static Arbitrary<List<SignatureScheme>> schemes() {
        return u16().map(SignatureScheme::new).list().ofMinSize(1).ofMaxSize(10);
    }

    private static Arbitrary<KeyShareEntry> keyShareEntries() {
        return Combinators.combine(u16().map(NamedGroup::new), bytes(1, 97)).as(KeyShareEntry::new);
    }

    private static Arbitrary<CookieExt> cookies() {
        return bytes(1, 40).map(CookieExt::new);
    }

    private static Arbitrary<RecordSizeLimitExt> recordSizeLimits() {
        return Arbitraries.integers().between(RecordSizeLimitExt.MIN, 0xffff).map(RecordSizeLimitExt::new);
    }

    private static Arbitrary<PreSharedKeyClientExt> preSharedKeys() {
        Arbitrary<PskIdentity> identity = Combinators.combine(bytes(1, 40), u32()).as(PskIdentity::new);
        return Combinators.combine(identity, bytes(32, 48)).as(Offer::new).list().ofMinSize(1).ofMaxSize(3)
                .map(offers -> new PreSharedKeyClientExt(offers.stream().map(Offer::identity).toList(),
                        offers.stream().map(Offer::binder).toList()));
    }

    private record Offer(PskIdentity identity, Bytes binder) {}

    static Arbitrary<Bytes> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(Bytes::wrap);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xff);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xffff);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }
}
