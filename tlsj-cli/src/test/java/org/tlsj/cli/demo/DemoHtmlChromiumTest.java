package org.tlsj.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.cli.Chromium;
import org.tlsj.cli.CommandLineTest;

/** `tlsj demo --format html` loads in headless Chromium, which renders the table and takes a screenshot. */
class DemoHtmlChromiumTest {
    @TempDir
    Path dir;

    @Test
    void theHtmlPageLoadsInChromiumAndTakesAScreenshot() throws Exception {
        Chromium.require();
        CommandLineTest.Run r = CommandLineTest.tlsj("demo", "--state-dir", dir.resolve("state").toString(),
                "--format", "html", "--mtls");
        assertThat(r.code()).as(r.err()).isZero();
        Path page = dir.resolve("demo.html");
        Files.writeString(page, r.out());

        Chromium.Result dom = Chromium.run(dir, List.of("--dump-dom", page.toUri().toString()));
        assertThat(dom.stdout()).as(dom.stderr()).contains("<table id=\"steps\">", "Verify client certificate",
                "</svg>", "Hello TLS-secured world!");

        Path png = dir.resolve("demo.png");
        Chromium.Result shot = Chromium.run(dir, List.of("--screenshot=" + png, "--window-size=1200,900",
                page.toUri().toString()));
        assertThat(png).as(shot.stderr()).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
