package org.tlsj.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.KeyPem;
import org.tlsj.certs.KeyType;
import org.tlsj.certs.LocalPki;
import org.tlsj.cli.common.LocalRsaCertificate;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;

/** The demo's certificates: the local CA's server certificate, a client certificate for --mtls, bad ones for --fail. */
final class DemoPki {
    /** The demo client's certificate file in the state directory. */
    static final String CLIENT_CERT = "demo-client.pem";
    /** The demo client's key file in the state directory. */
    static final String CLIENT_KEY = "demo-client-key.pem";
    /** The demo client's common name. */
    static final String CLIENT_NAME = "tlsj demo client";
    /** The host name a --fail wrong-host certificate is made for. */
    static final String WRONG_HOST = "wrong-host.example";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MIN_REMAINING = Duration.ofDays(1);

    private final LocalPki local;
    private final Issued ca;

    private DemoPki(LocalPki local, Issued ca) {
        this.local = local;
        this.ca = ca;
    }

    /** Makes or reuses the local CA and its server certificate for localhost in {@code stateDir}. */
    static DemoPki open(Path stateDir) throws IOException {
        LocalPki local = LocalPki.createOrLoad(stateDir, List.of("localhost", "127.0.0.1"));
        X509Certificate caCert = local.caCertificate();
        KeyPair caKeys = new KeyPair(caCert.getPublicKey(), Pem.privateKey(stateDir.resolve(LocalPki.CA_KEY)));
        return new DemoPki(local, new Issued(caCert, caKeys));
    }

    /** The CA certificate file. */
    Path caFile() {
        return local.caFile();
    }

    /** The CA certificate. */
    X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The good server certificate for localhost. */
    CertifiedKey server() {
        return local.serverKey();
    }

    /** The local CA's RSA server certificate for localhost ({@value LocalRsaCertificate#CERT}), for --kx rsa. */
    CertifiedKey serverRsa() throws IOException {
        return LocalRsaCertificate.createOrLoad(local, List.of("localhost", "127.0.0.1"));
    }

    /**
     * A client certificate from the local CA, kept in the state directory and reused while it is good.
     *
     * @param now the current time
     */
    CertifiedKey client(Instant now) throws IOException {
        Path dir = local.directory();
        Path certFile = dir.resolve(CLIENT_CERT);
        Path keyFile = dir.resolve(CLIENT_KEY);
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            CertifiedKey existing = Pem.certifiedKey(certFile, keyFile);
            if (stillGood(existing.leaf(), now)) {
                return existing;
            }
        }
        Issued client = CertificateMinter.leaf(ca, CLIENT_NAME, List.of(), KeyType.EC_P256, now.minus(HOUR),
                now.plus(Duration.ofDays(397)), EnumSet.of(Usage.CLIENT));
        writeOwnerOnly(keyFile, KeyPem.toPem(client.keyPair()));
        Files.writeString(certFile, Pem.toPem(List.of(client.certificate(), ca.certificate())));
        return client.withChain(ca);
    }

    /**
     * A bad server certificate for {@code --fail}, minted in a fresh temporary directory and loaded back from
     * its PEM files the way {@code tlsj server --cert --key} would; the directory is deleted afterwards.
     *
     * @param keyType the leaf's key: RSA for TLS 1.2 RSA key exchange, else EC
     */
    CertifiedKey bad(DemoOptions.Failure failure, Instant now, KeyType keyType) throws IOException {
        Issued leaf = switch (failure) {
            case EXPIRED -> CertificateMinter.leaf(ca, "localhost", List.of("localhost", "127.0.0.1"), keyType,
                    now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), EnumSet.of(Usage.SERVER));
            case WRONG_HOST -> CertificateMinter.leaf(ca, WRONG_HOST, List.of(WRONG_HOST), keyType,
                    now.minus(HOUR), now.plus(Duration.ofDays(1)), EnumSet.of(Usage.SERVER));
            case UNTRUSTED -> {
                Issued stranger = CertificateMinter.ca("untrusted demo CA", KeyType.EC_P256, now.minus(HOUR),
                        now.plus(Duration.ofDays(1)));
                yield CertificateMinter.leaf(stranger, "localhost", List.of("localhost", "127.0.0.1"),
                        keyType, now.minus(HOUR), now.plus(Duration.ofDays(1)), EnumSet.of(Usage.SERVER));
            }
        };
        X509Certificate issuer = failure == DemoOptions.Failure.UNTRUSTED ? null : ca.certificate();
        Path tmp = Files.createTempDirectory("tlsj-demo-" + failure.cliName());
        try {
            Path cert = tmp.resolve("server.pem");
            Path key = tmp.resolve("server-key.pem");
            Files.writeString(cert, issuer == null ? Pem.toPem(leaf.certificate())
                    : Pem.toPem(List.of(leaf.certificate(), issuer)));
            writeOwnerOnly(key, KeyPem.toPem(leaf.keyPair()));
            return Pem.certifiedKey(cert, key);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private boolean stillGood(X509Certificate leaf, Instant now) {
        try {
            leaf.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        return !leaf.getNotBefore().toInstant().isAfter(now)
                && leaf.getNotAfter().toInstant().isAfter(now.plus(MIN_REMAINING));
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content);
    }
}
