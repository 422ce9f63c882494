package org.tlsj.testkit.rfc8448;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TicketKeys;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.Rfc8448;
import org.tlsj.testkit.ScriptedRandom;

/**
 * RFC 8448 section 3 from the server's side: fed the RFC's ClientHello with the RFC's randomness, our
 * server writes the RFC's ServerHello record and derives the RFC's secrets. (Its encrypted flight differs
 * from the RFC's on purpose: NSS also listed its supported_groups in EncryptedExtensions, and RSA-PSS
 * signatures are randomized.)
 */
class Rfc8448ServerReplayTest {
    private static final Rfc8448 RFC = Rfc8448.load();

    @Test
    void serverReproducesTheRfcServerHelloAndSecrets() throws Exception {
        Bytes serverHello = RFC.get("server", "construct a ServerHello", "ServerHello");
        Map<String, Bytes> logged = new HashMap<>();
        ServerConfig config = ServerConfig.builder(new CertifiedKey(List.of(RFC.serverCertificate()), RFC.serverRsaKey()))
                .crypto(JcaCryptoProvider.create(new ScriptedRandom(8448)
                        .then(RFC.get("server", "create an ephemeral x25519 key pair", "private key"))
                        .then(serverHello.slice(6, 38))))
                .keyLog((label, random, secret) -> logged.put(label, Bytes.wrap(secret.expose())))
                // fixed ticket keys, so the scripted randomness goes to the handshake alone
                .ticketKeys(TicketKeys.fromSecret(Secret.wrap(new byte[32]), Duration.ofHours(1)))
                .build();
        ServerConnection server = ServerConnection.accept(config);
        server.feed(ByteBuffer.wrap(RFC.get("client", "send handshake record", "complete record").toArray()));

        ByteBuffer out = ByteBuffer.allocate(8192);
        server.drainOutput(out);
        Bytes sent = Bytes.of(out.array(), 0, out.position());
        Bytes rfcRecord = RFC.all("server", "send handshake record", "complete record").getFirst();
        assertThat(sent.slice(0, rfcRecord.length())).isEqualTo(rfcRecord);
        assertThat(logged.get("SERVER_HANDSHAKE_TRAFFIC_SECRET"))
                .isEqualTo(RFC.get("server", "derive secret \"tls13 s hs traffic\"", "expanded"));
        assertThat(logged.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"))
                .isEqualTo(RFC.get("server", "derive secret \"tls13 c hs traffic\"", "expanded"));
    }
}
