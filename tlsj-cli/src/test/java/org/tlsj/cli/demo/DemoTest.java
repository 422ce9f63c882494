package org.tlsj.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.cli.CommandLineTest;

/** `tlsj demo` end to end: a real server and client, and the table, diagram and wire built from what happened. */
class DemoTest {
    @TempDir
    Path state;

    /** One row of the steps table, its cells joined across wrapped lines. */
    record Row(String who, String message, String purpose, String happened) {
    }

    private CommandLineTest.Run demo(String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "--state-dir", state.toString()));
        args.addAll(List.of(options));
        return CommandLineTest.tlsj(args.toArray(String[]::new));
    }

    /** Reads the boxed table back into rows. */
    static List<Row> table(String out) {
        List<Row> rows = new ArrayList<>();
        StringBuilder[] cells = null;
        boolean header = true;
        for (String line : out.lines().toList()) {
            if (line.startsWith("+-")) {
                if (cells != null && !header) {
                    rows.add(new Row(cells[0].toString().strip(), cells[1].toString().strip(), cells[2].toString().strip(),
                            cells[3].toString().strip()));
                }
                header = cells == null;
                cells = new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()};
            } else if (line.startsWith("| ") && cells != null) {
                String[] parts = line.substring(1, line.length() - 1).split(" \\| ", -1);
                for (int i = 0; i < 4 && i < parts.length; i++) {
                    cells[i].append(' ').append(parts[i].strip());
                }
            }
        }
        return rows;
    }

    private static Row row(List<Row> rows, String messageStart) {
        return rows.stream().filter(r -> r.message().startsWith(messageStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + messageStart + " in " + rows));
    }

    @Test
    void defaultDemoHasARowPerStepWithTheRealValues() {
        CommandLineTest.Run r = demo();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(state.resolve("ca.pem"))).isTrue();
        // NewSessionTicket rows come after the handshake, when the client reads them with the response.
        List<Row> rows = table(r.out()).stream().filter(row -> !row.message().equals("NewSessionTicket")).toList();
        assertThat(rows).extracting(Row::message).containsExactly("ClientHello", "ServerHello",
                "Key exchange (hybrid X25519MLKEM768)", "Generate session keys (handshake)", "EncryptedExtensions",
                "Certificate", "Verify certificate", "CertificateVerify", "Finished", "Finished",
                "Generate session keys (application)", "Secure communication begins");
        assertThat(rows).allSatisfy(row -> assertThat(row.purpose()).isNotBlank());
        assertThat(row(rows, "ClientHello").happened()).contains("versions: TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "groups: X25519MLKEM768, x25519", "X25519MLKEM768 (1216 bytes)").containsPattern("random: [0-9a-f ]{64,}");
        assertThat(row(rows, "ServerHello").happened()).contains("key_share: X25519MLKEM768 (1120 bytes)");
        assertThat(row(rows, "Key exchange").happened()).contains("shared secret 64 bytes");
        assertThat(row(rows, "Certificate").happened()).contains("subject CN=localhost", "issuer CN=tlsj local CA");
        assertThat(row(rows, "Verify certificate").happened()).contains("chains to trusted CA 'CN=tlsj local CA'",
                "hostname: localhost matches DNS:localhost", "validity:");
        assertThat(rows.get(8).who()).isEqualTo("Server");
        assertThat(rows.get(8).happened()).contains("checked by the client: verify_data matches");
        assertThat(rows.get(9).who()).isEqualTo("Client");
        assertThat(rows.get(9).happened()).contains("checked by the server: verify_data matches");
        assertThat(row(rows, "Generate session keys (handshake)").happened())
                .contains("values not shown").doesNotContain("TRAFFIC_SECRET");
        assertThat(r.out()).contains("Hello TLS-secured world!", "(encrypted)",
                "Neither the request line nor 'Hello TLS-secured world!' appears anywhere in these bytes")
                .containsPattern("C -> S  handshake +\\d+ bytes  16 03 01 ")
                .containsPattern("C <- S  application_data +\\d+ bytes  17 03 03 ");
    }

    @Test
    void theSequenceDiagramHasTimedArrowsBothWays() {
        String out = demo().out();
        assertThat(out).containsPattern("\\s+0\\.0ms   \\|--- ClientHello -+>\\|")
                .containsPattern("\\d+\\.\\dms   \\|<-+ ServerHello ---\\|")
                .containsPattern("\\d+\\.\\dms   \\| \\* Verify certificate: ok +\\|")
                .containsPattern("Verify client Finished: ok \\* \\|")
                .contains("<==== encrypted application data ====>");
    }

    @ParameterizedTest
    @CsvSource({"x25519, ECDHE x25519, x25519 (32 bytes)", "secp256r1, ECDHE secp256r1, secp256r1 (65 bytes)",
            "X25519MLKEM768, hybrid X25519MLKEM768, X25519MLKEM768 (1120 bytes)",
            "SecP256r1MLKEM768, hybrid SecP256r1MLKEM768, SecP256r1MLKEM768 (1153 bytes)",
            "SecP384r1MLKEM1024, hybrid SecP384r1MLKEM1024, SecP384r1MLKEM1024 (1665 bytes)",
            "MLKEM1024, ML-KEM MLKEM1024, MLKEM1024 (1568 bytes)"})
    void theChosenGroupIsTheOneUsed(String group, String keyExchange, String serverShare) {
        CommandLineTest.Run r = demo("--group", group);
        assertThat(r.code()).as(r.err()).isZero();
        List<Row> rows = table(r.out());
        assertThat(row(rows, "Key exchange").message()).isEqualTo("Key exchange (" + keyExchange + ")");
        assertThat(row(rows, "ServerHello").happened()).contains("key_share: " + serverShare);
        assertThat(row(rows, "Secure communication").happened()).contains("TLSv1.3 TLS_AES_128_GCM_SHA256 " + group);
        assertThat(row(rows, "Key exchange").purpose().contains("ML-KEM")).isEqualTo(group.contains("MLKEM"));
    }

    @Test
    void mutualTlsShowsTheClientCertificateBeingChecked() {
        CommandLineTest.Run r = demo("--mtls");
        assertThat(r.code()).as(r.err()).isZero();
        List<Row> rows = table(r.out());
        assertThat(rows).extracting(Row::message).containsSubsequence("CertificateRequest", "Certificate",
                "Verify certificate", "CertificateVerify", "Finished", "Certificate", "Verify client certificate",
                "CertificateVerify", "Finished");
        assertThat(row(rows, "Verify client certificate").happened())
                .contains("'CN=tlsj demo client' chains to trusted CA 'CN=tlsj local CA'", "clientAuth");
        assertThat(row(rows, "Secure communication").happened()).contains("mutual TLS");
        assertThat(r.out()).contains("client=\"CN=tlsj demo client\"");
        assertThat(state.resolve(DemoPki.CLIENT_CERT)).exists();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "expired; certificate has expired; certificate_expired",
            "wrong-host; certificate for DNS:wrong-host.example does not match localhost; certificate_unknown",
            "untrusted; certificate issued by 'CN=untrusted demo CA' is not trusted; unknown_ca"})
    void aBadCertificateIsRefusedWithTheReasonAndTheAlert(String how, String reason, String alert) {
        CommandLineTest.Run r = demo("--fail", how);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().startsWith("tlsj: TLS handshake with localhost:")
                .contains(reason).endsWith("(sent alert " + alert + ")");
        List<Row> rows = table(r.out());
        assertThat(row(rows, "Verify certificate").happened()).contains("FAILED").contains(reason);
        assertThat(rows.getLast().message()).isEqualTo("Alert " + alert);
        assertThat(rows).extracting(Row::message).doesNotContain("Secure communication begins");
        assertThat(r.out()).contains("alert    client sent " + alert + " (fatal)")
                .contains("Server log: #1").contains("peer sent alert " + alert)
                .doesNotContain("Hello TLS-secured world!\n");
    }

    @Test
    void showSecretsPrintsTheTrafficSecretsFromTheKeyLog() {
        List<Row> rows = table(demo("--show-secrets").out());
        assertThat(row(rows, "Generate session keys (handshake)").happened())
                .containsPattern("CLIENT_HANDSHAKE_TRAFFIC_SECRET = [0-9a-f ]{64,}")
                .containsPattern("SERVER_HANDSHAKE_TRAFFIC_SECRET = [0-9a-f ]{64,}");
        assertThat(row(rows, "Generate session keys (application)").happened())
                .contains("CLIENT_TRAFFIC_SECRET_0 = ", "SERVER_TRAFFIC_SECRET_0 = ");
    }

    @Test
    void jsonIsOneObjectWithStepsSessionAndResponse() throws Exception {
        CommandLineTest.Run r = demo("--format", "json", "--group", "x25519");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> messages = StreamSupport.stream(root.get("steps").spliterator(), false)
                .map(s -> s.get("message").asText()).toList();
        assertThat(messages).contains("ClientHello", "Verify certificate", "Secure communication begins");
        assertThat(root.get("steps").get(0).get("happened").get(0).asText()).isEqualTo("versions: TLSv1.3, TLSv1.2");
        assertThat(root.at("/session/group").asText()).isEqualTo("x25519");
        assertThat(root.at("/session/serverName").asText()).isEqualTo("localhost");
        assertThat(root.at("/response/status").asInt()).isEqualTo(200);
        assertThat(root.at("/response/body").asText()).isEqualTo("Hello TLS-secured world!");
        assertThat(root.at("/ca/subject").asText()).isEqualTo("CN=tlsj local CA");
        assertThat(root.get("failure").isNull()).isTrue();
        assertThat(root.at("/wire/plaintextVisible").asBoolean()).isFalse();
        assertThat(root.at("/wire/records/0/type").asText()).isEqualTo("handshake");
        assertThat(root.get("diagram").size()).isGreaterThan(8);
    }

    @Test
    void jsonOfAFailureNamesTheReason() throws Exception {
        CommandLineTest.Run r = demo("--format", "json", "--fail", "untrusted");
        assertThat(r.code()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.at("/failure/reason").asText()).contains("not issued by a trusted CA");
        assertThat(root.at("/failure/alert").asText()).isEqualTo("client sent unknown_ca (fatal)");
        assertThat(root.get("response").isNull()).isTrue();
    }

    @Test
    void htmlIsOnePageWithTheTableAndAnSvgDiagram() {
        CommandLineTest.Run r = demo("--format", "html");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<style>", "<table id=\"steps\">",
                "<th>Who</th><th>Message</th><th>Purpose</th><th>What happened</th>", "<svg id=\"diagram\"",
                "X25519MLKEM768", "CN=tlsj local CA", "Hello TLS-secured world!").doesNotContain("<script", "src=", "<link");
    }

    @Test
    void aWarmRunTakesUnderThreeSeconds() {
        assertThat(demo().code()).isZero();
        long start = System.nanoTime();
        CommandLineTest.Run warm = demo();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(warm.code()).isZero();
        assertThat(millis).isLessThan(3000);
    }

    @Test
    void badOptionValuesAreOneLine() {
        CommandLineTest.Run r = demo("--fail", "sometimes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("'sometimes' is not one of expired, wrong-host, untrusted for --fail");
        assertThat(demo("--format", "xml").err()).contains("'xml' is not one of text, json, html");
    }
}
