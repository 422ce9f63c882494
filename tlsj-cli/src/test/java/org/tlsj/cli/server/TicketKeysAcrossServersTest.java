package org.tlsj.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.cli.CommandLineTest;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.get.HttpsGet;
import org.tlsj.pki.PkixVerifier;

/**
 * {@code tlsj server --session-ticket-keys}: two server processes sharing a key file resume each other's
 * sessions; with different files they cannot. Plus the key file's own rules.
 */
class TicketKeysAcrossServersTest {
    /** Generous: each server is a cold JVM on a machine that may be busy with other builds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on https://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    /** A {@code tlsj server} in its own JVM, with its stdout lines in a queue. */
    private static final class ServerProcess implements AutoCloseable {
        private final Process process;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final int port;

        ServerProcess(Path stateDir, Path keyFile, String version) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.tlsj.cli.Main", "server", "--port", "0", "--state-dir", stateDir.toString(),
                    "--session-ticket-keys", keyFile.toString(), "--tls", version, "--timeout", "60s"));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("(output ended: " + e.getMessage() + ")");
                }
            });
            int found = -1;
            List<String> seen = new ArrayList<>();
            while (found < 0) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                if (line == null) {
                    close();
                    throw new AssertionError("tlsj server did not start; it printed " + seen);
                }
                seen.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    found = Integer.parseInt(m.group(1));
                }
            }
            port = found;
            lines.addAll(seen);
        }

        List<String> output() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private SessionInfo fetch(ClientConfig client, int port) {
        List<SessionInfo> session = new ArrayList<>();
        Http.Response r = HttpsGet.fetch(new HttpsGet.Target("127.0.0.1", "localhost", port, "/"), client, TIMEOUT,
                session::add);
        assertThat(r.text()).isEqualTo(GreetingServer.BODY);
        return session.getFirst();
    }

    private boolean secondServerResumes(Path keyFile1, Path keyFile2, String version) throws Exception {
        Path state = dir.resolve("state");
        try (ServerProcess one = new ServerProcess(state, keyFile1, version);
             ServerProcess two = new ServerProcess(state, keyFile2, version)) {
            ClientConfig client = ClientConfig.builder()
                    .verifier(PkixVerifier.fromCaFile(state.resolve("ca.pem")))
                    .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)).build(); // P-256: the certificate's curve (RFC 8422)
            SessionInfo first = fetch(client, one.port);
            assertThat(first.resumed()).isFalse();
            assertThat(first.version()).isEqualTo(ProtocolVersion.parse(version));
            assertThat(one.output()).anyMatch(l -> l.startsWith("created session ticket key file " + keyFile1));
            SessionInfo second;
            try {
                second = fetch(client, two.port);
            } catch (CliException e) {
                throw new AssertionError(e.getMessage() + "; the second server printed " + two.output(), e);
            }
            assertThat(second.version()).isEqualTo(ProtocolVersion.parse(version));
            return second.resumed();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "1.2"})
    void twoServersSharingAKeyFileResumeEachOthersSessions(String version) throws Exception {
        Path keys = dir.resolve("ticket.keys");
        assertThat(secondServerResumes(keys, keys, version)).isTrue();
        assertThat(Files.readAllLines(keys)).filteredOn(l -> !l.startsWith("#")).singleElement().asString()
                .matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
    }

    @Test
    void serversWithDifferentKeyFilesDoAFullHandshake() throws Exception {
        assertThat(secondServerResumes(dir.resolve("a.keys"), dir.resolve("b.keys"), "1.3")).isFalse();
    }

    @Test
    void aKeyFileWithCommentsIsReadAndAShortSecretIsRefused() throws IOException {
        Path file = dir.resolve("given.keys");
        Files.writeString(file, "# shared by web1 and web2\n\n" + "ab".repeat(48) + "\n");
        List<String> notes = new ArrayList<>();
        assertThat(TicketKeyFile.load(file, Duration.ofHours(12), notes::add).rotation()).isEqualTo(Duration.ofHours(12));
        assertThat(notes).singleElement().asString().startsWith("warning: " + file + " is readable by other users");

        Files.writeString(file, "# too short\n" + "ab".repeat(16) + "\n");
        CommandLineTest.Run r = CommandLineTest.tlsj("server", "--port", "0", "--state-dir", dir.toString(),
                "--session-ticket-keys", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("the secret has 16 bytes; it needs at least 32").doesNotContain("abab");

        Files.writeString(file, "not hex at all\n");
        r = CommandLineTest.tlsj("server", "--port", "0", "--state-dir", dir.toString(), "--session-ticket-keys",
                file.toString());
        assertThat(r.err().lines()).singleElement().asString().contains("is not hex");
    }

    @Test
    void aTicketRotationUnderAMinuteIsRefused() {
        CommandLineTest.Run r = CommandLineTest.tlsj("server", "--port", "0", "--state-dir", dir.toString(),
                "--session-ticket-keys", dir.resolve("k").toString(), "--ticket-rotation", "30s");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains("rotation must be at least a minute");
    }
}
