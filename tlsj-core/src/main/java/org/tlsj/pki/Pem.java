package org.tlsj.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes PEM: certificates and unencrypted private keys in PKCS#8 ({@code PRIVATE KEY}), SEC1
 * ({@code EC PRIVATE KEY}) and PKCS#1 ({@code RSA PRIVATE KEY}) form. Errors are
 * {@link IllegalArgumentException} (the text is not what was expected) or {@link IOException} (the file
 * cannot be read), each with a message that names the file and what was expected.
 */
public final class Pem {
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String SEC1 = "EC PRIVATE KEY";
    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
    private static final String ENCRYPTED_HINT =
            "encrypted private keys are not supported; decrypt with openssl pkcs8 (openssl pkcs8 -in key.pem -out plain-key.pem)";

    private static final String OID_RSA = "1.2.840.113549.1.1.1";
    private static final String OID_EC = "1.2.840.10045.2.1";
    /** Private key algorithm OIDs (PKCS#8 AlgorithmIdentifier) and the JCA KeyFactory that reads them. */
    private static final Map<String, String> KEY_FACTORIES = Map.of(
            OID_RSA, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            OID_EC, "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "2.16.840.1.101.3.4.3.17", "ML-DSA",
            "2.16.840.1.101.3.4.3.18", "ML-DSA",
            "2.16.840.1.101.3.4.3.19", "ML-DSA");

    /** One PEM block: its label, whether its headers say it is encrypted, and its base64 body. */
    private record Block(String label, boolean encryptedHeader, String base64) {
        byte[] der() {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the PEM block '" + label + "' is not valid base64", e);
            }
        }
    }

    private Pem() {
    }

    /**
     * Reads every certificate from a PEM file, in file order.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file if it holds no certificate or a broken one
     */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        String text = read(file, "certificate");
        try {
            return certificates(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every {@code CERTIFICATE} block from PEM text, in order.
     *
     * @throws IllegalArgumentException if there is none or one cannot be parsed
     */
    public static List<X509Certificate> certificates(String pem) {
        List<Block> blocks = blocks(pem);
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory factory = x509Factory();
        for (Block b : blocks) {
            if (!b.label().equals(CERTIFICATE)) {
                continue;
            }
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("certificate #" + (out.size() + 1) + " cannot be parsed: "
                        + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("expected at least one '-----BEGIN CERTIFICATE-----' block, found "
                    + labels(blocks));
        }
        return List.copyOf(out);
    }

    /**
     * Reads the one private key in a PEM file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file if it holds no key, several, or an encrypted one
     */
    public static PrivateKey privateKey(Path file) throws IOException {
        String text = read(file, "private key");
        try {
            return privateKey(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the one private key in PEM text: {@code PRIVATE KEY} (PKCS#8: RSA, RSASSA-PSS, EC, ML-DSA, Ed25519,
     * Ed448), {@code EC PRIVATE KEY} (SEC1) or {@code RSA PRIVATE KEY} (PKCS#1). Other blocks (such as
     * {@code EC PARAMETERS} or certificates) are skipped.
     *
     * @throws IllegalArgumentException if there is no key, more than one, or it is encrypted or malformed
     */
    public static PrivateKey privateKey(String pem) {
        List<Block> blocks = blocks(pem);
        List<Block> keys = blocks.stream().filter(b -> b.label().endsWith("PRIVATE KEY")).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("expected a '-----BEGIN PRIVATE KEY-----' (or EC PRIVATE KEY, "
                    + "RSA PRIVATE KEY) block, found " + labels(blocks));
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException("expected one private key, found " + keys.size());
        }
        Block key = keys.getFirst();
        if (key.encryptedHeader() || key.label().equals(ENCRYPTED_PKCS8)) {
            throw new IllegalArgumentException(ENCRYPTED_HINT);
        }
        try {
            return switch (key.label()) {
                case PKCS8 -> fromPkcs8(key.der(), PKCS8);
                case SEC1 -> fromPkcs8(PemKeys.sec1ToPkcs8(key.der()), SEC1);
                case PKCS1 -> fromPkcs8(PemKeys.pkcs1ToPkcs8(key.der()), PKCS1);
                default -> throw new IllegalArgumentException("'" + key.label() + "' keys are not supported; "
                        + "convert with openssl pkcs8 -topk8 -nocrypt");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("DER:")) {
                throw new IllegalArgumentException("the '" + key.label() + "' block is malformed ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /**
     * Reads a certificate chain (leaf first) and its private key, and checks that the key belongs to the
     * leaf certificate.
     *
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException naming the files if either is malformed or the key does not fit
     */
    public static CertifiedKey certifiedKey(Path chainFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = certificates(chainFile);
        PrivateKey key = privateKey(keyFile);
        X509Certificate leaf = chain.getFirst();
        if (!PemKeys.matches(leaf.getPublicKey(), key)) {
            throw new IllegalArgumentException("the private key in " + keyFile + " (" + key.getAlgorithm()
                    + ") does not belong to the first certificate in " + chainFile + " ("
                    + leaf.getSubjectX500Principal().getName() + ", " + leaf.getPublicKey().getAlgorithm()
                    + " key)");
        }
        return new CertifiedKey(chain, key);
    }

    /** A certificate as a {@code CERTIFICATE} PEM block. */
    public static String toPem(X509Certificate certificate) {
        try {
            return block(CERTIFICATE, certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Certificates as consecutive {@code CERTIFICATE} PEM blocks, in list order (a chain: leaf first). */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        certificates.forEach(c -> sb.append(toPem(c)));
        return sb.toString();
    }

    /** A private key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block. */
    public static String toPem(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("the " + key.getAlgorithm() + " private key cannot be exported "
                    + "as PKCS#8 (format " + key.getFormat() + ")");
        }
        return block(PKCS8, encoded);
    }

    private static String block(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static PrivateKey fromPkcs8(byte[] der, String label) {
        String oid = PemKeys.pkcs8AlgorithmOid(der);
        String algorithm = KEY_FACTORIES.get(oid);
        if (algorithm == null) {
            throw new IllegalArgumentException("the '" + label + "' block holds a key with algorithm OID " + oid
                    + ", which is not supported (supported: RSA, RSASSA-PSS, EC, Ed25519, Ed448, ML-DSA-44/65/87)");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the '" + label + "' block is not a valid " + algorithm
                    + " private key: " + e.getMessage(), e);
        }
    }

    private static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        String label = null;
        boolean encrypted = false;
        StringBuilder body = new StringBuilder();
        for (String raw : pem.lines().toList()) {
            String line = raw.strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                    label = line.substring(11, line.length() - 5);
                    encrypted = false;
                    body.setLength(0);
                }
            } else if (line.equals("-----END " + label + "-----")) {
                out.add(new Block(label, encrypted, body.toString()));
                label = null;
            } else if (line.startsWith("-----")) {
                throw new IllegalArgumentException("the PEM block '" + label + "' has no matching END line");
            } else if (line.contains(":")) {
                encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
            } else {
                body.append(line);
            }
        }
        if (label != null) {
            throw new IllegalArgumentException("the PEM block '" + label + "' has no END line");
        }
        return out;
    }

    private static String labels(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return "no PEM blocks at all (is this a PEM file?)";
        }
        return "only " + String.join(", ", blocks.stream().map(b -> "'" + b.label() + "'").toList());
    }

    private static String read(Path file, String what) throws IOException {
        try {
            // ISO-8859-1 never fails to decode; PEM itself is ASCII and stray bytes are reported later.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + what + " file " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + what + " file " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 CertificateFactory", e);
        }
    }
}
