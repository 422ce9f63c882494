package org.tlsj.cli.certs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.KeyPem;
import org.tlsj.certs.KeyType;
import org.tlsj.certs.SecureFiles;
import org.tlsj.cli.common.CliException;
import org.tlsj.pki.Pem;

/**
 * The files {@code tlsj certs} writes, like mkcert: a CA (reused when the directory has one), a server
 * certificate and optionally a client certificate, as PEM. Keys are mode 0600 and never overwritten
 * unless asked; certificates are 0644.
 */
final class CertFiles {
    /** The CA certificate. */
    static final String CA_CERT = "ca.pem";
    /** The CA's private key. */
    static final String CA_KEY = "ca-key.pem";
    /** The server chain: leaf, then CA. */
    static final String SERVER_CERT = "server.pem";
    /** The server's private key. */
    static final String SERVER_KEY = "server-key.pem";
    /** The common name of a CA made here. */
    static final String CA_NAME = "tlsj certs CA";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration BACKDATE = Duration.ofHours(1);

    private CertFiles() {
    }

    /**
     * What to make.
     *
     * @param dir the output directory (created if missing)
     * @param names DNS names and IP literals for the server certificate; the first is its common name
     * @param keyType the type of every new key
     * @param days how long the server and client certificates are valid
     * @param client the common name of a client certificate to make too, if any
     * @param force whether existing server and client keys may be replaced
     */
    record Plan(Path dir, List<String> names, KeyType keyType, int days, Optional<String> client, boolean force) {
        /** Copies the names. */
        Plan {
            names = List.copyOf(names);
        }
    }

    /**
     * What was written.
     *
     * @param ca the CA certificate
     * @param caReused whether the CA came from the directory
     * @param server the server certificate
     * @param client the client certificate, if one was made
     * @param lines one line per file, for people
     */
    record Result(X509Certificate ca, boolean caReused, X509Certificate server, Optional<X509Certificate> client,
                  List<String> lines) {
    }

    /** The client certificate file for a client name. */
    static String clientCert(String name) {
        return "client-" + fileSafe(name) + ".pem";
    }

    /** The client key file for a client name. */
    static String clientKey(String name) {
        return "client-" + fileSafe(name) + "-key.pem";
    }

    /**
     * Writes the files of {@code plan}. Checks every key file first, so a refusal writes nothing.
     *
     * @throws CliException if a key exists and {@code force} is off, or the CA in the directory is unusable
     */
    static Result write(Plan plan, Instant now) throws IOException {
        Path dir = plan.dir();
        if (plan.names().isEmpty()) {
            throw new CliException("--names needs at least one name");
        }
        if (plan.days() < 1) {
            throw new CliException("--days must be at least 1, not " + plan.days());
        }
        List<Path> keyFiles = new ArrayList<>(List.of(dir.resolve(SERVER_KEY)));
        plan.client().ifPresent(c -> keyFiles.add(dir.resolve(clientKey(c))));
        if (!plan.force()) {
            for (Path k : keyFiles) {
                if (Files.exists(k)) {
                    throw new CliException(k + " already exists; tlsj certs never overwrites a key: add --force to "
                            + "replace it, or choose another --out");
                }
            }
        }
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        Instant from = now.minus(BACKDATE);
        Instant until = now.plus(Duration.ofDays(plan.days()));

        Optional<Issued> existing = loadCa(dir);
        Issued ca = existing.orElseGet(() -> CertificateMinter.ca(CA_NAME, plan.keyType(), from, now.plus(CA_LIFETIME)));
        if (existing.isEmpty()) {
            writeFile(dir.resolve(CA_KEY), KeyPem.toPem(ca.keyPair()), true, true);
            writeFile(dir.resolve(CA_CERT), Pem.toPem(ca.certificate()), false, true);
            lines.add(line("CA", dir.resolve(CA_CERT), ca.certificate(), "new, " + plan.keyType()));
            lines.add(line("CA key", dir.resolve(CA_KEY), null, "mode 0600; keep it secret"));
        } else {
            lines.add(line("CA", dir.resolve(CA_CERT), ca.certificate(), "reused"));
        }

        Issued server = CertificateMinter.leaf(ca, plan.names().getFirst(), plan.names(), plan.keyType(), from, until,
                EnumSet.of(Usage.SERVER));
        checkSignedBy(server, ca, dir);
        writeFile(dir.resolve(SERVER_KEY), KeyPem.toPem(server.keyPair()), true, plan.force());
        writeFile(dir.resolve(SERVER_CERT), Pem.toPem(List.of(server.certificate(), ca.certificate())), false, true);
        lines.add(line("server", dir.resolve(SERVER_CERT), server.certificate(), "for " + String.join(", ", plan.names())
                + ", " + plan.keyType()));
        lines.add(line("server key", dir.resolve(SERVER_KEY), null, "mode 0600"));

        Optional<X509Certificate> clientCert = Optional.empty();
        if (plan.client().isPresent()) {
            String name = plan.client().get();
            Issued client = CertificateMinter.leaf(ca, name, List.of(), plan.keyType(), from, until,
                    EnumSet.of(Usage.CLIENT));
            writeFile(dir.resolve(clientKey(name)), KeyPem.toPem(client.keyPair()), true, plan.force());
            writeFile(dir.resolve(clientCert(name)), Pem.toPem(List.of(client.certificate(), ca.certificate())), false, true);
            lines.add(line("client", dir.resolve(clientCert(name)), client.certificate(), "CN=" + name + ", for mutual TLS"));
            lines.add(line("client key", dir.resolve(clientKey(name)), null, "mode 0600"));
            clientCert = Optional.of(client.certificate());
        }
        return new Result(ca.certificate(), existing.isPresent(), server.certificate(), clientCert, lines);
    }

    /** The CA in {@code dir}, if it has both files. */
    private static Optional<Issued> loadCa(Path dir) throws IOException {
        Path cert = dir.resolve(CA_CERT);
        Path key = dir.resolve(CA_KEY);
        if (!Files.exists(cert) && !Files.exists(key)) {
            return Optional.empty();
        }
        if (!Files.exists(cert) || !Files.exists(key)) {
            throw new CliException(dir + " has only one of " + CA_CERT + " and " + CA_KEY
                    + "; restore the other, or remove both to make a new CA");
        }
        List<X509Certificate> certificates = Pem.certificates(cert);
        if (certificates.isEmpty() || certificates.getFirst().getBasicConstraints() < 0) {
            throw new CliException(cert + " is not a CA certificate");
        }
        PrivateKey privateKey = Pem.privateKey(key);
        X509Certificate caCert = certificates.getFirst();
        return Optional.of(new Issued(caCert, new KeyPair(caCert.getPublicKey(), privateKey)));
    }

    /** A CA key that does not belong to the CA certificate shows up as a leaf its certificate cannot verify. */
    private static void checkSignedBy(Issued leaf, Issued ca, Path dir) {
        try {
            leaf.certificate().verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CliException(dir.resolve(CA_KEY) + " does not belong to " + dir.resolve(CA_CERT), e);
        }
    }

    private static String line(String what, Path file, X509Certificate cert, String note) {
        String validity = cert == null ? "" : ", valid until " + cert.getNotAfter().toInstant();
        return String.format(java.util.Locale.ROOT, "  %-11s %s (%s%s)", what, file, note, validity);
    }

    private static String fileSafe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "client" : s;
    }

    /** {@link SecureFiles#write}; without {@code replace}, an existing file is an error that names --force. */
    private static void writeFile(Path file, String content, boolean secret, boolean replace) throws IOException {
        try {
            SecureFiles.write(file, content, secret, replace);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(file + " already exists; tlsj certs never overwrites a key: add --force", e);
        }
    }
}
