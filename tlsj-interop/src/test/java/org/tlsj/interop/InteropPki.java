package org.tlsj.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyPem;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

/**
 * The PKI for one interop test class: a CA, server certificates for localhost and 127.0.0.1 of each key type
 * (minted on first use), one for another name, and an unrelated CA, each also written as PEM for the peers.
 *
 * <p>Unlike {@code TestPki}, whose validity is pinned to a fixed instant, these certificates are valid around
 * the real time: the peers check validity against the system clock, so a fixed window would expire.
 */
final class InteropPki {
    /** The server key types every peer is tested with. */
    static final List<KeyType> SERVER_KEYS =
            List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048, KeyType.RSA_PSS_2048, KeyType.ED25519);

    /** A certificate chain (leaf first) and its key, as PEM files. */
    record PemFiles(Path chain, Path key) {}

    /** The common name of {@link #clientKey()}. */
    static final String CLIENT_NAME = "interop client";
    /** The subject of {@link #clientKey()} as {@code SessionInfo.peerIdentity()} gives it. */
    static final String CLIENT_IDENTITY = "CN=" + CLIENT_NAME;

    private static final Instant FROM = Instant.now().minus(Duration.ofDays(1));
    private static final Instant TO = Instant.now().plus(Duration.ofDays(30));

    private final Path dir;
    private final Issued ca;
    private final Path caFile;
    private final Map<KeyType, CertifiedKey> servers = new ConcurrentHashMap<>();
    private final Map<String, CertifiedKey> clients = new ConcurrentHashMap<>();
    private final Map<String, CertifiedKey> others = new ConcurrentHashMap<>();
    private final Map<String, PemFiles> files = new ConcurrentHashMap<>();

    private InteropPki(Path dir, Issued ca) {
        this.dir = dir;
        this.ca = ca;
        this.caFile = write("ca.pem", Pem.toPem(ca.certificate()));
    }

    /** Mints a CA and writes it to {@code dir}/ca.pem. */
    static InteropPki create(Path dir) {
        return new InteropPki(dir, CertificateMinter.ca("tlsj interop CA", KeyType.EC_P256, FROM, TO));
    }

    /** The CA certificate. */
    X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The CA as a PEM file. */
    Path caFile() {
        return caFile;
    }

    /** A server certificate for localhost and 127.0.0.1, chain leaf then CA. */
    CertifiedKey server(KeyType keyType) {
        return servers.computeIfAbsent(keyType, k -> CertificateMinter.leaf(ca, "localhost",
                List.of("localhost", "127.0.0.1"), k, FROM, TO, EnumSet.of(Usage.SERVER)).withChain(ca));
    }

    /** {@link #server(KeyType)} as PEM files. */
    PemFiles serverFiles(KeyType keyType) {
        return files.computeIfAbsent(keyType.cliName(), n -> write(n, server(keyType)));
    }

    /** A client certificate (id-kp-clientAuth) with subject CN={@link #CLIENT_NAME}, chain leaf then CA. */
    CertifiedKey clientKey() {
        return clients.computeIfAbsent(CLIENT_NAME, n -> CertificateMinter.leaf(ca, n, List.of(), KeyType.EC_P256,
                FROM, TO, EnumSet.of(Usage.CLIENT)).withChain(ca));
    }

    /** {@link #clientKey()} as PEM files. */
    PemFiles clientFiles() {
        return files.computeIfAbsent("client", n -> write(n, clientKey()));
    }

    /** Checks client certificates against this CA: for our server's {@code clientAuth}. */
    PkixVerifier clientVerifier() {
        return PkixVerifier.withTrustedCertificates(List.of(ca.certificate()));
    }

    /** A certificate from the same CA for other.example only: right CA, wrong name. */
    PemFiles wrongNameFiles() {
        return files.computeIfAbsent("wrong-name", n -> write(n, otherName()));
    }

    /** The key and chain behind {@link #wrongNameFiles()}: a server certificate for other.example only. */
    CertifiedKey otherName() {
        return others.computeIfAbsent("other.example", n -> CertificateMinter.leaf(ca, n, List.of(n),
                KeyType.EC_P256, FROM, TO, EnumSet.of(Usage.SERVER)).withChain(ca));
    }

    /** A CA that issued none of these certificates, as a PEM file. */
    Path otherCaFile() {
        return files.computeIfAbsent("other-ca", n -> {
            Issued other = CertificateMinter.ca("tlsj unrelated CA", KeyType.EC_P256, FROM, TO);
            return new PemFiles(write("other-ca.pem", Pem.toPem(other.certificate())), dir);
        }).chain();
    }

    /** A client config trusting this CA (system clock). */
    ClientConfig.Builder client() {
        return ClientConfig.builder().verifier(PkixVerifier.withTrustedCertificates(List.of(ca.certificate())));
    }

    /** A server config serving the certificate of the given key type (system clock). */
    ServerConfig.Builder serverConfig(KeyType keyType) {
        return ServerConfig.builder(server(keyType));
    }

    /** A server config (EC P-256) limited to one version that requires a client certificate from this CA. */
    ServerConfig.Builder mutualServerConfig(ProtocolVersion version) {
        return serverConfig(KeyType.EC_P256).versions(List.of(version))
                .clientAuth(ClientAuth.REQUIRED, clientVerifier());
    }

    /** A client config limited to one version that presents {@link #clientKey()}. */
    ClientConfig.Builder mutualClient(ProtocolVersion version) {
        return client().versions(List.of(version)).certificates(List.of(clientKey()));
    }

    /** A client config for a TLS 1.2 case, still offering TLS 1.3 too; static RSA enabled if the case needs it. */
    ClientConfig.Builder client(Case12 c) {
        return client().rsaKeyExchange(c.suite().staticRsa());
    }

    /** A server config for a TLS 1.2 case (TLS 1.3 still enabled); static RSA enabled if the case needs it. */
    ServerConfig.Builder serverConfig(Case12 c) {
        return serverConfig(c.suite().key.keyType).rsaKeyExchange(c.suite().staticRsa());
    }

    private PemFiles write(String name, CertifiedKey key) {
        return new PemFiles(write(name + "-chain.pem", Pem.toPem(key.chain())),
                write(name + "-key.pem", keyPem(key)));
    }

    private static String keyPem(CertifiedKey key) {
        return KeyPem.toPem(new java.security.KeyPair(key.leaf().getPublicKey(), key.privateKey()));
    }

    private Path write(String name, String pem) {
        try {
            return Files.writeString(dir.resolve(name), pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }
}
