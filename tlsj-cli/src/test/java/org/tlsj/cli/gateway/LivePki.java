package org.tlsj.cli.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.tlsj.ClientConfig;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyPem;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

/** A CA valid around now, for live sockets, with helpers that mint leaves and write them as PEM files. */
final class LivePki {
    private static final Instant FROM = Instant.now().minus(1, ChronoUnit.HOURS);
    private static final Instant UNTIL = Instant.now().plus(1, ChronoUnit.DAYS);

    private final Issued ca;
    private final Path dir;

    LivePki(String name, Path dir) {
        this.ca = CertificateMinter.ca(name, KeyType.EC_P256, FROM, UNTIL);
        this.dir = dir;
    }

    /** The CA certificate's PEM file. */
    Path caFile() {
        return write(dir.resolve(ca.certificate().getSerialNumber().toString(16) + "-ca.pem"),
                Pem.toPem(ca.certificate()));
    }

    /** A server leaf for these names. */
    Issued server(String cn, List<String> names) {
        return CertificateMinter.leaf(ca, cn, names, KeyType.EC_P256, FROM, UNTIL, Set.of(Usage.SERVER));
    }

    /** A client leaf. */
    Issued client(String cn) {
        return CertificateMinter.leaf(ca, cn, List.of(), KeyType.EC_P256, FROM, UNTIL, Set.of(Usage.CLIENT));
    }

    /** Writes a leaf's chain (leaf, CA) and key as {@code stem.pem} and {@code stem-key.pem}. */
    CertificateFiles.Pair write(String stem, Issued leaf) {
        Path chain = write(dir.resolve(stem + ".pem"), Pem.toPem(List.of(leaf.certificate(), ca.certificate())));
        Path key = write(dir.resolve(stem + "-key.pem"), KeyPem.toPem(leaf.keyPair()));
        return new CertificateFiles.Pair(chain, key);
    }

    /** The leaf with the CA behind it, as a client or server presents it. */
    CertifiedKey certified(Issued leaf) {
        return leaf.withChain(ca);
    }

    /** A client trusting this CA, optionally presenting a certificate. */
    ClientConfig clientConfig(List<CertifiedKey> certificates) {
        return ClientConfig.builder().verifier(PkixVerifier.withTrustedCertificates(List.of(ca.certificate())))
                .certificates(certificates).build();
    }

    /** A verifier trusting this CA. */
    PkixVerifier verifier() {
        return PkixVerifier.withTrustedCertificates(List.of(ca.certificate()));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
