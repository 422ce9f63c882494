package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.TlsConnection;
import org.tlsj.testkit.TestPair;
import org.tlsj.trace.HandshakeEvent;

/**
 * Issue #6 item 5: a key log captures every secret of full handshakes on both sides; none of them, nor
 * the server's private key, appears in any trace event, in the text of any exception of a failed
 * handshake, or in the text of configs and sessions.
 */
class SecretHygieneTest {
    private final List<HandshakeEvent> events = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    @Test
    void noTls13SecretAppearsInTracesConfigsSessionsOrErrors() throws Exception {
        KeyCapture clientKeys = new KeyCapture();
        KeyCapture serverKeys = new KeyCapture();
        ClientConfig client = Hostile.client().versions(List.of(ProtocolVersion.TLS13)).trace(events::add)
                .keyLog(clientKeys).build();
        ServerConfig server = Hostile.server().ticketsPerHandshake(2).trace(events::add).keyLog(serverKeys).build();
        TestPair pair = TestPair.of(client, server, "localhost").handshake();
        pair.clientSends("ping");
        pair.serverSends("pong");
        collect(client, server, pair.client(), pair.server());

        // A failed handshake: the client's Finished one bit off, seen by the server.
        ScriptedPeer attacked = ScriptedPeer.againstServer(Hostile.server().trace(events::add))
                .withHonestClient(Hostile.client().trace(events::add), "localhost");
        attacked.send(reframe(attacked.takeFromHonest()));
        attacked.relayToHonest();
        byte[] fin = ScriptedPeer.handshakeStream(attacked.takeFromHonest(), true);
        fin[fin.length - 1] ^= 1;
        attacked.sendProtectedHandshake(Hostile.HS_CLIENT, fin);
        assertThat(attacked.failure()).isPresent();
        texts.add(stackTrace(attacked.failure().get()));
        attacked.relayToHonest();
        assertThat(attacked.honestFailure()).isPresent();
        texts.add(stackTrace(attacked.honestFailure().get()));
        collect(null, null, attacked.victim(), attacked.honest());

        List<byte[]> secrets = new ArrayList<>(clientKeys.all());
        secrets.addAll(serverKeys.all());
        secrets.addAll(attacked.victimKeys().all());
        secrets.add(Hostile.SERVER_KEY.privateKey().getEncoded());
        assertThat(clientKeys.all()).hasSize(5);
        assertNoneLeaks(secrets);
    }

    @Test
    void noTls12SecretAppearsInTracesConfigsOrSessions() throws Exception {
        KeyCapture clientKeys = new KeyCapture();
        ClientConfig client = Hostile.client().versions(List.of(ProtocolVersion.TLS12))
                .cipherSuites(org.tlsj.CipherSuite.TLS12_DEFAULTS).trace(events::add).keyLog(clientKeys).build();
        ServerConfig server = Hostile.server().versions(List.of(ProtocolVersion.TLS12))
                .cipherSuites(org.tlsj.CipherSuite.TLS12_DEFAULTS).trace(events::add).build();
        TestPair pair = TestPair.of(client, server, "localhost").handshake();
        pair.clientSends("ping");
        collect(client, server, pair.client(), pair.server());
        assertThat(clientKeys.all()).isNotEmpty();
        assertNoneLeaks(clientKeys.all());
    }

    private void collect(Object clientConfig, Object serverConfig, TlsConnection a, TlsConnection b) {
        if (clientConfig != null) {
            texts.add(clientConfig.toString());
            texts.add(serverConfig.toString());
        }
        for (TlsConnection c : List.of(a, b)) {
            texts.add(c.toString());
            c.session().ifPresent(s -> texts.add(s.toString()));
            c.failure().ifPresent(e -> texts.add(stackTrace(e)));
        }
        for (HandshakeEvent e : events) {
            texts.add(e.toString());
            e.details().forEach(d -> texts.add(d.name() + "=" + d.value()));
        }
    }

    private void assertNoneLeaks(List<byte[]> secrets) {
        String all = String.join("\n", texts);
        assertThat(events).isNotEmpty();
        for (byte[] s : secrets) {
            String hex = HexFormat.of().formatHex(s);
            assertThat(all).doesNotContain(hex).doesNotContain(hex.toUpperCase(java.util.Locale.ROOT))
                    .doesNotContain(Base64.getEncoder().encodeToString(s))
                    .doesNotContain(new String(s, StandardCharsets.ISO_8859_1))
                    .doesNotContain(java.util.Arrays.toString(s));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return t + "\n" + t.getMessage() + "\n" + w;
    }

    private static byte[] reframe(List<Records.Record> records) {
        return Records.concat(records.stream().map(r -> Records.record(r.type(), r.body().toArray())).toArray(byte[][]::new));
    }
}
