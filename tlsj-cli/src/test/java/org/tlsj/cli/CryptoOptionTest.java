package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.crypto.CryptoProviders;

/** {@code --crypto}: the fastest usable provider by default, named in the result lines; bad names refused. */
class CryptoOptionTest {
    @TempDir
    Path dir;

    private Path certs;

    @BeforeEach
    void mintCertificates() {
        certs = dir.resolve("certs");
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", certs.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private String[] server(String... more) {
        String[] base = {"--cert", certs.resolve("server.pem").toString(), "--key", certs.resolve("server-key.pem").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void serverSaysItUsesTheFastestUsableProviderByDefault() throws Exception {
        try (RunningServer s = new RunningServer(server())) {
            assertThat(s.listeningLine()).contains("crypto " + CryptoProviders.fastest().name() + " (fastest available)");
        }
    }

    @Test
    void everyUsableProviderServesAndFetchesAcrossProviders() throws Exception {
        for (var serverSide : CryptoProviders.available()) {
            try (RunningServer s = new RunningServer(server("--crypto", serverSide.name()))) {
                assertThat(s.listeningLine()).contains("crypto " + serverSide.name() + ")");
                for (var clientSide : CryptoProviders.available()) {
                    CommandLineTest.Run r = CommandLineTest.tlsj("get", "-v", "--crypto", clientSide.name(),
                            "--ca", certs.resolve("ca.pem").toString(), "https://localhost:" + s.port() + "/");
                    assertThat(r.code()).as(serverSide + " -> " + clientSide + ": " + r.err()).isZero();
                    assertThat(r.out()).startsWith("Hello TLS-secured world!");
                    assertThat(r.err().lines()).contains("* crypto " + clientSide.name());
                }
            }
        }
        assertThat(CryptoProviders.available()).extracting(f -> f.name()).contains("jca", "bc");
    }

    @Test
    void unknownProviderIsOneLineNamingTheChoices() {
        CommandLineTest.Run r = CommandLineTest.tlsj("get", "--crypto", "nope", "https://localhost:1/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("tlsj: unknown crypto provider 'nope'; choose auto, "
                + String.join(", ", CryptoProviders.all().stream().map(f -> f.name()).toList()));
    }
}
