package org.tlsj.certs;

import java.math.BigInteger;
import java.net.IDN;
import java.net.InetAddress;
import java.security.AsymmetricKey;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;

/**
 * Mints X.509 certificates with Bouncy Castle's bcpkix: self-signed CAs, intermediates, and server or
 * client leaves. Keys come from the JDK; the signature algorithm follows the issuer's key
 * ({@link #signatureAlgorithm}). Validity is given explicitly so tests can mint expired and not yet valid
 * certificates. Serial numbers are random (159 bits); every certificate carries a subject key identifier,
 * and every issued one an authority key identifier.
 */
public final class CertificateMinter {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a leaf certificate is for (its extended key usage). */
    public enum Usage {
        /** TLS server authentication (id-kp-serverAuth). */
        SERVER,
        /** TLS client authentication (id-kp-clientAuth). */
        CLIENT
    }

    /**
     * A certificate and its key pair.
     *
     * @param certificate the certificate
     * @param keyPair the certified key pair
     */
    public record Issued(X509Certificate certificate, KeyPair keyPair) {
        /** The private key. */
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        /** This certificate followed by the issuers' certificates, with this private key. */
        public CertifiedKey withChain(Issued... issuers) {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            for (Issued i : issuers) {
                chain.add(i.certificate());
            }
            return new CertifiedKey(chain, privateKey());
        }

        /** Subject and key algorithm only; never key material. */
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + ", "
                    + keyPair.getPublic().getAlgorithm() + "]";
        }
    }

    private CertificateMinter() {
    }

    /** A self-signed CA with a fresh key: basicConstraints CA:true (critical), keyCertSign and cRLSign. */
    public static Issued ca(String commonName, KeyType keyType, Instant notBefore, Instant notAfter) {
        return ca(commonName, keyType.generate(RANDOM), notBefore, notAfter);
    }

    /** A self-signed CA for an existing key pair (to renew a CA certificate without changing its key). */
    public static Issued ca(String commonName, KeyPair keyPair, Instant notBefore, Instant notAfter) {
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keyPair.getPublic(), notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new Issued(sign(builder, keyPair.getPrivate()), keyPair);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot mint CA certificate '" + commonName + "': " + e.getMessage(), e);
        }
    }

    /** An intermediate CA signed by {@code issuer}, with pathLen 0 (it may issue only leaves). */
    public static Issued intermediate(Issued issuer, String commonName, KeyType keyType, Instant notBefore,
            Instant notAfter) {
        KeyPair keyPair = keyType.generate(RANDOM);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuerName(issuer), name(commonName), keyPair.getPublic(),
                    notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keyPair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
            return new Issued(sign(builder, issuer.privateKey()), keyPair);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot mint intermediate '" + commonName + "': " + e.getMessage(), e);
        }
    }

    /**
     * A leaf certificate with a fresh key, signed by {@code issuer}.
     *
     * @param names DNS names and IP literals for subjectAltName (each name that parses as an IP literal
     *     becomes an iPAddress entry, every other a dNSName in A-label form); may be empty
     * @param usages the extended key usages; empty means no EKU extension (any purpose)
     */
    public static Issued leaf(Issued issuer, String commonName, List<String> names, KeyType keyType,
            Instant notBefore, Instant notAfter, Set<Usage> usages) {
        return leaf(issuer, commonName, names, keyType.generate(RANDOM), notBefore, notAfter, usages);
    }

    /** A leaf certificate for an existing key pair; see {@link #leaf(Issued, String, List, KeyType, Instant, Instant, Set)}. */
    public static Issued leaf(Issued issuer, String commonName, List<String> names, KeyPair keyPair,
            Instant notBefore, Instant notAfter, Set<Usage> usages) {
        PublicKey publicKey = keyPair.getPublic();
        int keyUsage = KeyUsage.digitalSignature;
        if (publicKey.getAlgorithm().equals("RSA")) {
            keyUsage |= KeyUsage.keyEncipherment; // TLS 1.2 static RSA key exchange; not for RSASSA-PSS keys
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuerName(issuer), name(commonName), publicKey, notBefore,
                    notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
            if (!usages.isEmpty()) {
                List<KeyPurposeId> purposes = new ArrayList<>();
                if (usages.contains(Usage.SERVER)) {
                    purposes.add(KeyPurposeId.id_kp_serverAuth);
                }
                if (usages.contains(Usage.CLIENT)) {
                    purposes.add(KeyPurposeId.id_kp_clientAuth);
                }
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
            }
            return new Issued(sign(builder, issuer.privateKey()), keyPair);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot mint certificate '" + commonName + "': " + e.getMessage(), e);
        }
    }

    /**
     * The signature algorithm an issuer with this key signs with: SHA256withECDSA (P-256),
     * SHA384withECDSA (P-384), SHA512withECDSA (P-521), SHA256withRSA (RSA), SHA256withRSAandMGF1
     * (RSASSA-PSS keys), Ed25519, Ed448, ML-DSA-44/65/87 (pure ML-DSA, RFC 9881).
     *
     * @throws IllegalArgumentException for other keys
     */
    public static String signatureAlgorithm(PrivateKey issuerKey) {
        if (issuerKey instanceof ECKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
        }
        if (issuerKey instanceof EdECKey ed) {
            return ed.getParams().getName();
        }
        String mlDsa = mlDsaParameterSet(issuerKey);
        if (mlDsa != null) {
            return mlDsa;
        }
        return switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
            default -> throw new IllegalArgumentException("cannot sign certificates with a "
                    + issuerKey.getAlgorithm() + " key");
        };
    }

    /** "ML-DSA-65" for an ML-DSA key (the JDK names the set in the key's parameters), else null. */
    static String mlDsaParameterSet(Key key) {
        if (key instanceof AsymmetricKey ak && ak.getParams() instanceof NamedParameterSpec named
                && named.getName().startsWith("ML-DSA-")) {
            return named.getName();
        }
        return key.getAlgorithm().startsWith("ML-DSA-") ? key.getAlgorithm() : null;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey publicKey,
            Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        // 159 random bits: positive, at most 20 octets (RFC 5280 section 4.1.2.2), never zero in practice.
        BigInteger serial = new BigInteger(159, RANDOM).setBit(0);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject,
                publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm(issuerKey))
                    .setSecureRandom(RANDOM);
            if (issuerKey.getAlgorithm().equals("RSASSA-PSS")) {
                // The JDK names PSS "RSASSA-PSS" plus parameters; bcpkix asks for "SHA256withRSAandMGF1", which
                // only the Bouncy Castle provider offers. Used for this signer only, never registered globally.
                signerBuilder.setProvider(BcHolder.PROVIDER);
            }
            ContentSigner signer = signerBuilder.build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the " + issuerKey.getAlgorithm() + " key", e);
        }
    }

    /** The Bouncy Castle provider, created on first use. */
    private static final class BcHolder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** The issuer's subject exactly as encoded in its certificate, so name chaining compares equal. */
    private static X500Name issuerName(Issued issuer) {
        return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            Optional<InetAddress> ip = HostnameMatcher.ipLiteral(n);
            if (ip.isPresent()) {
                out.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.get().getAddress())));
            } else {
                out.add(new GeneralName(GeneralName.dNSName, IDN.toASCII(n)));
            }
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }
}
