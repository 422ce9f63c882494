package org.tlsj.cli.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.KeyPem;
import org.tlsj.certs.KeyType;
import org.tlsj.certs.LocalPki;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.Pem;

/**
 * An RSA server certificate from the local CA, {@value #CERT} and {@value #KEY} in the state directory: TLS 1.2
 * static RSA key exchange ({@code --kx rsa}) encrypts the pre-master secret to an RSA key, and the local CA's
 * usual server certificate has an EC key.
 */
public final class LocalRsaCertificate {
    /** The chain file, leaf then CA. */
    public static final String CERT = "server-rsa.pem";
    /** The private key file. */
    static final String KEY = "server-rsa-key.pem";
    private static final Duration LIFETIME = Duration.ofDays(397);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration MIN_REMAINING = Duration.ofDays(1);

    private LocalRsaCertificate() {
    }

    /**
     * Reuses the RSA certificate in {@code dir} while it is from this CA, in date and covers {@code names};
     * otherwise mints a new one (RSA 2048) and writes both files.
     *
     * @param pki the local CA, already created or loaded in {@code dir}
     * @param names the host names and addresses it must cover
     */
    public static CertifiedKey createOrLoad(LocalPki pki, List<String> names) throws IOException {
        Path dir = pki.directory();
        Path certFile = dir.resolve(CERT);
        Path keyFile = dir.resolve(KEY);
        X509Certificate ca = pki.caCertificate();
        Instant now = Instant.now();
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            CertifiedKey existing = Pem.certifiedKey(certFile, keyFile);
            if (good(existing.leaf(), ca, names, now)) {
                return existing;
            }
        }
        KeyPair caKeys = new KeyPair(ca.getPublicKey(), Pem.privateKey(dir.resolve(LocalPki.CA_KEY)));
        Issued issuer = new Issued(ca, caKeys);
        Issued leaf = CertificateMinter.leaf(issuer, names.getFirst(), names, KeyType.RSA_2048, now.minus(BACKDATE),
                now.plus(LIFETIME), EnumSet.of(Usage.SERVER));
        Files.deleteIfExists(keyFile);
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(keyFile, KeyPem.toPem(leaf.keyPair()));
        Files.writeString(certFile, Pem.toPem(List.of(leaf.certificate(), ca)));
        return leaf.withChain(issuer);
    }

    private static boolean good(X509Certificate leaf, X509Certificate ca, List<String> names, Instant now) {
        try {
            leaf.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        return leaf.getPublicKey().getAlgorithm().equals("RSA")
                && !leaf.getNotBefore().toInstant().isAfter(now)
                && leaf.getNotAfter().toInstant().isAfter(now.plus(MIN_REMAINING))
                && names.stream().allMatch(n -> HostnameMatcher.matches(leaf, n));
    }
}
