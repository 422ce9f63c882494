package org.tlsj.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.cli.CommandLineTest;
import org.tlsj.pki.Pem;

/** `tlsj demo --tls 1.2 [--kx rsa|ecdhe]`, `--tls 1.3` and `--resume`: the TLS 1.2 table and the resumed connection. */
class DemoScenariosTest {
    @TempDir
    Path state;

    private CommandLineTest.Run demo(String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "--state-dir", state.toString()));
        args.addAll(List.of(options));
        return CommandLineTest.tlsj(args.toArray(String[]::new));
    }

    private static DemoTest.Row row(List<DemoTest.Row> rows, String message) {
        return rows.stream().filter(r -> r.message().equals(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + message + " in " + rows));
    }

    /** The first table (connection 1): the rows up to the second table's header. */
    private static List<DemoTest.Row> firstTable(String out) {
        int second = out.indexOf("Connection 2:");
        return DemoTest.table(second < 0 ? out : out.substring(0, second));
    }

    private static List<DemoTest.Row> secondTable(String out) {
        int second = out.indexOf("Connection 2:");
        assertThat(second).as("a second connection was shown").isPositive();
        return DemoTest.table(out.substring(second));
    }

    @Test
    void tls12RsaKeyExchangeIsTheClassicFlowWithAnRsaCertificate() throws Exception {
        CommandLineTest.Run r = demo("--tls", "1.2", "--kx", "rsa");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("tlsj demo: a TLS 1.2 (RSA key exchange) handshake");
        assertThat(Pem.certifiedKey(state.resolve("server-rsa.pem"), state.resolve("server-rsa-key.pem")).leaf()
                .getPublicKey().getAlgorithm()).isEqualTo("RSA");
        List<DemoTest.Row> rows = firstTable(r.out());
        assertThat(rows).extracting(DemoTest.Row::message).containsExactly("ClientHello", "ServerHello", "Certificate",
                "Verify certificate", "ServerHelloDone", "ClientKeyExchange", "Generate session keys",
                "ChangeCipherSpec, Finished", "NewSessionTicket", "ChangeCipherSpec, Finished",
                "Secure communication begins");
        assertThat(rows).extracting(DemoTest.Row::who).containsExactly("Client", "Server", "Server", "Client", "Server",
                "Client", "Both", "Client", "Server", "Server", "Both");
        assertThat(rows).allSatisfy(row -> assertThat(row.purpose()).isNotBlank());
        assertThat(row(rows, "ServerHello").happened()).contains("cipher_suite: TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(row(rows, "Certificate").happened()).contains("key RSA");
        assertThat(row(rows, "ClientKeyExchange").happened()).contains(
                "the client made a random 48-byte pre-master secret and encrypted it to the server's RSA 2048-bit "
                        + "public key (from its certificate): 256 bytes of ciphertext", "no forward secrecy",
                "length: 262 bytes");
        assertThat(row(rows, "Generate session keys").happened()).contains("master secret (48 bytes, extended)",
                "key block");
        assertThat(rows.get(7).happened()).contains("ChangeCipherSpec: from here on the client's records are encrypted",
                "verify_data: 12 bytes", "checked by the server: verify_data matches");
        assertThat(rows.get(9).happened()).contains("checked by the client: verify_data matches");
        assertThat(row(rows, "Secure communication begins").happened())
                .contains("TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 none (static RSA key exchange)");
        assertThat(r.out()).contains("Response (decrypted by the client): 200", "Hello TLS-secured world!",
                "change_cipher_spec", "(static RSA key exchange)").doesNotContain("X25519MLKEM768");
    }

    @Test
    void tls12EcdheShowsTheSignedServerShare() {
        CommandLineTest.Run r = demo("--tls", "1.2", "--kx", "ecdhe", "--group", "secp256r1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("tlsj demo: a TLS 1.2 (ECDHE key exchange) handshake");
        List<DemoTest.Row> rows = firstTable(r.out());
        assertThat(rows).extracting(DemoTest.Row::message).containsExactly("ClientHello", "ServerHello", "Certificate",
                "Verify certificate", "ServerKeyExchange", "ServerHelloDone", "ClientKeyExchange",
                "Generate session keys", "ChangeCipherSpec, Finished", "NewSessionTicket", "ChangeCipherSpec, Finished",
                "Secure communication begins");
        assertThat(row(rows, "ServerKeyExchange").happened()).contains(
                "the server's ephemeral secp256r1 public key (65 bytes), signed",
                "checked by the client: ecdsa_secp256r1_sha256 signature over the randoms and the secp256r1 share "
                        + "verifies: ok");
        assertThat(row(rows, "ClientKeyExchange").happened()).contains("the client's ephemeral secp256r1 public key "
                + "(65 bytes)");
        assertThat(row(rows, "Generate session keys").happened()).contains("key_exchange: ECDHE secp256r1");
        assertThat(row(rows, "Secure communication begins").happened()).contains(
                "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 secp256r1, server signed with ecdsa_secp256r1_sha256");
    }

    @Test
    void tls13WithTheOptInSecp521r1Group() {
        CommandLineTest.Run r = demo("--tls", "1.3", "--group", "secp521r1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(row(firstTable(r.out()), "Secure communication begins").happened()).contains("secp521r1");
    }

    @Test
    void tls13IsTheDefault() {
        CommandLineTest.Run r = demo("--tls", "1.3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("tlsj demo: a TLS 1.3 handshake");
        assertThat(firstTable(r.out())).extracting(DemoTest.Row::message).contains("EncryptedExtensions",
                "Key exchange (hybrid X25519MLKEM768)").doesNotContain("ServerKeyExchange", "ServerHelloDone");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.3|TLSv1.3 TLS_AES_128_GCM_SHA256 X25519MLKEM768, resumed (no certificate exchanged)|pre_shared_key: the session ticket from connection 1",
        "1.2|TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 x25519, resumed (no certificate exchanged)|session_ticket: the ticket from connection 1"})
    void resumeShowsASecondShorterHandshakeThatIsResumed(String version, String negotiated, String offered) {
        CommandLineTest.Run r = demo("--tls", version, "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        List<DemoTest.Row> full = firstTable(r.out());
        List<DemoTest.Row> resumed = secondTable(r.out());
        assertThat(full).extracting(DemoTest.Row::message).contains("Certificate", "Verify certificate");
        assertThat(resumed).extracting(DemoTest.Row::message)
                .doesNotContain("Certificate", "Verify certificate", "CertificateVerify", "ServerKeyExchange")
                .contains("ClientHello", "ServerHello", "Secure communication begins");
        assertThat(resumed.size()).isLessThan(full.size());
        assertThat(row(resumed, "ClientHello").happened()).contains(offered);
        assertThat(row(resumed, "Secure communication begins").happened())
                .contains("resumed: no certificate was sent and nothing was signed");
        assertThat(r.out()).contains("Negotiated: " + negotiated)
                .contains("resumed: no certificate, no signature: " + resumed.size() + " steps instead of " + full.size());
        assertThat(r.out().lines().filter(l -> l.startsWith("Server log: #2 "))).singleElement().asString()
                .contains(" resumed ");
    }

    @Test
    void resumeInJsonHasTheSecondConnection() throws Exception {
        CommandLineTest.Run r = demo("--tls", "1.2", "--kx", "rsa", "--resume", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.at("/options/scenario").asText()).isEqualTo("tls12_rsa");
        assertThat(root.at("/options/resume").asBoolean()).isTrue();
        assertThat(root.at("/session/group").asText()).isEqualTo("none");
        assertThat(root.at("/session/resumed").asBoolean()).isFalse();
        assertThat(root.at("/resumption/session/resumed").asBoolean()).isTrue();
        assertThat(root.at("/resumption/status").asInt()).isEqualTo(200);
        assertThat(StreamSupport.stream(root.at("/resumption/steps").spliterator(), false)
                .map(s -> s.get("message").asText()).toList()).contains("Generate session keys (resumed)");
    }

    @Test
    void resumeInHtmlHasASecondTable() {
        CommandLineTest.Run r = demo("--resume", "--format", "html");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("<table id=\"steps\">", "<table id=\"resumed-steps\">",
                "<p id=\"resumed\">TLSv1.3 TLS_AES_128_GCM_SHA256 X25519MLKEM768, resumed (no certificate exchanged)</p>");
    }

    @Test
    void aBadCertificateIsRefusedInTls12RsaToo() {
        CommandLineTest.Run r = demo("--tls", "1.2", "--kx", "rsa", "--fail", "wrong-host", "--resume");
        assertThat(r.code()).isEqualTo(1);
        assertThat(row(firstTable(r.out()), "Verify certificate").happened()).contains("FAILED");
        assertThat(r.out()).doesNotContain("Connection 2:");
        assertThat(r.err().lines()).singleElement().asString().contains("wrong-host.example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--tls 1.3 --kx rsa|--kx rsa picks the TLS 1.2 key exchange, but --tls 1.3 has none to pick",
        "--kx rsa --group x25519|static RSA key exchange uses no group",
        "--tls 1.2 --group X25519MLKEM768|X25519MLKEM768 is for TLS 1.3 only",
        "--kx dh|'dh' is not a TLS 1.2 key exchange: use ecdhe or rsa"})
    void impossibleDemoOptionsAreOneLine(String options, String message) {
        CommandLineTest.Run r = demo(options.split(" "));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString().contains(message);
    }
}
