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
import java.util.ArrayList;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.ClientConnection;
import org.tlsj.ConnectionStatus;
import org.tlsj.certs.KeyType;
import org.tlsj.certs.LocalPki;
import org.tlsj.Bytes;
import org.tlsj.pki.Pem;
import org.tlsj.testkit.TestPki;
import org.tlsj.testkit.golden.Golden.Scenario;
import org.tlsj.testkit.golden.Golden.Transcript;

/**
 * Records the golden transcripts against a live {@code openssl s_server} on 127.0.0.1. Off unless asked:
 * {@code mvn -o test -pl tlsj-testkit -Dtest=GoldenRecorder -Dtlsj.golden.record=true} (see golden/README.md).
 * Writes into {@code src/test/resources/golden} of this module; makes the test-only PKI there first if missing.
 */
@EnabledIfSystemProperty(named = "tlsj.golden.record", matches = "true")
class GoldenRecorder {
    private static final Path DIR = Path.of("src", "test", "resources", Golden.FOLDER);

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void record(Scenario scenario) throws Exception {
        Path pki = DIR.resolve("test-only-pki");
        // Valid around TestPki.NOW, the instant the client's fixed clock shows; reused once it exists.
        LocalPki.createOrLoad(pki, List.of("localhost", "127.0.0.1"), KeyType.EC_P256, TestPki.NOW, false);
        // Read from the folder, not the class path: on the first recording it was only just made.
        X509Certificate ca = Pem.certificates(pki.resolve(LocalPki.CA_CERT)).getFirst();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-www",
                "-naccept", "1", "-cert", pki.resolve(LocalPki.SERVER_CERT).toString(),
                "-key", pki.resolve(LocalPki.SERVER_KEY).toString()));
        command.addAll(scenario.opensslArgs);
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            waitForAccept(openssl);
            List<Transcript.Line> lines = new ArrayList<>();
            Golden.Outcome outcome;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                outcome = Golden.converse(ClientConnection.start(scenario.clientConfig(ca), "localhost"),
                        new Live(socket, lines));
            }
            assertThat(outcome.finalStatus()).isEqualTo(ConnectionStatus.CLOSED);
            lines.add(new Transcript.Line("C-data", Golden.REQUEST));
            lines.add(new Transcript.Line("S-data", outcome.received()));
            String version = new String(new ProcessBuilder("openssl", "version").start().getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII).strip();
            Transcript t = new Transcript(List.of(
                    "tlsj golden transcript " + scenario.file + " (issue 13); re-record only as golden/README.md says",
                    "tlsj client: Golden.Scenario." + scenario.name() + ", ScriptedRandom(" + Golden.SEED + "), clock "
                            + TestPki.NOW + ", server name localhost, trusts test-only-pki/ca.pem",
                    "peer: " + version + ": openssl s_server -www -cert server.pem -key server-key.pem "
                            + String.join(" ", scenario.opensslArgs),
                    "C = a record the client sent, S = a record the server sent (hex, in the order seen);",
                    "C-data / S-data = the application data the client wrote / read"), lines);
            Files.writeString(DIR.resolve(scenario.file), t.format(), StandardCharsets.US_ASCII);
        } finally {
            openssl.destroy();
            openssl.waitFor(5, TimeUnit.SECONDS);
        }
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

    /** The live server: records each record in both directions as it passes. */
    private record Live(Socket socket, List<Transcript.Line> lines) implements Golden.Server {
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
            lines.add(new Transcript.Line("S", b));
            return b;
        }

        @Override
        public void send(Bytes record) throws IOException {
            lines.add(new Transcript.Line("C", record));
            OutputStream out = socket.getOutputStream();
            out.write(record.toArray());
            out.flush();
        }
    }
}
