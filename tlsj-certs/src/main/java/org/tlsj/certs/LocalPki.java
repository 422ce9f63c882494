package org.tlsj.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.Pem;

/**
 * A local CA and one server certificate kept in a directory, for {@code tlsj server} when no certificate
 * is given. Files: {@code ca.pem}, {@code ca-key.pem}, {@code server.pem} (leaf then CA) and
 * {@code server-key.pem}; key files are written with mode 0600 where the file system is POSIX.
 *
 * <p>Existing files are reused when still good: a certificate is reused if it is valid for at least one
 * more day, fits its key, and (for the server) is signed by the CA and covers every requested name.
 * Otherwise a new certificate is issued <em>for the existing key</em>: a key file is never replaced
 * unless {@code replaceKeys} is set, so a CA someone already trusts keeps working after renewal.
 */
public final class LocalPki {
    /** The CA certificate file name. */
    public static final String CA_CERT = "ca.pem";
    /** The CA private key file name. */
    public static final String CA_KEY = "ca-key.pem";
    /** The server chain file name (leaf, then CA). */
    public static final String SERVER_CERT = "server.pem";
    /** The server private key file name. */
    public static final String SERVER_KEY = "server-key.pem";
    /** Names used when none are given. */
    public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    /** 397 days: within the 398-day limit browsers enforce for server certificates. */
    private static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration MIN_REMAINING = Duration.ofDays(1);
    private static final String CA_NAME = "tlsj local CA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Certificate caCertificate;
    private final CertifiedKey serverKey;
    private final List<String> actions;

    private LocalPki(Path directory, X509Certificate caCertificate, CertifiedKey serverKey, List<String> actions) {
        this.directory = directory;
        this.caCertificate = caCertificate;
        this.serverKey = serverKey;
        this.actions = List.copyOf(actions);
    }

    /**
     * Makes or reuses the CA and a server certificate for {@code names} (default: localhost, 127.0.0.1,
     * ::1), with EC P-256 keys, at the current time.
     *
     * @throws IOException if a file cannot be read or written
     */
    public static LocalPki createOrLoad(Path dir, List<String> names) throws IOException {
        return createOrLoad(dir, names, KeyType.EC_P256, Instant.now(), false);
    }

    /**
     * Makes or reuses the CA and a server certificate.
     *
     * @param dir the directory (created if missing)
     * @param names DNS names and IP literals the server certificate must cover; empty means the defaults
     * @param keyType the type of keys made new (existing keys keep their type)
     * @param now the current time
     * @param replaceKeys whether to replace existing key files with new keys
     * @throws IOException if a file cannot be read or written
     * @throws IllegalStateException if {@code ca.pem} exists without {@code ca-key.pem}
     */
    public static LocalPki createOrLoad(Path dir, List<String> names, KeyType keyType, Instant now,
            boolean replaceKeys) throws IOException {
        List<String> wanted = names.isEmpty() ? DEFAULT_NAMES : List.copyOf(names);
        List<String> actions = new ArrayList<>();
        Files.createDirectories(dir);
        Path caCertFile = dir.resolve(CA_CERT);
        Path caKeyFile = dir.resolve(CA_KEY);
        if (Files.exists(caCertFile) && !Files.exists(caKeyFile) && !replaceKeys) {
            throw new IllegalStateException(caCertFile + " exists but " + caKeyFile + " does not, so no "
                    + "certificate can be issued with that CA; restore the key, or delete " + caCertFile
                    + " to make a new CA");
        }
        KeyPair caKeys = loadOrMakeKey(caKeyFile, keyType, replaceKeys, "CA", actions);
        X509Certificate ca = reusable(caCertFile, caKeys, now)
                .filter(c -> c.getBasicConstraints() >= 0)
                .orElse(null);
        if (ca == null) {
            ca = CertificateMinter.ca(CA_NAME, caKeys, now.minus(BACKDATE), now.plus(CA_LIFETIME)).certificate();
            SecureFiles.write(caCertFile, Pem.toPem(ca), false, true);
            actions.add("issued CA certificate " + caCertFile + " (valid until " + ca.getNotAfter().toInstant() + ")");
        } else {
            actions.add("reused CA certificate " + caCertFile + " (valid until " + ca.getNotAfter().toInstant() + ")");
        }
        Issued caIssued = new Issued(ca, caKeys);

        Path serverCertFile = dir.resolve(SERVER_CERT);
        Path serverKeyFile = dir.resolve(SERVER_KEY);
        KeyPair serverKeys = loadOrMakeKey(serverKeyFile, keyType, replaceKeys, "server", actions);
        X509Certificate leaf = reusableServer(serverCertFile, serverKeys, ca, wanted, now);
        if (leaf == null) {
            leaf = CertificateMinter.leaf(caIssued, wanted.getFirst(), wanted, serverKeys, now.minus(BACKDATE),
                    now.plus(SERVER_LIFETIME), EnumSet.of(Usage.SERVER)).certificate();
            SecureFiles.write(serverCertFile, Pem.toPem(List.of(leaf, ca)), false, true);
            actions.add("issued server certificate " + serverCertFile + " for "
                    + HostnameMatcher.describeNames(leaf) + " (valid until " + leaf.getNotAfter().toInstant() + ")");
        } else {
            actions.add("reused server certificate " + serverCertFile + " for "
                    + HostnameMatcher.describeNames(leaf) + " (valid until " + leaf.getNotAfter().toInstant() + ")");
        }
        return new LocalPki(dir, ca, new CertifiedKey(List.of(leaf, ca), serverKeys.getPrivate()), actions);
    }

    /** The directory holding the files. */
    public Path directory() {
        return directory;
    }

    /** The CA certificate file, for clients to trust ({@code --cafile}). */
    public Path caFile() {
        return directory.resolve(CA_CERT);
    }

    /** The CA certificate. */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The server chain (leaf, then CA) and its private key. */
    public CertifiedKey serverKey() {
        return serverKey;
    }

    /** What was made and what was reused, one line each, for the CLI to print. */
    public List<String> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return "LocalPki[" + directory + "]";
    }

    private static KeyPair loadOrMakeKey(Path file, KeyType keyType, boolean replace, String role,
            List<String> actions) throws IOException {
        if (Files.exists(file) && !replace) {
            PrivateKey key = Pem.privateKey(file);
            actions.add("reused " + role + " key " + file);
            return new KeyPair(PublicKeys.of(key), key);
        }
        KeyPair keys = keyType.generate(RANDOM);
        SecureFiles.write(file, KeyPem.toPem(keys), true, true);
        actions.add((replace ? "replaced " : "created ") + role + " key " + file + " (" + keyType + ", mode 0600)");
        return keys;
    }

    /** The certificate in {@code file} if it fits the key and stays valid for a while; else empty. */
    private static Optional<X509Certificate> reusable(Path file, KeyPair keys, Instant now) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            X509Certificate cert = Pem.certificates(file).getFirst();
            boolean fits = Arrays.equals(cert.getPublicKey().getEncoded(), keys.getPublic().getEncoded());
            boolean current = !cert.getNotBefore().toInstant().isAfter(now)
                    && cert.getNotAfter().toInstant().isAfter(now.plus(MIN_REMAINING));
            return fits && current ? Optional.of(cert) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable: issue a new one
        }
    }

    private static X509Certificate reusableServer(Path file, KeyPair keys, X509Certificate ca, List<String> names,
            Instant now) throws IOException {
        X509Certificate leaf = reusable(file, keys, now).orElse(null);
        if (leaf == null) {
            return null;
        }
        List<X509Certificate> chain = Pem.certificates(file);
        try {
            leaf.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return null;
        }
        boolean chainCurrent = chain.size() == 2 && chain.get(1).equals(ca);
        boolean coversNames = names.stream().allMatch(n -> HostnameMatcher.matches(leaf, n));
        return chainCurrent && coversNames ? leaf : null;
    }
}
