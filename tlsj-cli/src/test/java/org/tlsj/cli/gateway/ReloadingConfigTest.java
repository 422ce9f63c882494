package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.ClientAuth;
import org.tlsj.ServerConfig;

class ReloadingConfigTest {
    @TempDir
    Path dir;

    private static String leafName(ServerConfig c) {
        return c.certificates().getFirst().leaf().getSubjectX500Principal().getName();
    }

    @Test
    void reloadsOnlyWhenAFileChangedAndKeepsTheOldSettingsWhenTheNewFilesAreBroken() throws Exception {
        LivePki pki = new LivePki("Reload CA", dir);
        CertificateFiles.Pair pair = pki.write("server", pki.server("first", List.of("localhost")));
        ReloadingConfig config = ReloadingConfig.load(new CertificateFiles(List.of(pair), ClientAuth.NONE,
                Optional.empty()));
        assertThat(config.reloadIfChanged()).isFalse();

        pki.write("server", pki.server("second", List.of("localhost")));
        touch(pair, Instant.now().plusSeconds(60));
        assertThat(config.reloadIfChanged()).isTrue();
        assertThat(leafName(config.current())).isEqualTo("CN=second");
        assertThat(config.reloadIfChanged()).isFalse();

        Files.writeString(pair.chain(), "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        touch(pair, Instant.now().plusSeconds(120));
        assertThatThrownBy(config::reloadIfChanged).hasMessageContaining("cannot be parsed");
        assertThat(leafName(config.current())).isEqualTo("CN=second");
        assertThat(config.reloadIfChanged()).as("a broken file is reported once").isFalse();
    }

    @Test
    void clientAuthNeedsTheCaFile() {
        assertThatThrownBy(() -> new CertificateFiles(List.of(new CertificateFiles.Pair(dir.resolve("c"),
                dir.resolve("k"))), ClientAuth.REQUIRED, Optional.empty()))
                .hasMessage("--client-auth required needs --ca, the CA that issues client certificates");
    }

    private static void touch(CertificateFiles.Pair pair, Instant when) throws Exception {
        Files.setLastModifiedTime(pair.chain(), FileTime.from(when));
        Files.setLastModifiedTime(pair.key(), FileTime.from(when));
    }
}
