package org.tlsj.internal.handshake.server;

import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.handshake.Effects;
import org.tlsj.internal.handshake.HandshakeMachine;
import org.tlsj.internal.handshake.HelloStage;
import org.tlsj.internal.handshake.TraceEvents;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.Bytes;
import org.tlsj.trace.Role;

/**
 * The server's version-neutral hello stage: the client's first ClientHello settles the version, and the stage hands
 * over to {@link Tls12ServerFlow} or {@link Tls13ServerFlow}, which do not know each other. Its table:
 * <pre>
 * ExpectClientHello + ClientHello below SSL 3.0                    -> protocol_version
 * ExpectClientHello + ClientHello that does not offer TLS 1.3 to us -> Tls12ServerFlow (our flight sent)
 * ExpectClientHello + ClientHello                                  -> Tls13ServerFlow (its ExpectClientHello row)
 * </pre>
 * Anything else, a change_cipher_spec included (RFC 8446 section 5: only after the first ClientHello), is
 * unexpected_message.
 */
public final class ServerHelloStage implements HelloStage {
    /** SSL 3.0: the lowest ClientHello.legacy_version a TLS client can send. */
    private static final int LOWEST_LEGACY_VERSION = 0x0300;

    private final ServerConfig config;
    private final Effects out;

    private ServerHelloStage(ServerConfig config, Effects out) {
        this.config = config;
        this.out = out;
    }

    /** A server waiting for the ClientHello. */
    public static ServerHelloStage start(ServerConfig config, Effects out) {
        return new ServerHelloStage(config, out);
    }

    /** The table of the hello stage: the ClientHello picks the machine for the rest. */
    @Override
    public HandshakeMachine onMessage(PeerMessage message, Bytes raw) throws TlsFatalAlertException {
        return switch (message) {
            // Below SSL 3.0 (SSL 2.0's 0x0002, or garbage such as 0x0100): refused before negotiation, even when
            // supported_versions offers TLS 1.3, as BoringSSL does (BoGo "VersionTooLow": UNSUPPORTED_PROTOCOL).
            case ClientHello m when m.legacyVersion().code() < LOWEST_LEGACY_VERSION -> throw Fatal.of(
                    Reason.PeerIncompatible.LEGACY_VERSION_TOO_LOW,
                    String.format("legacy_version 0x%04x", m.legacyVersion().code()));
            case ClientHello m when negotiatesTls12(m) -> {
                out.trace(() -> TraceEvents.message(Role.CLIENT, m, raw.length()));
                yield Tls12ServerFlow.onClientHello(config, m, raw, out);
            }
            case ClientHello m -> Tls13ServerFlow.expectingClientHello(config, out).onMessage(m, raw);
            default -> throw HandshakeMachine.unexpected(message, "ExpectClientHello");
        };
    }

    /** RFC 8446 section 4.2.1: TLS 1.2 when the client does not offer TLS 1.3 (or we do not accept it). */
    private boolean negotiatesTls12(ClientHello m) {
        List<ProtocolVersion> offered = m.extensions().find(SupportedVersionsClientExt.class)
                .map(SupportedVersionsClientExt::versions).orElse(List.of());
        boolean tls13 = offered.contains(ProtocolVersion.TLS13) && config.versions().contains(ProtocolVersion.TLS13);
        boolean tls12 = offered.isEmpty() ? m.legacyVersion().code() >= ProtocolVersion.TLS12.code()
                : offered.contains(ProtocolVersion.TLS12);
        return !tls13 && tls12 && config.versions().contains(ProtocolVersion.TLS12);
    }
}
