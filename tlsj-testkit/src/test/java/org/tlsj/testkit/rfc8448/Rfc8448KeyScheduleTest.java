package org.tlsj.testkit.rfc8448;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tlsj.NamedGroup;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.KeySchedule13.EarlySecret;
import org.tlsj.internal.keyschedule.KeySchedule13.HandshakeSecret;
import org.tlsj.internal.keyschedule.KeySchedule13.MasterSecret;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.record.RecordProtection13;
import org.tlsj.Bytes;
import org.tlsj.testkit.Rfc8448;
import org.tlsj.testkit.ScriptedRandom;

/** RFC 8448 section 3: every secret, key and protected record of the simple 1-RTT handshake. */
class Rfc8448KeyScheduleTest {
    private static final Rfc8448 RFC = Rfc8448.load();
    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;

    private final CryptoProvider crypto = JcaCryptoProvider.create(new ScriptedRandom(1)
            .then(RFC.get("client", "create an ephemeral x25519 key pair", "private key")));

    private static Bytes msg(String party, String name) {
        return RFC.get(party, "construct a" + (name.startsWith("E") ? "n " : " ") + name, name);
    }

    private static Bytes hex(Secret s) {
        return Bytes.wrap(s.expose());
    }

    @Test
    void clientX25519ShareAndSharedSecretMatchTheRfc() throws Exception {
        KeyShare share = crypto.startKeyExchange(NamedGroup.X25519);
        assertThat(share.publicShare()).isEqualTo(RFC.get("client", "create an ephemeral x25519", "public key"));
        Secret shared = share.complete(RFC.get("server", "create an ephemeral x25519", "public key"));
        assertThat(hex(shared)).isEqualTo(RFC.get("server", "extract secret \"handshake\"", "IKM"));
    }

    @Test
    void everySecretOfTheKeyScheduleMatchesTheRfc() {
        Secret ecdhe = Secret.wrap(RFC.get("server", "extract secret \"handshake\"", "IKM").toArray());
        EarlySecret early = KeySchedule13.withoutPsk(crypto, SHA256);
        assertThat(hex(early.secret())).isEqualTo(RFC.get("server", "extract secret \"early\"", "secret"));

        HandshakeSecret hs = early.handshakeSecret(ecdhe);
        assertThat(hex(hs.secret())).isEqualTo(RFC.get("server", "extract secret \"handshake\"", "secret"));

        Transcript t = Transcript.buffering().add(msg("client", "ClientHello")).add(msg("server", "ServerHello"))
                .withHash(crypto, SHA256);
        assertThat(t.current()).isEqualTo(RFC.get("server", "derive secret \"tls13 c hs traffic\"", "hash"));
        Secret clientHs = hs.clientHandshakeTrafficSecret(t.current());
        Secret serverHs = hs.serverHandshakeTrafficSecret(t.current());
        assertThat(hex(clientHs)).isEqualTo(RFC.get("server", "derive secret \"tls13 c hs traffic\"", "expanded"));
        assertThat(hex(serverHs)).isEqualTo(RFC.get("server", "derive secret \"tls13 s hs traffic\"", "expanded"));

        MasterSecret master = hs.masterSecret();
        assertThat(hex(master.secret())).isEqualTo(RFC.get("server", "extract secret \"master\"", "secret"));

        t = t.add(msg("server", "EncryptedExtensions")).add(msg("server", "Certificate"))
                .add(msg("server", "CertificateVerify"));
        assertThat(KeySchedule13.finishedVerifyData(crypto, SHA256, serverHs, t.current()))
                .isEqualTo(RFC.get("server", "calculate finished", "finished"));
        t = t.add(msg("server", "Finished"));
        assertThat(hex(master.clientApplicationTrafficSecret(t.current())))
                .isEqualTo(RFC.get("server", "derive secret \"tls13 c ap traffic\"", "expanded"));
        assertThat(hex(master.serverApplicationTrafficSecret(t.current())))
                .isEqualTo(RFC.get("server", "derive secret \"tls13 s ap traffic\"", "expanded"));
        assertThat(hex(master.exporterMasterSecret(t.current())))
                .isEqualTo(RFC.get("server", "derive secret \"tls13 exp master\"", "expanded"));

        assertThat(KeySchedule13.finishedVerifyData(crypto, SHA256, clientHs, t.current()))
                .isEqualTo(RFC.get("client", "calculate finished", "finished"));
        t = t.add(msg("client", "Finished"));
        assertThat(hex(master.resumptionMasterSecret(t.current())))
                .isEqualTo(RFC.get("client", "derive secret \"tls13 res master\"", "expanded"));
    }

    @Test
    void trafficKeysAndIvsMatchTheRfc() {
        Secret serverHs = Secret.wrap(RFC.get("server", "derive secret \"tls13 s hs traffic\"", "expanded").toArray());
        assertThat(hex(KeySchedule13.trafficKey(crypto, SHA256, serverHs, 16)))
                .isEqualTo(RFC.get("server", "derive write traffic keys for handshake data", "key expanded"));
        assertThat(hex(KeySchedule13.trafficIv(crypto, SHA256, serverHs, 12)))
                .isEqualTo(RFC.get("server", "derive write traffic keys for handshake data", "iv expanded"));
        Secret clientAp = Secret.wrap(RFC.get("server", "derive secret \"tls13 c ap traffic\"", "expanded").toArray());
        assertThat(hex(KeySchedule13.trafficKey(crypto, SHA256, clientAp, 16)))
                .isEqualTo(RFC.get("client", "derive write traffic keys for application data", "key expanded"));
    }

    @Test
    void sealedRecordsMatchTheRfcByteForByte() throws Exception {
        // The server's second handshake record is its encrypted flight (EncryptedExtensions..Finished).
        assertThat(seal("server", "derive write traffic keys for handshake data", 0, 22,
                RFC.all("server", "send handshake record", "payload").get(1)))
                .isEqualTo(RFC.all("server", "send handshake record", "complete record").get(1));
        assertThat(seal("server", "derive read traffic keys for handshake data", 0, 22,
                RFC.all("client", "send handshake record", "payload").getLast()))
                .isEqualTo(RFC.all("client", "send handshake record", "complete record").getLast());
        assertThat(seal("client", "derive write traffic keys for application data", 0, 23,
                RFC.get("client", "send application_data record", "payload")))
                .isEqualTo(RFC.get("client", "send application_data record", "complete record"));
        assertThat(seal("server", "derive write traffic keys for application data", 1, 23,
                RFC.get("server", "send application_data record", "payload")))
                .isEqualTo(RFC.get("server", "send application_data record", "complete record"));
        assertThat(seal("client", "derive write traffic keys for application data", 1, 21,
                RFC.get("client", "send alert record", "payload")))
                .isEqualTo(RFC.get("client", "send alert record", "complete record"));
    }

    @Test
    void openingAnRfcRecordGivesItsPlaintext() throws Exception {
        Bytes record = RFC.get("server", "send application_data record", "complete record");
        RecordProtection13 p = protection("client", "derive write traffic keys for application data");
        byte[] buf = record.toArray();
        // The server's application record is its second under that key (the ticket was first).
        RecordProtection13 server = protection("server", "derive write traffic keys for application data");
        byte[] skip = new byte[5 + 1 + 17];
        server.seal(23, skip, 0, 0);
        int n = server.open(buf, buf.length - 5);
        assertThat(Bytes.of(buf, 5, n - 1)).isEqualTo(RFC.get("server", "send application_data record", "payload"));
        assertThat(buf[5 + n - 1]).isEqualTo((byte) 23);
        assertThat(p.sequence()).isZero();
    }

    private RecordProtection13 protection(String party, String keyStep) {
        Secret key = Secret.wrap(RFC.get(party, keyStep, "key expanded").toArray());
        Secret iv = Secret.wrap(RFC.get(party, keyStep, "iv expanded").toArray());
        return new RecordProtection13(crypto.aead(AeadAlgorithm.AES_128_GCM, key), iv);
    }

    private Bytes seal(String party, String keyStep, int sequence, int type, Bytes payload) throws Exception {
        RecordProtection13 p = protection(party, keyStep);
        for (int i = 0; i < sequence; i++) {
            p.seal(23, new byte[5 + 1 + 16], 0, 0);
        }
        byte[] buf = new byte[5 + payload.length() + 1 + 16];
        payload.copyTo(buf, 5);
        int n = p.seal(type, buf, 0, payload.length());
        return Bytes.of(buf, 0, n);
    }
}
