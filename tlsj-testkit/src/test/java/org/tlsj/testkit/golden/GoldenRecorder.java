package org.tlsj.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.ServerConnection;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.certs.LocalPki;
import org.tlsj.Bytes;
import org.tlsj.pki.Pem;
import org.tlsj.testkit.TestPki;
import org.tlsj.testkit.golden.Golden.Scenario;
import org.tlsj.testkit.golden.Golden.ServerScenario;
import org.tlsj.testkit.golden.Golden.Transcript;

/**
 * Records the golden transcripts against a live {@code openssl s_server} (tlsj as client) or {@code openssl s_client}
 * (tlsj as server) on 127.0.0.1. Off unless asked:
 * {@code mvn -o test -pl tlsj-testkit -Dtest=GoldenRecorder -Dtlsj.golden.record=true} (see golden/README.md).
 * Writes into {@code src/test/resources/golden} of this module; makes the test-only PKI there first if missing.
 */
@EnabledIfSystemProperty(named = "tlsj.golden.record", matches = "true")
class GoldenRecorder {
    private static final Path DIR = Path.of("src", "test", "resources", Golden.FOLDER);
    private static final Path PKI = DIR.resolve("test-only-pki");
    private static final String CLIENT_CERT = "client.pem";
    private static final String CLIENT_KEY = "client-key.pem";

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void record(Scenario scenario) throws Exception {
        X509Certificate ca = pki();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-www",
                "-naccept", "1", "-cert", PKI.resolve(LocalPki.SERVER_CERT).toString(),
                "-key", PKI.resolve(LocalPki.SERVER_KEY).toString()));
        command.addAll(scenario.opensslArgs);
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            waitForAccept(openssl);
            List<Transcript.Line> lines = new ArrayList<>();
            Golden.Outcome outcome;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                outcome = Golden.converse(ClientConnection.start(scenario.clientConfig(ca), "localhost"),
                        new Live(socket, lines, "S", "C"));
            }
            assertThat(outcome.finalStatus()).isEqualTo(ConnectionStatus.CLOSED);
            lines.add(new Transcript.Line("C-data", Golden.REQUEST));
            lines.add(new Transcript.Line("S-data", outcome.received()));
            write(scenario.file, lines, "tlsj client: Golden.Scenario." + scenario.name() + ", ScriptedRandom("
                    + Golden.SEED + "), clock " + TestPki.NOW + ", server name localhost, trusts test-only-pki/ca.pem",
                    "openssl s_server -www -cert server.pem -key server-key.pem " + String.join(" ", scenario.opensslArgs),
                    "C-data / S-data = the application data the client wrote / read");
        } finally {
            stop(openssl);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerScenario.class)
    void recordServer(ServerScenario scenario) throws Exception {
        pki();
        List<String> peerArgs = new ArrayList<>(scenario.opensslArgs);
        if (scenario.clientCertificate) {
            peerArgs.addAll(List.of("-cert", CLIENT_CERT, "-key", CLIENT_KEY));
        }
        List<Transcript.Line> lines = new ArrayList<>();
        Golden.Outcome outcome;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + listener.getLocalPort(), "-servername", "localhost", "-CAfile", LocalPki.CA_CERT,
                    "-verify_return_error"));
            command.addAll(peerArgs);
            // From the PKI folder, so the transcript's comment names the files as the command used them.
            Process openssl = new ProcessBuilder(command).directory(PKI.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream stdin = openssl.getOutputStream()) {
                // s_client sends what it reads on stdin once connected: the request, while stdin stays open.
                stdin.write(Golden.REQUEST.toArray());
                stdin.flush();
                listener.setSoTimeout(10_000);
                try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(10_000);
                    outcome = Golden.converse(ServerConnection.accept(scenario.serverConfig()),
                            new Live(socket, lines, "C", "S"), Golden.RESPONSE);
                }
            } finally {
                stop(openssl);
            }
        }
        assertThat(outcome.finalStatus()).isEqualTo(ConnectionStatus.CLOSED);
        assertThat(outcome.received()).isEqualTo(Golden.REQUEST);
        lines.add(new Transcript.Line("C-data", outcome.received()));
        lines.add(new Transcript.Line("S-data", Golden.RESPONSE));
        write(scenario.file, lines, "tlsj server: Golden.ServerScenario." + scenario.name() + ", ScriptedRandom("
                + Golden.SEED + "), clock " + TestPki.NOW + ", serves test-only-pki/server.pem",
                "openssl s_client -servername localhost -CAfile ca.pem -verify_return_error " + String.join(" ", peerArgs)
                        + " (stdin: the request)",
                "C-data / S-data = the application data the server read / wrote");
    }

    /** Makes the test-only PKI if missing (valid around TestPki.NOW, the fixed clock) and returns its CA. */
    private static X509Certificate pki() throws IOException {
        LocalPki.createOrLoad(PKI, List.of("localhost", "127.0.0.1"), KeyType.EC_P256, TestPki.NOW, false);
        // Read from the folder, not the class path: on the first recording it was only just made.
        X509Certificate ca = Pem.certificates(PKI.resolve(LocalPki.CA_CERT)).getFirst();
        if (!Files.exists(PKI.resolve(CLIENT_CERT))) {
            Issued issuer = new Issued(ca, new KeyPair(ca.getPublicKey(), Pem.privateKey(PKI.resolve(LocalPki.CA_KEY))));
            Issued client = CertificateMinter.leaf(issuer, "tlsj golden client", List.of(), KeyType.EC_P256,
                    TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(3650)),
                    EnumSet.of(Usage.CLIENT));
            Files.writeString(PKI.resolve(CLIENT_CERT), Pem.toPem(client.certificate()), StandardCharsets.US_ASCII);
            Files.writeString(PKI.resolve(CLIENT_KEY), Pem.toPem(client.privateKey()), StandardCharsets.US_ASCII);
        }
        return ca;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void write(String file, List<Transcript.Line> lines, String tlsj, String peer, String data)
            throws IOException {
        String version = new String(new ProcessBuilder("openssl", "version").start().getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII).strip();
        Transcript t = new Transcript(List.of(
                "tlsj golden transcript " + file + " (issue 13); re-record only as golden/README.md says", tlsj,
                "peer: " + version + ": " + peer,
                "C = a record the client sent, S = a record the server sent (hex, in the order seen);", data), lines);
        Files.writeString(DIR.resolve(file), t.format(), StandardCharsets.US_ASCII);
    }

    private static void stop(Process openssl) throws InterruptedException {
        openssl.destroy();
        openssl.waitFor(5, TimeUnit.SECONDS);
    }

    private static void waitForAccept(Process openssl) throws IOException {
        StringBuilder seen = new StringBuilder();
        var in = openssl.getInputStream();
        int c;
        while ((c = in.read()) != -1) {
            seen.append((char) c);
            if (seen.toString().contains("ACCEPT")) {
                return;
            }
        }
        throw new IOException("openssl s_server did not start: " + seen);
    }

    /**
     * The live peer: records each record in both directions as it passes, the peer's under {@code peerTag}, tlsj's
     * under {@code ownTag}.
     */
    private record Live(Socket socket, List<Transcript.Line> lines, String peerTag, String ownTag)
            implements Golden.Peer {
        @Override
        public Bytes nextRecord() throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[5];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return null;
            }
            byte[] record = new byte[5 + (((header[3] & 0xff) << 8) | (header[4] & 0xff))];
            System.arraycopy(header, 0, record, 0, 5);
            in.readFully(record, 5, record.length - 5);
            Bytes b = Bytes.of(record);
            lines.add(new Transcript.Line(peerTag, b));
            return b;
        }

        @Override
        public void send(Bytes record) throws IOException {
            lines.add(new Transcript.Line(ownTag, record));
            OutputStream out = socket.getOutputStream();
            out.write(record.toArray());
            out.flush();
        }
    }
}
