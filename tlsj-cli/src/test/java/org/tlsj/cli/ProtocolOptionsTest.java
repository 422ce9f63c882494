package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.cli.common.LocalRsaCertificate;
import org.tlsj.cli.server.GreetingServer;

/** `tlsj server` and `tlsj get` with --tls, --kx, --ciphers, --groups and --reconnect, against each other. */
class ProtocolOptionsTest {
    @TempDir
    Path state;

    private RunningServer server(String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--state-dir", state.toString()));
        args.addAll(List.of(options));
        return new RunningServer(args.toArray(String[]::new));
    }

    private CommandLineTest.Run get(RunningServer s, String... options) {
        List<String> args = new ArrayList<>(List.of("get", "--ca", state.resolve("ca.pem").toString()));
        args.addAll(List.of(options));
        args.add("https://localhost:" + s.port() + "/");
        return CommandLineTest.tlsj(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({"1.3", "1.2"})
    void reconnectToAnIpAddressResumesToo(String version) throws Exception {
        try (RunningServer s = server()) {
            CommandLineTest.Run r = CommandLineTest.tlsj("get", "--ca", state.resolve("ca.pem").toString(), "--tls",
                    version, "--reconnect", "2", "https://127.0.0.1:" + s.port() + "/");
            assertThat(r.code()).as(r.err()).isZero();
            List<String> lines = r.err().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).endsWith(", full handshake");
            assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).endsWith(", resumed (no certificate exchanged)"));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.3, TLSv1.3 TLS_AES_128_GCM_SHA256 X25519MLKEM768",
        "1.2, TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
    void reconnectResumesTheSessionOnTheSecondConnection(String version, String negotiated) throws Exception {
        try (RunningServer s = server()) {
            CommandLineTest.Run r = get(s, "--tls", version, "--reconnect", "2");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as("the body, printed once").isEqualTo(GreetingServer.BODY + System.lineSeparator());
            List<String> lines = r.err().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("* connection 1: " + negotiated).endsWith(", full handshake");
            assertThat(lines.get(1)).startsWith("* connection 2: " + negotiated)
                    .endsWith(", resumed (no certificate exchanged)");
            assertThat(lines.get(2)).startsWith("* connection 3: ").endsWith(", resumed (no certificate exchanged)");
            assertThat(s.lineContaining("#1 ")).contains(negotiated).doesNotContain("resumed");
            assertThat(s.lineContaining("#2 ")).contains(negotiated).contains(" resumed ");
        }
    }

    @Test
    void staticRsaKeyExchangeServesTheLocalRsaCertificateAndLogsGroupNone() throws Exception {
        try (RunningServer s = server("--tls", "1.2", "--kx", "rsa")) {
            assertThat(state.resolve(LocalRsaCertificate.CERT)).exists();
            CommandLineTest.Run r = get(s, "--kx", "rsa", "--reconnect", "1");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err().lines()).containsExactly(
                    "* connection 1: TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 none (static RSA key exchange), full handshake",
                    "* connection 2: TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256, resumed (no certificate exchanged)");
            assertThat(s.lineContaining("#1 ")).contains("TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 none (static RSA key exchange) in=");
        }
    }

    @Test
    void aClientOfferingOnlyRsaKeyExchangeIsRefusedByADefaultServer() throws Exception {
        try (RunningServer s = server()) {
            CommandLineTest.Run r = get(s, "--tls", "1.2", "--kx", "rsa");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().asString().contains("handshake_failure");
        }
    }

    @Test
    void ciphersAndGroupsPickWhatIsNegotiated() throws Exception {
        // The client lists P-256 too: RFC 8422 section 4 lets a TLS 1.2 server sign with its P-256 key only then.
        try (RunningServer s = server("--groups", "secp384r1,secp256r1,x25519")) {
            CommandLineTest.Run r = get(s, "-v", "--ciphers", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "--groups",
                    "secp384r1,secp256r1");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err().lines()).contains(
                    "* TLSv1.2 / TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 / secp384r1 / ecdsa_secp256r1_sha256");
            CommandLineTest.Run old = get(s, "-v", "--ciphers", "TLS_CHACHA20_POLY1305_SHA256", "--group", "x25519");
            assertThat(old.err().lines()).contains("* TLSv1.3 / TLS_CHACHA20_POLY1305_SHA256 / x25519 / ecdsa_secp256r1_sha256");
        }
    }

    @Test
    void theNewPostQuantumGroupNamesWorkOnBothCommands() throws Exception {
        try (RunningServer s = server("--groups", "secp384r1mlkem1024,SecP256r1MLKEM768,MLKEM1024")) {
            CommandLineTest.Run hybrid = get(s, "-v", "--groups", "SecP256r1MLKEM768");
            assertThat(hybrid.code()).as(hybrid.err()).isZero();
            assertThat(hybrid.err().lines()).anySatisfy(l -> assertThat(l).startsWith("* TLSv1.3 / ")
                    .contains(" / SecP256r1MLKEM768 / "));
            CommandLineTest.Run pure = get(s, "-v", "--groups", "mlkem1024");
            assertThat(pure.err().lines()).anySatisfy(l -> assertThat(l).contains(" / MLKEM1024 / "));
        }
    }

    @Test
    void aServerSpeakingOnlyOneVersionRefusesTheOther() throws Exception {
        try (RunningServer s = server("--tls", "1.3")) {
            assertThat(get(s, "--tls", "1.3").code()).isZero();
            CommandLineTest.Run r = get(s, "--tls", "1.2");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().asString().contains("protocol_version");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"server --port 0", "get https://localhost:1/"})
    void rsaKeyExchangeWithTls13IsOneClearLine(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--tls", "1.3", "--kx", "rsa"));
        CommandLineTest.Run r = CommandLineTest.tlsj(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .isEqualTo("tlsj: --kx rsa picks the TLS 1.2 key exchange, but --tls 1.3 turns TLS 1.2 off "
                        + "(TLS 1.3 always uses (EC)DHE): use --tls 1.2 or drop --kx");
    }

    @Test
    void anUnknownCipherSuiteIsNamed() {
        CommandLineTest.Run r = CommandLineTest.tlsj("get", "--ciphers", "TLS_AES_128_GCM_SHA256,TLS_RC4_128_MD5",
                "https://localhost:1/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains("unknown cipher suite 'TLS_RC4_128_MD5'",
                "TLS_AES_256_GCM_SHA384");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--tls 1.3 --ciphers TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256|is a 1.2 suite, but --tls 1.3 turns 1.2 off",
        "--tls 1.2 --kx rsa --ciphers TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256|does not use the key exchange --kx rsa",
        "--kx rsa --ciphers TLS_AES_128_GCM_SHA256|--kx rsa needs a static RSA suite in --ciphers",
        "--tls 1.2 --groups x25519,x25519|groups listed twice"})
    void contradictoryProtocolOptionsAreOneLine(String options, String message) {
        List<String> args = new ArrayList<>(List.of("get"));
        args.addAll(List.of(options.split(" ")));
        args.add("https://localhost:1/");
        CommandLineTest.Run r = CommandLineTest.tlsj(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains(message);
    }

    @Test
    void rsaKeyExchangeWithAnEcCertificateIsRefused() throws Exception {
        Path certs = state.resolve("certs");
        assertThat(CommandLineTest.tlsj("certs", "--out", certs.toString()).code()).isZero();
        CommandLineTest.Run r = CommandLineTest.tlsj("server", "--kx", "rsa", "--cert", certs.resolve("server.pem").toString(),
                "--key", certs.resolve("server-key.pem").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--kx rsa needs an RSA certificate");
    }

    @Test
    void aNegativeReconnectIsRefused() {
        CommandLineTest.Run r = CommandLineTest.tlsj("get", "--reconnect", "-1", "https://localhost:1/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--reconnect -1");
    }
}
