package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.HS_CLIENT;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsException;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.KeyShareClientExt;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPki;

/** A lying client against our TLS 1.3 server: each case asserts the exact alert and reason. */
class AttacksOnServerTest {
    private static final int CERTIFICATE_VERIFY = 15;

    /** One attack: what the lying client does to a fresh server. */
    interface Attack {
        ScriptedPeer run() throws Exception;
    }

    record Case(String name, Attack attack, AlertDescription alert, Reason reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("X25519 share of 31 bytes", () -> hello(Hostile.client(), ch -> withShare(ch,
                        new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[31])))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("X25519 all-zero share", () -> hello(Hostile.client(), ch -> withShare(ch,
                        new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[32])))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("P-256 point not on the curve", () -> hello(Hostile.client(), ch -> withShare(ch,
                        new KeyShareEntry(NamedGroup.SECP256R1, offCurvePoint()))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("P-521 point not on the curve, server accepting secp521r1", () -> hello(
                        Hostile.server().groups(List.of(NamedGroup.X25519, NamedGroup.SECP521R1)),
                        Hostile.client().groups(List.of(NamedGroup.SECP521R1)), ch -> withShare(ch,
                                new KeyShareEntry(NamedGroup.SECP521R1, offCurveP521Point()))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("ML-KEM encapsulation key one byte short", () -> hello(
                        Hostile.client().groups(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519))
                                .keyShareGroups(List.of(NamedGroup.X25519MLKEM768)),
                        ch -> withShare(ch, new KeyShareEntry(NamedGroup.X25519MLKEM768, Bytes.of(new byte[1184 + 32 - 1])))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP256r1MLKEM768 share one byte short", () -> hybridHello(NamedGroup.SECP256R1MLKEM768,
                        Bytes.of(new byte[65 + 1184 - 1])),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP256r1MLKEM768 with its P-256 point off the curve", () -> hybridHello(
                        NamedGroup.SECP256R1MLKEM768, offCurvePoint().concat(Bytes.of(new byte[1184]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP384r1MLKEM1024 all-zero share", () -> hybridHello(NamedGroup.SECP384R1MLKEM1024,
                        Bytes.of(new byte[97 + 1568])),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("MLKEM1024 encapsulation key with coefficients over q", () -> hello(
                        Hostile.server().groups(List.of(NamedGroup.MLKEM1024)),
                        Hostile.client().groups(List.of(NamedGroup.MLKEM1024)), ch -> withShare(ch,
                                new KeyShareEntry(NamedGroup.MLKEM1024, allOnes(1568)))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("MLKEM768 share of the ML-KEM-1024 size", () -> hello(
                        Hostile.server().groups(List.of(NamedGroup.MLKEM768)),
                        Hostile.client().groups(List.of(NamedGroup.MLKEM768)), ch -> withShare(ch,
                                new KeyShareEntry(NamedGroup.MLKEM768, Bytes.of(new byte[1568])))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("key share for a group not in supported_groups", () -> hello(Hostile.client(), ch -> ch.withExtensions(
                        ch.extensions().with(new SupportedGroupsExt(List.of(NamedGroup.SECP256R1))))),
                        AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SHARE_FOR_UNSUPPORTED_GROUP),
                new Case("duplicate extension in ClientHello", () -> hello(Hostile.client(), ch -> ch.withExtensions(
                        ch.extensions().append(new SupportedGroupsExt(List.of(NamedGroup.X25519))))),
                        AlertDescription.DECODE_ERROR, InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO),
                new Case("TLS 1.3 ClientHello offering compression", () -> hello(Hostile.client(),
                        ch -> ch.withLegacyCompressionMethods(Bytes.of(new byte[] {1, 0}))),
                        AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.COMPRESSION_OFFERED),
                new Case("extension block length overruns the message", () -> raw(m -> {
                    m[extensionsLengthOffset(m) + 1] += 1;
                    return m;
                }), AlertDescription.DECODE_ERROR, InvalidMessage.TRUNCATED),
                new Case("ClientHello followed by part of another message in its record", () -> raw(m -> {
                    byte[] out = java.util.Arrays.copyOf(m, m.length + 10);
                    System.arraycopy(m, 0, out, m.length, 10);
                    return out;
                }), AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.EXCESS_HANDSHAKE_DATA),
                new Case("handshake length field one short", () -> raw(m -> {
                    m[3]--;
                    return m;
                }), AlertDescription.DECODE_ERROR, InvalidMessage.TRUNCATED),
                new Case("ClientHello claiming 2^24-1 bytes", () -> fresh()
                        .sendRecord(Records.HANDSHAKE, Records.handshakeHeader(1, 0xffffff)),
                        AlertDescription.DECODE_ERROR, InvalidMessage.MESSAGE_TOO_LARGE),
                new Case("change_cipher_spec before ClientHello", () -> fresh()
                        .sendRecord(Records.CHANGE_CIPHER_SPEC, new byte[] {1}),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC),
                new Case("record over 2^14+256 bytes", () -> fresh()
                        .sendRecord(Records.HANDSHAKE, new byte[(1 << 14) + 257]),
                        AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
                new Case("second ClientHello without HelloRetryRequest", () -> {
                    ScriptedPeer p = fresh().withHonestClient(Hostile.client(), "localhost");
                    byte[] ch = reframe(p.takeFromHonest());
                    p.send(ch);
                    return p.send(ch);
                }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("client Finished one bit off", () -> clientFlight(Hostile.client(), Hostile.server(), ms -> {
                    byte[] fin = ms.getLast().toArray();
                    fin[fin.length - 1] ^= 1;
                    return List.of(Bytes.of(fin));
                }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
                new Case("no client CertificateVerify", () -> clientFlight(Hostile.clientWithCertificate(),
                        Hostile.mutualServer(), ms -> ms.stream().filter(m -> Records.typeOf(m) != CERTIFICATE_VERIFY).toList()),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("client Finished before Certificate", () -> clientFlight(Hostile.clientWithCertificate(),
                        Hostile.mutualServer(), ms -> List.of(ms.get(2), ms.get(0), ms.get(1))),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("client CertificateVerify signed by the wrong key", () -> clientFlight(
                        Hostile.client().certificates(List.of(new CertifiedKey(Hostile.CLIENT_KEY.chain(),
                                Hostile.OTHER_KEY.privateKey()))), Hostile.mutualServer(), UnaryOperator.identity()),
                        AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_SIGNATURE),
                new Case("client CertificateVerify with a scheme the server does not accept", () -> clientFlight(
                        Hostile.client().certificates(List.of(rsaClientKey())),
                        Hostile.mutualServer().clientSignatureSchemes(List.of(SignatureScheme.RSA_PSS_RSAE_SHA256)),
                        ms -> ms.stream().map(m -> Records.typeOf(m) == CERTIFICATE_VERIFY
                                ? withScheme(m, SignatureScheme.ECDSA_SECP256R1_SHA256) : m).toList()),
                        AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SIGNATURE_SCHEME_NOT_OFFERED),
                new Case("no client certificate where one is required", () -> clientFlight(Hostile.client(),
                        Hostile.mutualServer(), UnaryOperator.identity()),
                        AlertDescription.CERTIFICATE_REQUIRED, PeerMisbehaved.CERTIFICATE_REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serverAbortsWithTheExactAlert(Case c) throws Exception {
        assertAborted(c.attack().run(), c.alert(), c.reason());
    }

    /** RFC 8446 section 5: a CCS of 0x01 before the peer's Finished is dropped, however many (up to the flood bound). */
    @org.junit.jupiter.api.Test
    void compatibilityChangeCipherSpecTwiceIsDropped() {
        ScriptedPeer p = ScriptedPeer.againstServer(Hostile.server()).withHonestClient(Hostile.client(), "localhost");
        p.send(reframe(p.takeFromHonest()));
        p.sendRecord(Records.CHANGE_CIPHER_SPEC, new byte[] {1});
        p.sendRecord(Records.CHANGE_CIPHER_SPEC, new byte[] {1});
        assertThat(p.failure()).isEmpty();
        p.relayToHonest();
        p.relayToVictim();
        assertThat(p.failure()).isEmpty();
        assertThat(p.victim().status()).isEqualTo(org.tlsj.ConnectionStatus.ESTABLISHED);
    }

    private static ScriptedPeer fresh() {
        return ScriptedPeer.againstServer(Hostile.server());
    }

    /** Sends an honest client's ClientHello, changed by {@code f}. */
    private static ScriptedPeer hello(ClientConfig.Builder client, UnaryOperator<ClientHello> f) throws TlsException {
        return hello(Hostile.server(), client, f);
    }

    /** Sends an honest client's ClientHello, changed by {@code f}, to a server with this config. */
    private static ScriptedPeer hello(ServerConfig.Builder server, ClientConfig.Builder client,
                                      UnaryOperator<ClientHello> f) throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(server).withHonestClient(client, "localhost");
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
        return p.send(Records.handshakeRecord(f.apply(ch)));
    }

    /** Sends an honest client's ClientHello message bytes, changed by {@code f}. */
    private static ScriptedPeer raw(UnaryOperator<byte[]> f) {
        ScriptedPeer p = fresh().withHonestClient(Hostile.client(), "localhost");
        return p.sendRecord(Records.HANDSHAKE, f.apply(ScriptedPeer.handshakeStream(p.takeFromHonest(), false)));
    }

    private static int extensionsLengthOffset(byte[] m) {
        int at = 4 + 2 + 32;
        at += 1 + (m[at] & 0xff);
        at += 2 + (((m[at] & 0xff) << 8) | (m[at + 1] & 0xff));
        at += 1 + (m[at] & 0xff);
        return at;
    }

    /** A ClientHello whose only key share, for a hybrid the default server takes, is {@code share}. */
    private static ScriptedPeer hybridHello(NamedGroup group, Bytes share) throws TlsException {
        return hello(Hostile.client().groups(List.of(group)), ch -> withShare(ch, new KeyShareEntry(group, share)));
    }

    /** Bytes of 0xff: as an ML-KEM encapsulation key, coefficients 4095, over q = 3329. */
    private static Bytes allOnes(int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) 0xff);
        return Bytes.of(b);
    }

    private static ClientHello withShare(ClientHello ch, KeyShareEntry share) {
        return ch.withExtensions(ch.extensions().with(KeyShareClientExt.of(share)));
    }

    /** A real handshake up to the client's second flight, whose protected messages {@code f} changes. */
    private static ScriptedPeer clientFlight(ClientConfig.Builder client, ServerConfig.Builder server,
                                             UnaryOperator<List<Bytes>> f) {
        ScriptedPeer p = ScriptedPeer.againstServer(server).withHonestClient(client, "localhost");
        p.send(reframe(p.takeFromHonest()));
        p.relayToHonest();
        List<Bytes> ms = f.apply(Records.messages(ScriptedPeer.handshakeStream(p.takeFromHonest(), true)));
        return p.sendProtectedHandshake(HS_CLIENT, Records.concat(ms.stream().map(Bytes::toArray).toArray(byte[][]::new)));
    }

    /** Plaintext records again, as they were on the wire. */
    private static byte[] reframe(List<Records.Record> records) {
        return Records.concat(records.stream().map(r -> Records.record(r.type(), r.body().toArray())).toArray(byte[][]::new));
    }

    /** A client certificate with an RSA key, which signs rsa_pss_rsae_* in TLS 1.3. */
    private static CertifiedKey rsaClientKey() {
        return CertificateMinter.leaf(Hostile.PKI.ca(), "alice", List.of(), KeyType.RSA_2048,
                TestPki.NOW.minusSeconds(3600), TestPki.NOW.plusSeconds(3600), EnumSet.of(Usage.CLIENT))
                .withChain(Hostile.PKI.ca());
    }

    /** A CertificateVerify message naming another scheme (its signature unchanged). */
    private static Bytes withScheme(Bytes certificateVerify, SignatureScheme scheme) {
        byte[] m = certificateVerify.toArray();
        m[4] = (byte) (scheme.code() >> 8);
        m[5] = (byte) scheme.code();
        return Bytes.of(m);
    }

    /** (1, 1) on P-521: 1 is not 1 + a + b modulo p. */
    private static Bytes offCurveP521Point() {
        byte[] p = new byte[133];
        p[0] = 4;
        p[66] = 1;
        p[132] = 1;
        return Bytes.of(p);
    }

    private static Bytes offCurvePoint() {
        byte[] p = new byte[65];
        p[0] = 4;
        p[32] = 1;
        p[64] = 1;
        return Bytes.of(p);
    }
}
