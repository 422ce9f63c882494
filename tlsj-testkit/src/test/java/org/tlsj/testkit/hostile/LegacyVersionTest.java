package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason.PeerIncompatible;
import org.tlsj.TlsException;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.SupportedVersionsClientExt;

/**
 * ClientHello.legacy_version below SSL 3.0 (0x0300) is refused with protocol_version even when
 * supported_versions offers TLS 1.3 (BoringSSL refuses it so, BoGo "VersionTooLow"); from 0x0300 up,
 * supported_versions decides and high values are tolerated (BoGo "VersionTolerance-TLS13").
 */
class LegacyVersionTest {
    @ParameterizedTest(name = "legacy_version 0x{0}")
    @ValueSource(ints = {0x0000, 0x0002, 0x0100, 0x0200, 0x02ff})
    void belowSsl3IsProtocolVersionEvenWithTls13Offered(int legacy) throws Exception {
        ScriptedPeer p = hello(legacy, true);
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.LEGACY_VERSION_TOO_LOW);
    }

    @ParameterizedTest(name = "legacy_version 0x{0}")
    @ValueSource(ints = {0x0100, 0x0200})
    void belowSsl3WithoutSupportedVersionsIsProtocolVersion(int legacy) throws Exception {
        ScriptedPeer p = hello(legacy, false);
        assertAborted(p, AlertDescription.PROTOCOL_VERSION, PeerIncompatible.LEGACY_VERSION_TOO_LOW);
    }

    @ParameterizedTest(name = "legacy_version 0x{0}")
    @ValueSource(ints = {0x0300, 0x0301, 0x0303, 0x0304, 0x0400})
    void fromSsl3UpSupportedVersionsDecides(int legacy) throws Exception {
        ScriptedPeer p = hello(legacy, true);
        assertThat(p.failure()).isEmpty();
        assertThat(p.response()).isNotEmpty();
        assertThat(p.response().getFirst().body().get(0)).as("a ServerHello").isEqualTo(2);
    }

    /**
     * RFC 8446 section 4.2.1: with supported_versions, legacy_version plays no part. A TLS 1.2 server reached
     * through supported_versions negotiates TLS 1.2 whatever legacy_version says from 0x0300 up (BoGo
     * ConflictingVersionNegotiation-2: legacy_version TLS 1.1, supported_versions TLS 1.2); without the
     * extension a legacy_version below TLS 1.2 is still protocol_version.
     */
    @ParameterizedTest(name = "legacy_version 0x{0}")
    @ValueSource(ints = {0x0300, 0x0301, 0x0302})
    void tls12ThroughSupportedVersionsIgnoresAnOlderLegacyVersion(int legacy) throws Exception {
        ScriptedPeer p = tls12Hello(legacy, true);
        assertThat(p.failure()).isEmpty();
        assertThat(p.response().getFirst().body().get(0)).as("a ServerHello").isEqualTo(2);
        assertAborted(tls12Hello(legacy, false), AlertDescription.PROTOCOL_VERSION, PeerIncompatible.NO_COMMON_VERSION);
    }

    private static ScriptedPeer tls12Hello(int legacy, boolean supportedVersions) throws TlsException {
        CipherSuite suite = Tls12.SUITES.getFirst();
        ScriptedPeer p = ScriptedPeer.againstServer(Tls12.server(suite)).withHonestClient(Tls12.client(suite), "localhost");
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
        ch = ch.withLegacyVersion(new ProtocolVersion(legacy));
        SupportedVersionsClientExt tls12 = new SupportedVersionsClientExt(List.of(ProtocolVersion.TLS12));
        ch = ch.withExtensions(supportedVersions ? ch.extensions().with(tls12) : ch.extensions().without(tls12.type()));
        return p.send(Records.handshakeRecord(ch));
    }

    /** An honest TLS 1.3 client's hello with this legacy_version, with or without its supported_versions. */
    private static ScriptedPeer hello(int legacy, boolean supportedVersions) throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).withHonestClient(Hostile.client(), "localhost");
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
        ch = ch.withLegacyVersion(new ProtocolVersion(legacy));
        if (!supportedVersions) {
            ch = ch.withExtensions(ch.extensions().without(
                    new SupportedVersionsClientExt(List.of(ProtocolVersion.TLS13)).type()));
        }
        return p.send(Records.handshakeRecord(ch));
    }
}
