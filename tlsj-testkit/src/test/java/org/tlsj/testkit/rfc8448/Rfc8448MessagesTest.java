package org.tlsj.testkit.rfc8448;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateEntry;
import org.tlsj.internal.message.CertificateVerify;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.EarlyDataExt;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.Finished;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.KeyShareClientExt;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.NewSessionTicket13;
import org.tlsj.internal.message.PskKeyExchangeModesExt;
import org.tlsj.internal.message.RecordSizeLimitExt;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SessionTicketExt;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.internal.message.SupportedVersionsClientExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.Bytes;
import org.tlsj.testkit.Rfc8448;

/**
 * The handshake messages of RFC 8448 section 3 decode to the expected fields and re-encode byte for byte.
 * (Layer 1, codecs; it lives here rather than in tlsj-core so that one parser of the RFC text, the testkit's
 * {@link Rfc8448}, serves every RFC 8448 test.)
 */
class Rfc8448MessagesTest {
    private static final Rfc8448 RFC = Rfc8448.load();
    private static final NamedGroup FFDHE3072 = new NamedGroup(0x0101);

    @ParameterizedTest
    @ValueSource(strings = {"ClientHello", "ServerHello", "EncryptedExtensions", "Certificate",
        "CertificateVerify", "Finished", "NewSessionTicket"})
    void everyRfc8448MessageReencodesByteForByte(String label) throws TlsFatalAlertException {
        for (Bytes wire : RFC.handshakeMessages(label)) {
            HandshakeMessage m = HandshakeCodec.decode(wire);
            assertThat(HandshakeCodec.encode(m)).isEqualTo(wire);
            assertThat(m.type().code()).isEqualTo(wire.get(0));
        }
    }

    @Test
    void clientHelloOffersX25519WithTheRfcShareAndServerNameServer() throws TlsFatalAlertException {
        ClientHello ch = (ClientHello) HandshakeCodec.decode(RFC.handshakeMessages("ClientHello").getFirst());

        assertThat(ch.legacyVersion()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(ch.random()).isEqualTo(Bytes.fromHex(
                "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7"));
        assertThat(ch.legacySessionId()).isEqualTo(Bytes.EMPTY);
        assertThat(ch.cipherSuites()).containsExactly(CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);
        assertThat(ch.legacyCompressionMethods()).isEqualTo(ClientHello.NULL_COMPRESSION);

        Extensions ext = ch.extensions();
        assertThat(ext.types()).containsExactly(ExtensionType.SERVER_NAME, ExtensionType.RENEGOTIATION_INFO,
                ExtensionType.SUPPORTED_GROUPS, ExtensionType.SESSION_TICKET, ExtensionType.KEY_SHARE,
                ExtensionType.SUPPORTED_VERSIONS, ExtensionType.SIGNATURE_ALGORITHMS,
                ExtensionType.PSK_KEY_EXCHANGE_MODES, ExtensionType.RECORD_SIZE_LIMIT);
        assertThat(ext.find(ServerNameExt.class)).contains(ServerNameExt.of("server"));
        assertThat(ext.find(KeyShareClientExt.class).orElseThrow().entries()).containsExactly(
                new KeyShareEntry(NamedGroup.X25519, Bytes.fromHex(
                        "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c")));
        assertThat(ext.find(SupportedVersionsClientExt.class).orElseThrow().versions())
                .containsExactly(ProtocolVersion.TLS13);
        assertThat(ext.find(SupportedGroupsExt.class).orElseThrow().groups()).startsWith(
                NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1,
                NamedGroup.FFDHE2048, FFDHE3072).hasSize(9);
        assertThat(ext.find(SignatureAlgorithmsExt.class).orElseThrow().schemes())
                .startsWith(SignatureScheme.ECDSA_SECP256R1_SHA256).hasSize(15);
        assertThat(ext.find(PskKeyExchangeModesExt.class).orElseThrow().modes())
                .containsExactly(PskKeyExchangeModesExt.PSK_DHE_KE);
        assertThat(ext.find(RecordSizeLimitExt.class)).contains(new RecordSizeLimitExt(0x4001));
        // The TLS 1.2 extensions of a ClientHello are parsed (the client offers TLS 1.2 compatibility).
        assertThat(ext.get(ExtensionType.RENEGOTIATION_INFO)).contains(RenegotiationInfoExt.INITIAL);
        assertThat(ext.get(ExtensionType.SESSION_TICKET)).contains(SessionTicketExt.EMPTY);
    }

    @Test
    void clientHelloPrintsItsKeyFields() throws TlsFatalAlertException {
        String text = HandshakeCodec.decode(RFC.handshakeMessages("ClientHello").getFirst()).toString();

        assertThat(text).startsWith("ClientHello[version=TLSv1.2, random=cb34ecb1..")
                .contains("suites=[TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_256_GCM_SHA384]")
                .contains("server_name=server", "key_share=[x25519(32 bytes)]", "supported_versions=[TLSv1.3]",
                        "renegotiation_info=(empty)", "psk_key_exchange_modes=[psk_dhe_ke]", "record_size_limit=16385");
    }

    @Test
    void serverHelloSelectsX25519AndTls13() throws TlsFatalAlertException {
        ServerHello sh = (ServerHello) HandshakeCodec.decode(RFC.handshakeMessages("ServerHello").getFirst());

        assertThat(sh.random()).isEqualTo(Bytes.fromHex(
                "a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928"));
        assertThat(sh.cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(sh.legacyCompressionMethod()).isZero();
        assertThat(sh.extensions().list()).containsExactly(
                new KeyShareServerExt(new KeyShareEntry(NamedGroup.X25519, Bytes.fromHex(
                        "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f"))),
                new SupportedVersionsServerExt(ProtocolVersion.TLS13));
    }

    @Test
    void encryptedExtensionsAcknowledgeServerNameAndCarryGroupsAndRecordSizeLimit() throws TlsFatalAlertException {
        EncryptedExtensions ee = (EncryptedExtensions) HandshakeCodec.decode(RFC.handshakeMessages("EncryptedExtensions").getFirst());

        assertThat(ee.extensions().types()).containsExactly(ExtensionType.SUPPORTED_GROUPS,
                ExtensionType.RECORD_SIZE_LIMIT, ExtensionType.SERVER_NAME);
        assertThat(ee.extensions().find(ServerNameExt.class)).contains(ServerNameExt.ACKNOWLEDGED);
        assertThat(ee.extensions().find(RecordSizeLimitExt.class)).contains(new RecordSizeLimitExt(0x4001));
    }

    @Test
    void certificateCarriesOneRsaCertificateWithoutExtensions() throws TlsFatalAlertException {
        Certificate13 cert = (Certificate13) HandshakeCodec.decode(RFC.handshakeMessages("Certificate").getFirst());

        assertThat(cert.context()).isEqualTo(Bytes.EMPTY);
        assertThat(cert.entries()).hasSize(1);
        CertificateEntry entry = cert.entries().getFirst();
        assertThat(entry.certData().length()).isEqualTo(0x1b0);
        assertThat(entry.certData().slice(0, 4)).isEqualTo(Bytes.fromHex("308201ac"));
        assertThat(entry.extensions().isEmpty()).isTrue();
    }

    @Test
    void certificateVerifyUsesRsaPssRsaeSha256() throws TlsFatalAlertException {
        CertificateVerify cv = (CertificateVerify) HandshakeCodec.decode(RFC.handshakeMessages("CertificateVerify").getFirst());

        assertThat(cv.scheme()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(cv.signature().length()).isEqualTo(128);
        assertThat(cv.signature().slice(0, 4)).isEqualTo(Bytes.fromHex("5a747c5d"));
    }

    @Test
    void finishedBodiesAreTheRfcVerifyData() throws TlsFatalAlertException {
        List<Bytes> finished = RFC.handshakeMessages("Finished");

        assertThat(HandshakeCodec.decode(finished.get(0))).isEqualTo(Finished.of(Bytes.fromHex(
                "9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718")));
        assertThat(HandshakeCodec.decode(finished.get(1))).isEqualTo(Finished.of(Bytes.fromHex(
                "a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61")));
    }

    @Test
    void newSessionTicketAllowsEarlyDataOf1024Bytes() throws TlsFatalAlertException {
        NewSessionTicket13 nst = (NewSessionTicket13) HandshakeCodec.decode(RFC.handshakeMessages("NewSessionTicket").getFirst());

        assertThat(nst.lifetime()).isEqualTo(30);
        assertThat(nst.ageAdd()).isEqualTo(0xfad6aac5L);
        assertThat(nst.nonce()).isEqualTo(Bytes.fromHex("0000"));
        assertThat(nst.ticket().length()).isEqualTo(0xb2);
        assertThat(nst.extensions().list()).containsExactly(new EarlyDataExt(OptionalLong.of(1024)));
    }
}
