package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;

class ProxyHeaderV2Test {
    @TempDir
    Path dir;

    private static SessionInfo session(Optional<String> sni, List<X509Certificate> peer) {
        return new SessionInfo(ProtocolVersion.TLS13, CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519,
                SignatureScheme.ECDSA_SECP256R1_SHA256, sni, Optional.empty(), peer, false, false);
    }

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void encodesTcpOverIpv4WithAuthorityAndSslTlvsAsTheSpecLaysThemOut() throws Exception {
        byte[] header = ProxyHeaderV2.encode(at("192.0.2.1", 56324), at("198.51.100.7", 443),
                session(Optional.of("a.io"), List.of()));
        String expected = "0d0a0d0a000d0a515549540a" // signature
                + "21" + "11" + "003e" // v2 PROXY, TCP over IPv4, 62 bytes follow
                + "c0000201" + "c6336407" + "dc04" + "01bb" // 192.0.2.1 -> 198.51.100.7, 56324 -> 443
                + "02" + "0004" + "612e696f" // PP2_TYPE_AUTHORITY "a.io"
                + "20" + "0028" + "01" + "00000001" // PP2_TYPE_SSL: PP2_CLIENT_SSL, verify 1 (no certificate)
                + "21" + "0007" + "544c5376312e33" // PP2_SUBTYPE_SSL_VERSION "TLSv1.3"
                + "23" + "0016" + "544c535f4145535f3132385f47434d5f534841323536"; // CIPHER "TLS_AES_128_GCM_SHA256"
        assertThat(HexFormat.of().formatHex(header)).isEqualTo(expected);
    }

    @Test
    void carriesTheVerifiedClientsCommonNameAndMapsMixedFamiliesToIpv6() throws Exception {
        LivePki pki = new LivePki("Header CA", dir);
        X509Certificate alice = pki.client("alice").certificate();
        byte[] header = ProxyHeaderV2.encode(at("2001:db8::1", 40000), at("127.0.0.1", 8443),
                session(Optional.empty(), List.of(alice)));
        ProxyHeaderReader.Header h = ProxyHeaderReader.read(new ByteArrayInputStream(header));
        assertThat(h.family()).isEqualTo(0x21);
        assertThat(h.source().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(h.sourcePort()).isEqualTo(40000);
        assertThat(h.destination().getHostAddress()).isEqualTo("127.0.0.1"); // ::ffff:127.0.0.1, read back as IPv4
        assertThat(h.destinationPort()).isEqualTo(8443);
        assertThat(h.tlvs()).doesNotContainKey(0x02);
        assertThat(h.sslClient()).isEqualTo(0x07);
        assertThat(h.sslVerify()).isZero();
        assertThat(h.ssl()).containsEntry(0x22, "alice").containsEntry(0x21, "TLSv1.3");
    }
}
