package org.tlsj.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tlsj.certs.LocalPki;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.InsecureTrustAllVerifier;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.pki.ServerCertificateVerifier;

/** The CLI's only door to certificate files and the local CA, so the commands do not care where those live. */
public final class Pki {
    private Pki() {
    }

    /**
     * The files of the local CA and its server certificate.
     *
     * @param ca the CA certificate, {@code ca.pem}
     * @param chain the server chain, leaf then CA, {@code server.pem}
     * @param key the server's private key, {@code server-key.pem}
     */
    public record LocalFiles(Path ca, Path chain, Path key) {
    }

    /** Creates the local CA and a server certificate for {@code names} in {@code dir}, or reuses them. */
    public static LocalFiles local(Path dir, List<String> names) throws IOException {
        LocalPki pki = LocalPki.createOrLoad(dir, names);
        return new LocalFiles(pki.caFile(), pki.directory().resolve(LocalPki.SERVER_CERT),
                pki.directory().resolve(LocalPki.SERVER_KEY));
    }

    /**
     * The local CA's RSA server certificate for {@code names} ({@value LocalRsaCertificate#CERT} in {@code dir}),
     * made or reused: for TLS 1.2 static RSA key exchange.
     */
    public static CertifiedKey localRsa(Path dir, List<String> names) throws IOException {
        return LocalRsaCertificate.createOrLoad(LocalPki.createOrLoad(dir, names), names);
    }

    /** Loads a PEM chain (leaf first) and its PEM private key. */
    public static CertifiedKey certifiedKey(Path chain, Path key) throws IOException {
        return Pem.certifiedKey(chain, key);
    }

    /** A verifier trusting only the CA certificates in a PEM file, with hostname checking. */
    public static ServerCertificateVerifier trusting(Path caFile) throws IOException {
        return PkixVerifier.fromCaFile(caFile);
    }

    /** A verifier trusting the JDK's default trust store, with hostname checking. */
    public static ServerCertificateVerifier defaultTrust() {
        return PkixVerifier.withDefaultTrust();
    }

    /** A verifier that accepts any certificate: for --insecure only. */
    public static ServerCertificateVerifier insecure() {
        return InsecureTrustAllVerifier.INSTANCE;
    }
}
