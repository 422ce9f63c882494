package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.pki.Pem;

/**
 * A real browser against `tlsj server`: headless Chromium (BoringSSL) loads the greeting, trusting the
 * minted certificate by its SPKI hash, and the server's log line shows the hybrid group Chromium offers first.
 */
class ChromiumAgainstServerTest {
    @TempDir
    Path dir;

    @Test
    void chromiumLoadsThePageOverX25519Mlkem768() throws Exception {
        Chromium.require();
        Path certs = dir.resolve("certs");
        assertThat(CommandLineTest.tlsj("certs", "--out", certs.toString()).code()).isZero();
        byte[] spki = Pem.certificates(certs.resolve("server.pem")).getFirst().getPublicKey().getEncoded();
        String pin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));

        try (RunningServer s = new RunningServer("--cert", certs.resolve("server.pem").toString(),
                "--key", certs.resolve("server-key.pem").toString())) {
            Chromium.Result r = Chromium.run(dir, List.of("--ignore-certificate-errors-spki-list=" + pin,
                    "--dump-dom", "https://localhost:" + s.port() + "/"));
            assertThat(r.stdout()).as(r.stderr()).contains("Hello TLS-secured world!");
            String line = s.lineContaining("\"GET / HTTP/1.1\" 200");
            assertThat(line).as(String.join("\n", s.pending())).isNotNull()
                    .contains("sni=localhost", "TLSv1.3", "X25519MLKEM768");
        }
    }
}
