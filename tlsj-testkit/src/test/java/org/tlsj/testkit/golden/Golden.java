package org.tlsj.testkit.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.ServerConnection;
import org.tlsj.TlsConnection;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.testkit.ScriptedRandom;
import org.tlsj.testkit.TestPki;

/**
 * Golden transcripts (Go crypto/tls's testdata idea): a tlsj client (server) with seeded randomness and the fixed
 * clock, talking to {@code openssl s_server} ({@code s_client}), recorded once record by record
 * ({@link GoldenRecorder}) and replayed offline ({@link GoldenReplayTest}). One conversation per role,
 * {@link #converse}, serves both, so the replay repeats exactly the steps of the recording.
 */
final class Golden {
    /** Where the transcripts and the test-only PKI live, on the test class path and under src/test/resources. */
    static final String FOLDER = "golden";
    /** The client's seed: every random value the client draws (randoms, session id, key shares) follows from it. */
    static final long SEED = 13;
    /** What the client sends once connected; {@code openssl s_server -www} answers it with a status page. */
    static final Bytes REQUEST = Bytes.of("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    /** What the server answers to {@link #REQUEST} before its close_notify. */
    static final Bytes RESPONSE = Bytes.of("HTTP/1.0 200 ok\r\n\r\ntlsj golden server\r\n"
            .getBytes(StandardCharsets.US_ASCII));

    private Golden() {
    }

    /** One recorded connection: the client's settings and the OpenSSL server arguments it was recorded against. */
    enum Scenario {
        TLS13_X25519("tls13-x25519", List.of("-tls1_3", "-groups", "X25519"),
                b -> b.versions(List.of(ProtocolVersion.TLS13)).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                        .keyShareGroups(List.of(NamedGroup.X25519))),
        TLS13_SECP256R1("tls13-secp256r1", List.of("-tls1_3", "-groups", "P-256"),
                b -> b.versions(List.of(ProtocolVersion.TLS13)).groups(List.of(NamedGroup.SECP256R1))),
        /** The client shares x25519, the server only takes P-256: a HelloRetryRequest, then a second ClientHello. */
        TLS13_HELLO_RETRY("tls13-hello-retry-secp256r1", List.of("-tls1_3", "-groups", "P-256"),
                b -> b.versions(List.of(ProtocolVersion.TLS13)).groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                        .keyShareGroups(List.of(NamedGroup.X25519))),
        TLS12_ECDHE_ECDSA_AES128GCM("tls12-ecdhe-ecdsa-aes128gcm",
                List.of("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "-groups", "X25519"),
                b -> b.versions(List.of(ProtocolVersion.TLS12))
                        .cipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
                        .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)));

        final String file;
        final List<String> opensslArgs;
        private final UnaryOperator<ClientConfig.Builder> settings;

        Scenario(String file, List<String> opensslArgs, UnaryOperator<ClientConfig.Builder> settings) {
            this.file = file + ".txt";
            this.opensslArgs = opensslArgs;
            this.settings = settings;
        }

        /** A fresh client config: this scenario's settings, seeded randomness, the fixed clock, the golden CA. */
        ClientConfig clientConfig(X509Certificate ca) {
            return settings.apply(ClientConfig.builder()
                    .verifier(PkixVerifier.withTrustedCertificates(List.of(ca)))
                    .clock(TestPki.CLOCK)
                    .crypto(JcaCryptoProvider.create(new ScriptedRandom(SEED)))).build();
        }
    }

    /**
     * One recorded connection with tlsj as the server: its settings and the {@code openssl s_client} arguments it
     * was recorded against (besides {@code -connect}, {@code -servername localhost} and the golden CA).
     */
    enum ServerScenario {
        TLS13_X25519("server-tls13-x25519", List.of("-tls1_3", "-groups", "X25519"), false,
                b -> b.versions(List.of(ProtocolVersion.TLS13))),
        /** The server requires a client certificate; OpenSSL sends {@code test-only-pki/client.pem}. */
        TLS13_CLIENT_AUTH("server-tls13-client-auth", List.of("-tls1_3", "-groups", "X25519"), true,
                b -> b.versions(List.of(ProtocolVersion.TLS13))
                        .clientAuth(ClientAuth.REQUIRED, PkixVerifier.withTrustedCertificates(List.of(ca())))),
        TLS12_ECDHE_ECDSA_AES128GCM("server-tls12-ecdhe-ecdsa-aes128gcm",
                List.of("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "-groups", "X25519:P-256"), false,
                b -> b.versions(List.of(ProtocolVersion.TLS12)));

        final String file;
        final List<String> opensslArgs;
        /** Whether OpenSSL presents the test-only client certificate. */
        final boolean clientCertificate;
        private final UnaryOperator<ServerConfig.Builder> settings;

        ServerScenario(String file, List<String> opensslArgs, boolean clientCertificate,
                UnaryOperator<ServerConfig.Builder> settings) {
            this.file = file + ".txt";
            this.opensslArgs = opensslArgs;
            this.clientCertificate = clientCertificate;
            this.settings = settings;
        }

        /** A fresh server config: this scenario's settings, seeded randomness, the fixed clock, the golden key. */
        ServerConfig serverConfig() {
            CertifiedKey key = new CertifiedKey(Pem.certificates(resource(FOLDER + "/test-only-pki/server.pem")),
                    Pem.privateKey(resource(FOLDER + "/test-only-pki/server-key.pem")));
            return settings.apply(ServerConfig.builder(key)
                    .clock(TestPki.CLOCK)
                    .crypto(JcaCryptoProvider.create(new ScriptedRandom(SEED)))).build();
        }
    }

    /** The other end of a conversation: a live socket to OpenSSL, or a recording of it. */
    interface Peer {
        /** The peer's next record, or null at the end of its stream. */
        Bytes nextRecord() throws IOException;

        /** One record tlsj sent. */
        void send(Bytes record) throws IOException;
    }

    /** What tlsj did: every record it sent, the application data it read, and where it ended. */
    record Outcome(List<Bytes> sentRecords, Bytes received, ConnectionStatus finalStatus) {
    }

    /**
     * The client's conversation: handshake, send {@link #REQUEST}, read until the server closes, answer its
     * close_notify.
     */
    static Outcome converse(ClientConnection client, Peer server) throws IOException {
        Conversation c = new Conversation(client, server);
        c.handshake();
        c.write(REQUEST);
        c.readWhile(() -> client.status() == ConnectionStatus.ESTABLISHED);
        if (client.status() == ConnectionStatus.INBOUND_CLOSED) {
            client.closeOutbound();
            c.flush();
        }
        return c.outcome();
    }

    /**
     * The server's conversation: handshake, read until the client's {@link #REQUEST} is in, answer {@code response}
     * and close_notify, read until the client closes.
     */
    static Outcome converse(ServerConnection server, Peer client, Bytes response) throws IOException {
        Conversation c = new Conversation(server, client);
        c.handshake();
        c.readWhile(() -> server.status() == ConnectionStatus.ESTABLISHED && c.received.position() < REQUEST.length());
        c.write(response);
        server.closeOutbound();
        c.flush();
        c.readWhile(() -> server.status() != ConnectionStatus.CLOSED);
        return c.outcome();
    }

    /**
     * One side of a conversation, fed one whole record at a time and drained after each, so its output depends
     * only on the peer's records.
     */
    private static final class Conversation {
        private final TlsConnection connection;
        private final Peer peer;
        private final List<Bytes> sent = new ArrayList<>();
        private final ByteBuffer received = ByteBuffer.allocate(1 << 16);

        Conversation(TlsConnection connection, Peer peer) {
            this.connection = connection;
            this.peer = peer;
        }

        void handshake() throws IOException {
            flush();
            while (connection.status() == ConnectionStatus.HANDSHAKING) {
                if (!step()) {
                    throw new IOException("the peer closed during the handshake");
                }
            }
        }

        /** Feeds the peer's records while {@code condition} holds and the peer has more. */
        void readWhile(BooleanSupplier condition) throws IOException {
            boolean more = true;
            while (more && condition.getAsBoolean()) {
                more = step();
            }
        }

        void write(Bytes data) throws IOException {
            connection.write(ByteBuffer.wrap(data.toArray()));
            flush();
        }

        Outcome outcome() {
            return new Outcome(sent, Bytes.of(received.array(), 0, received.position()), connection.status());
        }

        private boolean step() throws IOException {
            Bytes record = peer.nextRecord();
            if (record == null) {
                return false;
            }
            ByteBuffer in = ByteBuffer.wrap(record.toArray());
            connection.feed(in);
            if (in.hasRemaining()) {
                throw new IllegalStateException("tlsj left " + in.remaining() + " bytes of a whole record");
            }
            while (connection.hasPendingPlaintext()) {
                connection.read(received);
            }
            flush();
            return true;
        }

        void flush() throws IOException {
            ByteBuffer out = ByteBuffer.allocate(1 << 17);
            while (connection.hasPendingOutput()) {
                connection.drainOutput(out);
            }
            for (Bytes record : splitRecords(Bytes.of(out.array(), 0, out.position()))) {
                sent.add(record);
                peer.send(record);
            }
        }
    }

    /** Splits a byte stream into TLS records (header and body each). */
    static List<Bytes> splitRecords(Bytes stream) {
        List<Bytes> out = new ArrayList<>();
        int at = 0;
        while (at < stream.length()) {
            int end = at + 5 + ((stream.get(at + 3) << 8) | stream.get(at + 4));
            out.add(stream.slice(at, end));
            at = end;
        }
        return out;
    }

    /** The golden CA certificate, the only one the client trusts. */
    static X509Certificate ca() {
        return Pem.certificates(resource(FOLDER + "/test-only-pki/ca.pem")).getFirst();
    }

    static String resource(String path) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path + " (see golden/README.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A transcript file: {@code #} comment lines, then one line per record in the order seen, {@code C <hex>}
     * (the client sent it) or {@code S <hex>} (the server sent it), then {@code C-data} / {@code S-data}: the
     * plaintext the client wrote and read.
     */
    record Transcript(List<String> comments, List<Line> lines) {
        record Line(String tag, Bytes bytes) {
        }

        List<Bytes> tagged(String tag) {
            return lines.stream().filter(l -> l.tag.equals(tag)).map(Line::bytes).toList();
        }

        String format() {
            StringBuilder sb = new StringBuilder();
            comments.forEach(c -> sb.append("# ").append(c).append('\n'));
            lines.forEach(l -> sb.append(l.tag).append(' ').append(l.bytes.hex()).append('\n'));
            return sb.toString();
        }

        static Transcript parse(String text) {
            List<String> comments = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    comments.add(line.substring(1).strip());
                } else if (!line.isBlank()) {
                    String[] parts = line.strip().split("\\s+", 2);
                    lines.add(new Line(parts[0], parts.length == 1 ? Bytes.EMPTY : Bytes.fromHex(parts[1])));
                }
            }
            return new Transcript(comments, lines);
        }
    }
}
