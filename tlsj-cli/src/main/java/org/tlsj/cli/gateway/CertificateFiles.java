package org.tlsj.cli.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.ClientAuth;
import org.tlsj.ServerConfig;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;
import org.tlsj.pki.PkixVerifier;

/**
 * The files the gateway's TLS settings come from, read again on every reload.
 *
 * @param pairs the {@code --cert}/{@code --key} pairs; the engine picks one by SNI, else the first
 * @param clientAuth whether clients must show a certificate
 * @param clientCa the CA certificates client certificates must chain to; needed unless clientAuth is NONE
 * @param crypto the crypto provider the server settings use
 * @param requireExtendedMasterSecret whether TLS 1.2 clients without the extended master secret (RFC 7627) are
 *     refused (the default; {@code --allow-no-ems} turns it off)
 */
public record CertificateFiles(List<Pair> pairs, ClientAuth clientAuth, Optional<Path> clientCa, CryptoProvider crypto,
                               boolean requireExtendedMasterSecret) {
    /** Validates and copies. */
    public CertificateFiles {
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the gateway needs a certificate: give --cert and --key");
        }
        Objects.requireNonNull(clientAuth);
        Objects.requireNonNull(clientCa);
        Objects.requireNonNull(crypto);
        if (clientAuth != ClientAuth.NONE && clientCa.isEmpty()) {
            throw new IllegalArgumentException("--client-auth " + clientAuth.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs --ca, the CA that issues client certificates");
        }
    }

    /** Files served with {@code crypto}, refusing TLS 1.2 clients without the extended master secret. */
    public CertificateFiles(List<Pair> pairs, ClientAuth clientAuth, Optional<Path> clientCa, CryptoProvider crypto) {
        this(pairs, clientAuth, clientCa, crypto, true);
    }

    /** Files served with the JDK's crypto provider, refusing TLS 1.2 clients without the extended master secret. */
    public CertificateFiles(List<Pair> pairs, ClientAuth clientAuth, Optional<Path> clientCa) {
        this(pairs, clientAuth, clientCa, JcaCryptoProvider.create());
    }

    /**
     * A certificate chain file (leaf first) and its private key file, both PEM.
     *
     * @param chain the chain file
     * @param key the key file
     */
    public record Pair(Path chain, Path key) {
        /** Validates. */
        public Pair {
            Objects.requireNonNull(chain);
            Objects.requireNonNull(key);
        }
    }

    /** Every file read, so a watcher can notice changes. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>();
        for (Pair p : pairs) {
            all.add(p.chain());
            all.add(p.key());
        }
        clientCa.ifPresent(all::add);
        return all;
    }

    /**
     * Reads the files and builds the server settings.
     *
     * @return the settings, with secure defaults for everything the files do not say
     * @throws IOException if a file cannot be read or parsed
     * @throws IllegalArgumentException if the certificates cannot be served together
     */
    public ServerConfig load() throws IOException {
        List<CertifiedKey> keys = new ArrayList<>();
        for (Pair p : pairs) {
            keys.add(Pem.certifiedKey(p.chain(), p.key()));
        }
        ServerConfig.Builder b = ServerConfig.builder(keys.toArray(CertifiedKey[]::new)).crypto(crypto)
                .requireExtendedMasterSecret(requireExtendedMasterSecret);
        if (clientAuth != ClientAuth.NONE) {
            b.clientAuth(clientAuth, PkixVerifier.fromCaFile(clientCa.orElseThrow()));
        }
        return b.build();
    }
}
