package org.tlsj.testkit.hostile;

import static org.tlsj.testkit.hostile.Hostile.HS_SERVER;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.Reason.PeerMisbehaved;
import org.tlsj.certs.KeyType;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateEntry;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.EncryptedExtensions;
import org.tlsj.internal.message.ExtendedMasterSecretExt;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.internal.message.KeyShareEntry;
import org.tlsj.internal.message.KeyShareHrrExt;
import org.tlsj.internal.message.KeyShareServerExt;
import org.tlsj.internal.message.RenegotiationInfoExt;
import org.tlsj.internal.message.ServerHello;
import org.tlsj.internal.message.ServerNameExt;
import org.tlsj.internal.message.SupportedVersionsServerExt;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPki;

/** A lying server against our TLS 1.3 client: each case asserts the exact alert and reason. */
class AttacksOnClientTest {
    private static final int ENCRYPTED_EXTENSIONS = 8;
    private static final int CERTIFICATE = 11;
    private static final int CERTIFICATE_VERIFY = 15;
    private static final int FINISHED = 20;
    /** About 1 KiB: 100 of them exceed the default 64 KiB handshake message bound. */
    private static final byte[] RSA_LEAF_DER = rsaLeafDer();

    /** One attack: what the lying server does to a fresh client. */
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
                // ---- plaintext phase: hand-built ServerHellos -------------------------------------------
                new Case("ServerHello duplicated", () -> {
                    ScriptedPeer p = honest();
                    byte[] sh = Records.record(Records.HANDSHAKE, ScriptedPeer.handshakeStream(p.takeFromHonest(), false));
                    p.send(sh);
                    return p.send(sh);
                }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("X25519 share of 31 bytes", () -> serverHello(fresh(),
                        new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[31]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("X25519 all-zero share", () -> serverHello(fresh(),
                        new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[32]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("P-256 point not on the curve", () -> serverHello(
                        ScriptedPeer.againstClient(Hostile.client().keyShareGroups(List.of(NamedGroup.SECP256R1)), "localhost"),
                        new KeyShareEntry(NamedGroup.SECP256R1, offCurvePoint())),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("ML-KEM ciphertext one byte short", () -> serverHello(
                        ScriptedPeer.againstClient(Hostile.client().groups(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519))
                                .keyShareGroups(List.of(NamedGroup.X25519MLKEM768)), "localhost"),
                        new KeyShareEntry(NamedGroup.X25519MLKEM768, Bytes.of(new byte[1088 + 32 - 1]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP256r1MLKEM768 ciphertext one byte short", () -> serverHello(
                        againstClientSharing(NamedGroup.SECP256R1MLKEM768),
                        new KeyShareEntry(NamedGroup.SECP256R1MLKEM768, Bytes.of(new byte[65 + 1088 - 1]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP256r1MLKEM768 with the server's P-256 point off the curve", () -> serverHello(
                        againstClientSharing(NamedGroup.SECP256R1MLKEM768),
                        new KeyShareEntry(NamedGroup.SECP256R1MLKEM768, offCurvePoint().concat(Bytes.of(new byte[1088])))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("SecP384r1MLKEM1024 all-zero server share", () -> serverHello(
                        againstClientSharing(NamedGroup.SECP384R1MLKEM1024),
                        new KeyShareEntry(NamedGroup.SECP384R1MLKEM1024, Bytes.of(new byte[97 + 1568]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("MLKEM768 ciphertext one byte long", () -> serverHello(
                        againstClientSharing(NamedGroup.MLKEM768),
                        new KeyShareEntry(NamedGroup.MLKEM768, Bytes.of(new byte[1088 + 1]))),
                        AlertDescription.ILLEGAL_PARAMETER, InvalidMessage.BAD_KEY_SHARE),
                new Case("unknown extension in ServerHello", () -> serverHelloWith(fresh(),
                        e -> e.append(new UnknownExt(new ExtensionType(0x7a7a), Bytes.EMPTY))),
                        AlertDescription.UNSUPPORTED_EXTENSION, PeerMisbehaved.UNSOLICITED_EXTENSION),
                new Case("duplicate extension in ServerHello", () -> serverHelloWith(fresh(),
                        e -> e.append(new SupportedVersionsServerExt(ProtocolVersion.TLS13))),
                        AlertDescription.DECODE_ERROR, InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO),
                new Case("server_name in ServerHello (wrong message)", () -> serverHelloWith(fresh(),
                        e -> e.append(ServerNameExt.ACKNOWLEDGED)),
                        AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.EXTENSION_NOT_ALLOWED),
                new Case("extension length overruns its block", () -> {
                    ScriptedPeer p = fresh();
                    byte[] m = Records.handshake(validServerHello(p.clientHello()));
                    m[m.length - 32 - 2 - 2 - 1] += 5; // key_share extension length, inflated
                    return p.sendRecord(Records.HANDSHAKE, m);
                }, AlertDescription.DECODE_ERROR, InvalidMessage.TRUNCATED),
                new Case("handshake length field one short", () -> {
                    ScriptedPeer p = fresh();
                    byte[] m = Records.handshake(validServerHello(p.clientHello()));
                    m[3]--;
                    return p.sendRecord(Records.HANDSHAKE, m);
                }, AlertDescription.DECODE_ERROR, InvalidMessage.TRUNCATED),
                new Case("truncated ServerHello", () -> {
                    ScriptedPeer p = fresh();
                    byte[] m = Records.handshake(validServerHello(p.clientHello()));
                    byte[] cut = Arrays.copyOf(m, 40);
                    cut[3] = 36;
                    return p.sendRecord(Records.HANDSHAKE, cut);
                }, AlertDescription.DECODE_ERROR, InvalidMessage.TRUNCATED),
                new Case("handshake message claiming 2^24-1 bytes", () -> fresh()
                        .sendRecord(Records.HANDSHAKE, Records.handshakeHeader(2, 0xffffff)),
                        AlertDescription.DECODE_ERROR, InvalidMessage.MESSAGE_TOO_LARGE),
                new Case("TLS 1.2 ServerHello with the TLS 1.3 downgrade sentinel", () -> {
                    ScriptedPeer p = ScriptedPeer.againstClient(Hostile.client()
                            .versions(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12))
                            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
                                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)), "localhost");
                    byte[] random = new byte[32];
                    byte[] sentinel = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01};
                    System.arraycopy(sentinel, 0, random, 24, 8);
                    return p.send(Records.handshakeRecord(new ServerHello(ProtocolVersion.TLS12, Bytes.of(random),
                            p.clientHello().legacySessionId(), CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0,
                            Extensions.of(new ExtendedMasterSecretExt(), RenegotiationInfoExt.INITIAL))));
                }, AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.DOWNGRADE_SENTINEL),
                new Case("second HelloRetryRequest", () -> {
                    ScriptedPeer p = fresh();
                    byte[] hrr = hrr(p.clientHello(), NamedGroup.SECP256R1);
                    p.send(hrr);
                    return p.send(hrr);
                }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.SECOND_HRR),
                new Case("HelloRetryRequest followed by part of another message in its record", () -> {
                    ScriptedPeer p = fresh();
                    byte[] m = Records.handshake(HelloRetryRequest.of(p.clientHello().legacySessionId(),
                            CipherSuite.TLS_AES_128_GCM_SHA256, Extensions.of(
                                    new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                                    new KeyShareHrrExt(NamedGroup.SECP256R1))));
                    byte[] body = java.util.Arrays.copyOf(m, m.length + 10);
                    System.arraycopy(m, 0, body, m.length, 10);
                    return p.sendRecord(Records.HANDSHAKE, body);
                }, AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.EXCESS_HANDSHAKE_DATA),
                new Case("HelloRetryRequest for an unoffered group", () -> {
                    ScriptedPeer p = fresh();
                    return p.send(hrr(p.clientHello(), NamedGroup.SECP384R1));
                }, AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.SELECTED_UNOFFERED_GROUP),
                new Case("change_cipher_spec with body 0x02", () -> fresh()
                        .sendRecord(Records.CHANGE_CIPHER_SPEC, new byte[] {2}),
                        AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.BAD_CHANGE_CIPHER_SPEC),
                new Case("record over 2^14+256 bytes", () -> fresh()
                        .sendRecord(Records.HANDSHAKE, new byte[(1 << 14) + 257]),
                        AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
                new Case("plaintext record over 2^14 bytes", () -> fresh()
                        .sendRecord(Records.HANDSHAKE, new byte[(1 << 14) + 1]),
                        AlertDescription.RECORD_OVERFLOW, InvalidMessage.RECORD_TOO_LARGE),
                new Case("record version 0x0103", () -> fresh()
                        .send(Records.record(Records.HANDSHAKE, 0x0103, 4, new byte[4])),
                        AlertDescription.PROTOCOL_VERSION, InvalidMessage.BAD_RECORD_VERSION),
                new Case("unknown content type", () -> fresh().sendRecord(99, new byte[1]),
                        AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.UNKNOWN_CONTENT_TYPE),
                new Case("empty handshake record", () -> fresh().sendRecord(Records.HANDSHAKE, new byte[0]),
                        AlertDescription.UNEXPECTED_MESSAGE, InvalidMessage.EMPTY_HANDSHAKE_RECORD),
                new Case("application data before the handshake", () -> fresh()
                        .sendRecord(Records.APPLICATION_DATA, new byte[8]),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.EARLY_APPLICATION_DATA),
                // ---- protected phase: a real server's flight, opened and changed -------------------------
                new Case("Finished before Certificate", () -> rewrite(ms -> List.of(ms.get(0), ms.get(3), ms.get(1), ms.get(2))),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("no CertificateVerify", () -> rewrite(ms -> without(ms, CERTIFICATE_VERIFY)),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("no Certificate", () -> rewrite(ms -> without(ms, CERTIFICATE)),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("no EncryptedExtensions", () -> rewrite(ms -> without(ms, ENCRYPTED_EXTENSIONS)),
                        AlertDescription.UNEXPECTED_MESSAGE, PeerMisbehaved.UNEXPECTED_MESSAGE),
                new Case("key_share in EncryptedExtensions (wrong message)", () -> rewrite(ms -> replace(ms, ENCRYPTED_EXTENSIONS,
                        Records.handshake(new EncryptedExtensions(Extensions.of(
                                new KeyShareServerExt(new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[32])))))))),
                        AlertDescription.ILLEGAL_PARAMETER, PeerMisbehaved.EXTENSION_NOT_ALLOWED),
                new Case("server Certificate with a certificate_request_context", () -> rewrite(ms -> {
                    byte[] cert = find(ms, CERTIFICATE).toArray();
                    byte[] rest = Arrays.copyOfRange(cert, 5, cert.length); // after the header and the empty context
                    return replace(ms, CERTIFICATE, Records.concat(Records.handshakeHeader(CERTIFICATE, rest.length + 2),
                            new byte[] {1, 42}, rest));
                }), AlertDescription.DECODE_ERROR, PeerMisbehaved.CONTEXT_NOT_EMPTY),
                new Case("Finished one byte too long", () -> rewrite(ms -> replace(ms, FINISHED,
                        Records.concat(Records.handshakeHeader(FINISHED, 33), new byte[33]))),
                        AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
                new Case("Finished one bit off", () -> rewrite(ms -> {
                    byte[] fin = find(ms, FINISHED).toArray();
                    fin[fin.length - 1] ^= 1;
                    return replace(ms, FINISHED, fin);
                }), AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_FINISHED),
                new Case("CertificateVerify signed by the wrong key", () -> {
                    CertifiedKey lying = new CertifiedKey(Hostile.SERVER_KEY.chain(), Hostile.OTHER_KEY.privateKey());
                    ScriptedPeer p = fresh().withHonestServer(TestPki.server(lying)
                            .versions(List.of(ProtocolVersion.TLS13)).cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)));
                    p.relayToHonest();
                    return p.relayToVictim();
                }, AlertDescription.DECRYPT_ERROR, PeerMisbehaved.BAD_SIGNATURE),
                new Case("certificate chain 100 deep (over the 64 KiB message bound)", () -> rewrite(ms -> {
                    Bytes leaf = Bytes.of(RSA_LEAF_DER);
                    List<CertificateEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        entries.add(CertificateEntry.of(leaf));
                    }
                    return replace(ms, CERTIFICATE, Records.handshake(new Certificate13(Bytes.EMPTY, entries)));
                }), AlertDescription.DECODE_ERROR, InvalidMessage.MESSAGE_TOO_LARGE),
                new Case("certificate chain 100 deep (small EC certificates, under the message bound)",
                        () -> rewrite(ms -> {
                    Bytes leaf = Bytes.wrap(encoded(Hostile.SERVER_KEY.leaf()));
                    List<CertificateEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        entries.add(CertificateEntry.of(leaf));
                    }
                    return replace(ms, CERTIFICATE, Records.handshake(new Certificate13(Bytes.EMPTY, entries)));
                }), AlertDescription.BAD_CERTIFICATE, org.tlsj.Reason.CertificateProblem.CHAIN_TOO_LONG));
    }

    private static byte[] encoded(java.security.cert.X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void clientAbortsWithTheExactAlert(Case c) throws Exception {
        assertAborted(c.attack().run(), c.alert(), c.reason());
    }

    // ---- building blocks --------------------------------------------------------------------------------

    private static ScriptedPeer fresh() {
        return ScriptedPeer.againstClient(Hostile.client(), "localhost");
    }

    private static ScriptedPeer honest() {
        ScriptedPeer p = fresh().withHonestServer(Hostile.server());
        p.relayToHonest();
        return p;
    }

    /** Runs a real server's first flight through {@code f} (over its protected messages) into the client. */
    private static ScriptedPeer rewrite(UnaryOperator<List<Bytes>> f) {
        ScriptedPeer p = honest();
        List<Records.Record> flight = p.takeFromHonest();
        p.sendRecord(Records.HANDSHAKE, ScriptedPeer.handshakeStream(flight, false));
        List<Bytes> messages = f.apply(Records.messages(ScriptedPeer.handshakeStream(flight, true)));
        return p.sendProtectedHandshake(HS_SERVER, Records.concat(messages.stream().map(Bytes::toArray).toArray(byte[][]::new)));
    }

    private static List<Bytes> without(List<Bytes> ms, int type) {
        return ms.stream().filter(m -> Records.typeOf(m) != type).toList();
    }

    private static Bytes find(List<Bytes> ms, int type) {
        return ms.stream().filter(m -> Records.typeOf(m) == type).findFirst().orElseThrow();
    }

    private static List<Bytes> replace(List<Bytes> ms, int type, byte[] with) {
        return ms.stream().map(m -> Records.typeOf(m) == type ? Bytes.of(with) : m).toList();
    }

    private static byte[] rsaLeafDer() {
        try {
            return Hostile.PKI.server(KeyType.RSA_3072).leaf().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerHello validServerHello(ClientHello ch) {
        return ServerHello.of(Bytes.of(new byte[32]), ch.legacySessionId(), CipherSuite.TLS_AES_128_GCM_SHA256,
                Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13),
                        new KeyShareServerExt(new KeyShareEntry(NamedGroup.X25519, Bytes.of(new byte[32])))));
    }

    /** A scripted server facing a client that offers only {@code group}, with a share for it. */
    private static ScriptedPeer againstClientSharing(NamedGroup group) {
        return ScriptedPeer.againstClient(Hostile.client().groups(List.of(group)), "localhost");
    }

    private static ScriptedPeer serverHello(ScriptedPeer p, KeyShareEntry share) {
        ServerHello sh = validServerHello(p.clientHello());
        return p.send(Records.handshakeRecord(sh.withExtensions(sh.extensions().with(new KeyShareServerExt(share)))));
    }

    private static ScriptedPeer serverHelloWith(ScriptedPeer p, UnaryOperator<Extensions> f) {
        ServerHello valid = validServerHello(p.clientHello());
        ServerHello sh = valid.withExtensions(f.apply(valid.extensions()));
        return p.send(Records.handshakeRecord(sh));
    }

    private static byte[] hrr(ClientHello ch, NamedGroup group) {
        return Records.handshakeRecord(HelloRetryRequest.of(ch.legacySessionId(), CipherSuite.TLS_AES_128_GCM_SHA256,
                Extensions.of(new SupportedVersionsServerExt(ProtocolVersion.TLS13), new KeyShareHrrExt(group))));
    }

    /** An uncompressed P-256 point (1, 1): not on the curve. */
    private static Bytes offCurvePoint() {
        byte[] p = new byte[65];
        p[0] = 4;
        p[32] = 1;
        p[64] = 1;
        return Bytes.of(p);
    }
}
