package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.KeyLog;

/** The trace tells the handshake in RFC order with no secrets; the key log is NSS format. */
class TraceAndKeyLogTest {
    private final TestPki pki = TestPki.create();

    @Test
    void clientTraceListsEveryMessageInOrder() {
        List<HandshakeEvent> events = new ArrayList<>();
        TestPair.of(pki.client().trace(events::add).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").handshake();
        List<String> messages = events.stream().filter(e -> e.kind() == HandshakeEvent.Kind.MESSAGE)
                .map(e -> e.from().title() + " " + e.title()).toList();
        assertThat(messages).containsExactly("Client ClientHello", "Server ServerHello", "Server EncryptedExtensions",
                "Server Certificate", "Server CertificateVerify", "Server Finished", "Client Finished",
                "Server NewSessionTicket", "Server NewSessionTicket");
        assertThat(events).anySatisfy(e -> assertThat(e.title()).isEqualTo("Verify certificate"));
        HandshakeEvent hello = events.getFirst();
        assertThat(hello.detail("key_shares")).contains("X25519MLKEM768 (1216 bytes)").contains("x25519 (32 bytes)");
        assertThat(hello.detail("server_name")).isEqualTo("localhost");
    }

    @Test
    void keyLogHasTheFiveTls13SecretsInNssFormat() {
        List<String> lines = new ArrayList<>();
        KeyLog log = (label, random, secret) -> lines.add(KeyLog.nssLine(label, random, secret));
        TestPair.of(pki.client().keyLog(log).build(), TestPki.server(pki.server(KeyType.EC_P256)).build(),
                "localhost").handshake();
        assertThat(lines).extracting(l -> l.split(" ")[0]).containsExactly("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{64}"));
    }

    @Test
    void traceEventsCarryNoSecretValues() {
        List<HandshakeEvent> events = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        TestPair.of(pki.client().trace(events::add)
                        .keyLog((label, random, secret) -> secrets.add(java.util.HexFormat.of().formatHex(secret.expose())))
                        .build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").handshake();
        String all = events.toString();
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(all).doesNotContain(s));
    }
}
