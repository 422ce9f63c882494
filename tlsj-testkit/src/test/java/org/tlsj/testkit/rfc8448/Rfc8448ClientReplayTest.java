package org.tlsj.testkit.rfc8448;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ConnectionStatus;
import org.tlsj.NamedGroup;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.internal.engine.Engine;
import org.tlsj.Bytes;
import org.tlsj.pki.ChainChecks;
import org.tlsj.testkit.Rfc8448;
import org.tlsj.testkit.ScriptedRandom;

/**
 * RFC 8448 section 3 replayed through the real client engine with the RFC's randomness: fed the RFC's
 * server records, our client writes the RFC's Finished, application data and alert records byte for byte.
 */
class Rfc8448ClientReplayTest {
    private static final Rfc8448 RFC = Rfc8448.load();

    @Test
    void clientReproducesTheRfcRecordsByteForByte() throws Exception {
        Bytes clientHello = RFC.get("client", "construct a ClientHello", "ClientHello");
        X509Certificate rfcCert = RFC.serverCertificate();
        ClientConfig config = ClientConfig.builder()
                .crypto(JcaCryptoProvider.create(new ScriptedRandom(8448)
                        .then(RFC.get("client", "create an ephemeral x25519 key pair", "private key"))))
                .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_256_GCM_SHA384))
                .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1))
                .middleboxCompat(false)
                // The RFC's certificate (CN=rsa, no SAN) stands in for a CA-issued one: this check only
                // confirms it is that exact certificate.
                .verifier((chain, name, now) -> {
                    assertThat(chain).containsExactly(rfcCert);
                    return new ChainChecks(List.of("the RFC 8448 certificate"));
                })
                .build();
        Engine client = Engine.clientWithHello(config, "server", clientHello);
        assertThat(drain(client)).isEqualTo(RFC.get("client", "send handshake record", "complete record"));

        List<Bytes> serverRecords = RFC.all("server", "send handshake record", "complete record");
        client.feed(ByteBuffer.wrap(serverRecords.get(0).concat(serverRecords.get(1)).toArray()));
        assertThat(drain(client)).isEqualTo(RFC.all("client", "send handshake record", "complete record").getLast());
        assertThat(client.status()).isEqualTo(ConnectionStatus.ESTABLISHED);
        assertThat(client.session().orElseThrow().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);

        client.feed(ByteBuffer.wrap(serverRecords.get(2).toArray())); // NewSessionTicket
        client.write(ByteBuffer.wrap(RFC.get("client", "send application_data record", "payload").toArray()));
        assertThat(drain(client)).isEqualTo(RFC.get("client", "send application_data record", "complete record"));

        client.feed(ByteBuffer.wrap(RFC.get("server", "send application_data record", "complete record").toArray()));
        ByteBuffer received = ByteBuffer.allocate(100);
        client.read(received);
        assertThat(Bytes.of(received.array(), 0, received.position()))
                .isEqualTo(RFC.get("server", "send application_data record", "payload"));

        client.closeOutbound();
        assertThat(drain(client)).isEqualTo(RFC.get("client", "send alert record", "complete record"));
        client.feed(ByteBuffer.wrap(RFC.get("server", "send alert record", "complete record").toArray()));
        assertThat(client.status()).isEqualTo(ConnectionStatus.CLOSED);
    }

    private static Bytes drain(Engine e) {
        ByteBuffer out = ByteBuffer.allocate(4096);
        e.drainOutput(out);
        return Bytes.of(out.array(), 0, out.position());
    }
}
