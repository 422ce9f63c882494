package org.tlsj.internal.handshake.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.KeyShare;
import org.tlsj.internal.handshake.Tls12Common;
import org.tlsj.internal.message.AlpnExt;
import org.tlsj.internal.message.EcPointFormatsExt;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.CookieExt;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.KeyShareClientExt;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.PreSharedKeyClientExt;
import org.tlsj.internal.message.PskKeyExchangeModesExt;
import org.tlsj.internal.message.RecordSizeLimitExt;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SignatureAlgorithmsCertExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.Bytes;

/** Builds the client's ClientHello (RFC 8446 section 4.1.2) from the config. */
final class ClientHelloFactory {
    /** A dotted-quad IPv4 literal, compiled once (String.matches compiles per call, every handshake). */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientHelloFactory() {
    }

    /** The server_name to send: a DNS name only; IP literals are never sent (RFC 6066 section 3). */
    static Optional<String> sniName(String serverName) {
        if (serverName == null || serverName.isEmpty() || isIpLiteral(serverName)) {
            return Optional.empty();
        }
        String n = serverName.endsWith(".") ? serverName.substring(0, serverName.length() - 1) : serverName;
        return Optional.of(n.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean isIpLiteral(String name) {
        return name.contains(":") || IPV4.matcher(name).matches();
    }

    /**
     * signature_algorithms: the configured schemes, plus PKCS#1 v1.5 when TLS 1.2 is offered, minus the TLS
     * 1.3-only ones (ML-DSA) when TLS 1.3 is not (signature_algorithms_cert drops them too then).
     */
    private static List<SignatureScheme> offeredSchemes(ClientConfig config, boolean tls12) {
        if (!tls12) {
            return config.signatureSchemes();
        }
        boolean tls13 = config.versions().contains(ProtocolVersion.TLS13);
        return Stream.concat(config.signatureSchemes().stream(), Tls12Common.TLS12_EXTRA_SCHEMES.stream()).distinct()
                .filter(config.crypto().signatureSchemes()::contains).filter(s -> tls13 || !s.isTls13Only()).toList();
    }

    /**
     * The ClientHello.
     *
     * @param shares the key shares to offer, in order
     * @param cookie the cookie to echo after a HelloRetryRequest
     * @param psk the pre_shared_key extension when resuming (its binder is filled in afterwards)
     * @param ticket12 a TLS 1.2 session ticket to offer (empty ticket: ask for one)
     */
    static ClientHello build(ClientConfig config, Optional<String> sni, Bytes random, Bytes sessionId,
                             List<KeyShare> shares, Optional<Bytes> cookie, Optional<PreSharedKeyClientExt> psk,
                             Optional<Bytes> ticket12) {
        List<Extension> ext = new ArrayList<>();
        sni.ifPresent(n -> ext.add(new ServerNameExt(Optional.of(n))));
        ext.add(new SupportedVersionsClientExt(config.versions()));
        ext.add(new SupportedGroupsExt(config.groups()));
        boolean tls12 = config.versions().contains(ProtocolVersion.TLS12);
        ext.add(new SignatureAlgorithmsExt(offeredSchemes(config, tls12)));
        if (!config.certificateSignatureSchemes().equals(config.signatureSchemes())) {
            ext.add(new SignatureAlgorithmsCertExt(config.versions().contains(ProtocolVersion.TLS13)
                    ? config.certificateSignatureSchemes()
                    : Tls12Common.withoutTls13Only(config.certificateSignatureSchemes())));
        }
        if (config.versions().contains(ProtocolVersion.TLS13)) {
            ext.add(new KeyShareClientExt(shares.stream()
                    .map(s -> new KeyShareEntry(s.group(), s.publicShare())).toList()));
        }
        if (!config.applicationProtocols().isEmpty()) {
            ext.add(new AlpnExt(config.applicationProtocols()));
        }
        ext.add(new RecordSizeLimitExt(config.recordSizeLimit()));
        if (tls12) {
            ext.add(new ExtendedMasterSecretExt()); // RFC 7627
            ext.add(RenegotiationInfoExt.INITIAL); // RFC 5746: secure renegotiation signalled, never performed
            ext.add(EcPointFormatsExt.UNCOMPRESSED_ONLY); // RFC 8422 section 5.1.2
            if (config.sessionCache() != org.tlsj.ClientSessionCache.NONE) {
                ext.add(new SessionTicketExt(ticket12.orElse(Bytes.EMPTY))); // RFC 5077
            }
        }
        // RFC 8446 section 4.2.9: resumption only with a fresh (EC)DHE exchange.
        ext.add(new PskKeyExchangeModesExt(List.of(PskKeyExchangeModesExt.PSK_DHE_KE)));
        cookie.ifPresent(c -> ext.add(new CookieExt(c)));
        psk.ifPresent(ext::add); // RFC 8446 section 4.2.11: pre_shared_key MUST be the last extension
        return new ClientHello(ProtocolVersion.TLS12, random, sessionId, config.cipherSuites(),
                Bytes.of(new byte[] {0}), Extensions.of(ext));
    }

    /** Groups for which a share was sent. */
    static List<NamedGroup> groupsOf(List<KeyShare> shares) {
        return shares.stream().map(KeyShare::group).toList();
    }
}
