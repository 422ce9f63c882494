package org.tlsj.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.tlsj.certs.PkixVerifierTest.NOW;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

class LocalPkiTest {
    private static final List<String> NAMES = List.of("localhost", "127.0.0.1");

    private static LocalPki load(Path dir, List<String> names, Instant now) throws Exception {
        return LocalPki.createOrLoad(dir, names, KeyType.EC_P256, now, false);
    }

    @Test
    void createsFourFilesWhoseChainValidatesAgainstTheCaFile(@TempDir Path dir) throws Exception {
        LocalPki pki = load(dir, NAMES, NOW);

        assertThat(dir.resolve("ca.pem")).exists();
        assertThat(dir.resolve("ca-key.pem")).exists();
        var key = Pem.certifiedKey(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        assertThat(key.chain()).containsExactlyElementsOf(pki.serverKey().chain());
        assertThat(key.chain().get(1)).isEqualTo(pki.caCertificate());
        assertThat(PkixVerifier.fromCaFile(pki.caFile()).verify(key.chain(), Optional.of("127.0.0.1"), NOW).checks())
                .contains("hostname: 127.0.0.1 matches IP:127.0.0.1");
        assertThat(pki.actions()).hasSize(4).allMatch(a -> a.startsWith("created") || a.startsWith("issued"));
    }

    @Test
    void reusesEverythingOnTheSecondCall(@TempDir Path dir) throws Exception {
        LocalPki first = load(dir, NAMES, NOW);
        String caKey = Files.readString(dir.resolve("ca-key.pem"));

        LocalPki second = load(dir, NAMES, NOW.plus(Duration.ofDays(30)));

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverKey().chain()).isEqualTo(first.serverKey().chain());
        assertThat(sameKey(second.serverKey().privateKey(), first.serverKey().privateKey())).isTrue();
        assertThat(Files.readString(dir.resolve("ca-key.pem"))).isEqualTo(caKey);
        assertThat(second.actions()).allMatch(a -> a.startsWith("reused"));
    }

    @Test
    void writesKeysWithMode0600(@TempDir Path dir) throws Exception {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        load(dir, NAMES, NOW);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server.pem"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void reissuesTheServerCertificateForANewNameKeepingBothKeys(@TempDir Path dir) throws Exception {
        LocalPki first = load(dir, NAMES, NOW);

        LocalPki second = load(dir, List.of("localhost", "app.test"), NOW);

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(sameKey(second.serverKey().privateKey(), first.serverKey().privateKey())).isTrue();
        assertThat(second.serverKey().leaf()).isNotEqualTo(first.serverKey().leaf());
        assertThat(HostnameMatcher.describeNames(second.serverKey().leaf())).isEqualTo("DNS:localhost, DNS:app.test");
    }

    @Test
    void renewsAnExpiredCaWithTheSameKey(@TempDir Path dir) throws Exception {
        LocalPki first = load(dir, NAMES, NOW);
        String caKey = Files.readString(dir.resolve("ca-key.pem"));

        LocalPki later = load(dir, NAMES, NOW.plus(Duration.ofDays(3700)));

        assertThat(later.caCertificate()).isNotEqualTo(first.caCertificate());
        assertThat(later.caCertificate().getPublicKey()).isEqualTo(first.caCertificate().getPublicKey());
        assertThat(Files.readString(dir.resolve("ca-key.pem"))).isEqualTo(caKey);
        assertThat(later.actions()).contains("reused CA key " + dir.resolve("ca-key.pem"));
    }

    @Test
    void issuesACertificateForAnExistingKeyWithoutReplacingIt(@TempDir Path dir) throws Exception {
        load(dir, NAMES, NOW);
        String serverKey = Files.readString(dir.resolve("server-key.pem"));
        Files.delete(dir.resolve("server.pem"));

        LocalPki again = load(dir, NAMES, NOW);

        assertThat(Files.readString(dir.resolve("server-key.pem"))).isEqualTo(serverKey);
        assertThat(Pem.certifiedKey(dir.resolve("server.pem"), dir.resolve("server-key.pem")).leaf())
                .isEqualTo(again.serverKey().leaf());
    }

    @Test
    void refusesACaCertificateWhoseKeyIsMissing(@TempDir Path dir) throws Exception {
        load(dir, NAMES, NOW);
        Files.delete(dir.resolve("ca-key.pem"));

        assertThatThrownBy(() -> load(dir, NAMES, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("ca.pem") + " exists but " + dir.resolve("ca-key.pem") + " does not");
    }

    @Test
    void replacesKeysOnlyWhenAsked(@TempDir Path dir) throws Exception {
        LocalPki first = load(dir, NAMES, NOW);

        LocalPki replaced = LocalPki.createOrLoad(dir, NAMES, KeyType.ED25519, NOW, true);

        assertThat(replaced.caCertificate().getPublicKey()).isNotEqualTo(first.caCertificate().getPublicKey());
        assertThat(replaced.serverKey().privateKey().getAlgorithm()).isEqualTo("EdDSA");
        assertThat(replaced.actions()).contains("replaced CA key " + dir.resolve("ca-key.pem") + " (ed25519, mode 0600)");
    }

    @Test
    void usesDefaultNamesWhenNoneAreGiven(@TempDir Path dir) throws Exception {
        LocalPki pki = LocalPki.createOrLoad(dir, List.of());

        assertThat(HostnameMatcher.describeNames(pki.serverKey().leaf()))
                .isEqualTo("DNS:localhost, IP:127.0.0.1, IP:::1");
    }

    /** The same key, whether or not its encoding carries the optional EC public point. */
    private static boolean sameKey(java.security.PrivateKey a, java.security.PrivateKey b) {
        if (a instanceof java.security.interfaces.ECPrivateKey ea && b instanceof java.security.interfaces.ECPrivateKey eb) {
            return ea.getS().equals(eb.getS());
        }
        return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
