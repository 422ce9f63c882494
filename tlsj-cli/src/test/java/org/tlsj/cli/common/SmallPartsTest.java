package org.tlsj.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.Role;
import picocli.CommandLine;

class SmallPartsTest {
    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> DurationConverter.parse("-1s")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }

    @Test
    void stateDirComesFromTheEnvironmentThenHomeThenWorkingDir(@TempDir Path tmp) {
        assertThat(StateDir.resolve(Map.of("TLSJ_STATE_DIR", "/srv/tlsj"), tmp, tmp)).isEqualTo(Path.of("/srv/tlsj"));
        assertThat(StateDir.resolve(Map.of(), tmp, tmp)).isEqualTo(tmp.resolve(".local/state/tlsj").toAbsolutePath());
        assertThat(StateDir.resolve(Map.of(), tmp.resolve("missing-home"), tmp)).isEqualTo(tmp.resolve(".state").toAbsolutePath());
    }

    @Test
    void traceLinesShowDirectionAndIndentDetails() {
        StringWriter sw = new StringWriter();
        TracePrinter p = new TracePrinter(new PrintWriter(sw), () -> "[#7] ");
        p.onEvent(new HandshakeEvent(HandshakeEvent.Kind.MESSAGE, Role.SERVER, "ServerHello",
                List.of(new HandshakeEvent.Detail("cipher_suite", "TLS_AES_128_GCM_SHA256")), 0));
        p.onEvent(new HandshakeEvent(HandshakeEvent.Kind.KEYS, Role.CLIENT, "handshake traffic keys", List.of(), 0));
        List<String> lines = sw.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("\\[#7] +\\+[\\d.]+ms  C <- S  ServerHello");
        assertThat(lines.get(1)).isEqualTo("[#7] " + " ".repeat(20) + "cipher_suite: TLS_AES_128_GCM_SHA256");
        assertThat(lines.get(2)).matches("\\[#7] +\\+[\\d.]+ms  keys    handshake traffic keys");
    }

    @Test
    void responsesAreReadByLengthByChunksOrToTheEnd() throws Exception {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA").text()).isEqualTo("hello");
        assertThat(read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;x=y\r\n, world\r\n0\r\n\r\n").text())
                .isEqualTo("hello, world");
        Http.Response r = read("HTTP/1.0 404 Not Found\nServer: x\n\nnothing here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("Not Found");
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).isEqualTo("nothing here");
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n")).hasMessageContaining("not HTTP/1.x");
    }

    private static Http.Response read(String raw) throws Exception {
        return Http.readResponse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
