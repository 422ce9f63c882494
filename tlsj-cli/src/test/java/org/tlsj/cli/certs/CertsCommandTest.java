package org.tlsj.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.cli.CommandLineTest;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

/** `tlsj certs`: a CA, server and client certificates that verify, with safe file modes and the --force rule. */
class CertsCommandTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void mintsACaAServerAndAClientCertificateThatVerify() throws Exception {
        Path out = dir.resolve("certs");
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", out.toString(), "--names",
                "localhost,127.0.0.1,api.example.com", "--client", "alice");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tlsj server --cert " + out.resolve("server.pem"),
                "curl --cacert " + out.resolve("ca.pem"), "--client-auth required", "client-alice.pem");
        for (String key : List.of("ca-key.pem", "server-key.pem", "client-alice-key.pem")) {
            assertThat(mode(out.resolve(key))).as(key).isEqualTo("rw-------");
        }
        for (String cert : List.of("ca.pem", "server.pem", "client-alice.pem")) {
            assertThat(mode(out.resolve(cert))).as(cert).isEqualTo("rw-r--r--");
        }
        PkixVerifier trust = PkixVerifier.fromCaFile(out.resolve("ca.pem"));
        List<X509Certificate> server = Pem.certificates(out.resolve("server.pem"));
        for (String name : List.of("localhost", "127.0.0.1", "api.example.com")) {
            assertThat(trust.verify(server, Optional.of(name), Instant.now()).checks()).anyMatch(c -> c.startsWith("hostname"));
            assertThat(HostnameMatcher.matches(server.getFirst(), name)).isTrue();
        }
        assertThat(HostnameMatcher.describeNames(server.getFirst()))
                .isEqualTo("DNS:localhost, DNS:api.example.com, IP:127.0.0.1");
        List<X509Certificate> client = Pem.certificates(out.resolve("client-alice.pem"));
        assertThat(trust.verifyClient(client, Instant.now()).checks()).anyMatch(c -> c.contains("clientAuth"));
        assertThat(client.getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=alice");
        assertThat(Pem.certifiedKey(out.resolve("server.pem"), out.resolve("server-key.pem")).leaf())
                .isEqualTo(server.getFirst());
    }

    @Test
    void neverOverwritesAKeyWithoutForceAndReusesTheCa() throws Exception {
        assertThat(CommandLineTest.tlsj("certs", "--out", dir.toString()).code()).isZero();
        String ca = Files.readString(dir.resolve("ca.pem"));
        String key = Files.readString(dir.resolve("server-key.pem"));

        CommandLineTest.Run again = CommandLineTest.tlsj("certs", "--out", dir.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().lines()).containsExactly("tlsj: " + dir.resolve("server-key.pem")
                + " already exists; tlsj certs never overwrites a key: add --force to replace it, or choose another --out");
        assertThat(Files.readString(dir.resolve("server-key.pem"))).isEqualTo(key);

        CommandLineTest.Run forced = CommandLineTest.tlsj("certs", "--out", dir.toString(), "--force", "--names", "h.example");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("(reused");
        assertThat(Files.readString(dir.resolve("server-key.pem"))).isNotEqualTo(key);
        assertThat(Files.readString(dir.resolve("ca.pem"))).isEqualTo(ca);
        assertThat(mode(dir.resolve("server-key.pem"))).isEqualTo("rw-------");
        PkixVerifier.fromCaFile(dir.resolve("ca.pem")).verify(Pem.certificates(dir.resolve("server.pem")),
                Optional.of("h.example"), Instant.now());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256", "ec-p384", "rsa-2048", "rsa-3072", "ed25519", "ml-dsa-44", "ml-dsa-65",
            "ml-dsa-87"})
    void everyKeyTypeMakesAWorkingChain(String type) throws Exception {
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", dir.toString(), "--key", type, "--days", "30");
        assertThat(r.code()).as(r.err()).isZero();
        List<X509Certificate> chain = Pem.certificates(dir.resolve("server.pem"));
        PkixVerifier.fromCaFile(dir.resolve("ca.pem")).verify(chain, Optional.of("localhost"), Instant.now());
        long days = (chain.getFirst().getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
        assertThat(days).isBetween(29L, 30L);
        assertThat(Pem.certifiedKey(dir.resolve("server.pem"), dir.resolve("server-key.pem")).privateKey()).isNotNull();
    }

    @Test
    void mlDsaMakesTheCaServerAndClientCertificatesWithThatParameterSet() throws Exception {
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", dir.toString(), "--key", "ml-dsa-65",
                "--client", "alice");
        assertThat(r.code()).as(r.err()).isZero();
        for (String cert : List.of("ca.pem", "server.pem", "client-alice.pem")) {
            X509Certificate c = Pem.certificates(dir.resolve(cert)).getFirst();
            assertThat(c.getSigAlgName()).as(cert).isEqualToIgnoringCase("ML-DSA-65");
            assertThat(c.getPublicKey().getAlgorithm()).as(cert).isEqualTo("ML-DSA");
        }
        assertThat(Files.readString(dir.resolve("client-alice-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        PkixVerifier trust = PkixVerifier.fromCaFile(dir.resolve("ca.pem"));
        assertThat(trust.verifyClient(Pem.certificates(dir.resolve("client-alice.pem")), Instant.now()).checks())
                .anyMatch(c -> c.contains("clientAuth"));
    }

    @Test
    void anUnknownKeyTypeIsOneLine() {
        CommandLineTest.Run r = CommandLineTest.tlsj("certs", "--out", dir.toString(), "--key", "dsa");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().startsWith("tlsj: --key: unknown key type 'dsa'");
    }
}
