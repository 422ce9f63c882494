package org.tlsj.crypto;

import java.security.AsymmetricKey;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;
import org.tlsj.SignatureScheme;

/** How each supported TLS signature scheme maps onto a JCA {@link Signature}, and which keys fit it. */
enum JcaSignatureAlgorithm {
    ECDSA_SECP256R1_SHA256(SignatureScheme.ECDSA_SECP256R1_SHA256, "SHA256withECDSA", null, EcCurve.P256),
    ECDSA_SECP384R1_SHA384(SignatureScheme.ECDSA_SECP384R1_SHA384, "SHA384withECDSA", null, EcCurve.P384),
    ECDSA_SECP521R1_SHA512(SignatureScheme.ECDSA_SECP521R1_SHA512, "SHA512withECDSA", null, EcCurve.P521),
    RSA_PSS_RSAE_SHA256(SignatureScheme.RSA_PSS_RSAE_SHA256, "RSASSA-PSS", "SHA-256", null),
    RSA_PSS_RSAE_SHA384(SignatureScheme.RSA_PSS_RSAE_SHA384, "RSASSA-PSS", "SHA-384", null),
    RSA_PSS_RSAE_SHA512(SignatureScheme.RSA_PSS_RSAE_SHA512, "RSASSA-PSS", "SHA-512", null),
    RSA_PSS_PSS_SHA256(SignatureScheme.RSA_PSS_PSS_SHA256, "RSASSA-PSS", "SHA-256", null),
    RSA_PSS_PSS_SHA384(SignatureScheme.RSA_PSS_PSS_SHA384, "RSASSA-PSS", "SHA-384", null),
    RSA_PSS_PSS_SHA512(SignatureScheme.RSA_PSS_PSS_SHA512, "RSASSA-PSS", "SHA-512", null),
    ED25519(SignatureScheme.ED25519, "Ed25519", null, null),
    MLDSA44(SignatureScheme.MLDSA44, "ML-DSA-44", null, null),
    MLDSA65(SignatureScheme.MLDSA65, "ML-DSA-65", null, null),
    MLDSA87(SignatureScheme.MLDSA87, "ML-DSA-87", null, null),
    RSA_PKCS1_SHA256(SignatureScheme.RSA_PKCS1_SHA256, "SHA256withRSA", null, null),
    RSA_PKCS1_SHA384(SignatureScheme.RSA_PKCS1_SHA384, "SHA384withRSA", null, null),
    RSA_PKCS1_SHA512(SignatureScheme.RSA_PKCS1_SHA512, "SHA512withRSA", null, null),
    RSA_PKCS1_SHA1(SignatureScheme.RSA_PKCS1_SHA1, "SHA1withRSA", null, null),
    ECDSA_SHA1(SignatureScheme.ECDSA_SHA1, "SHA1withECDSA", null, null);

    private final SignatureScheme scheme;
    private final String jcaName;
    private final String pssHash;
    private final EcCurve curve;

    JcaSignatureAlgorithm(SignatureScheme scheme, String jcaName, String pssHash, EcCurve curve) {
        this.scheme = scheme;
        this.jcaName = jcaName;
        this.pssHash = pssHash;
        this.curve = curve;
    }

    /** The algorithm for a scheme, if this provider implements it. */
    static Optional<JcaSignatureAlgorithm> of(SignatureScheme scheme) {
        for (JcaSignatureAlgorithm a : values()) {
            if (a.scheme.equals(scheme)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    SignatureScheme scheme() {
        return scheme;
    }

    /**
     * Whether the key fits the scheme: ECDSA needs a key on the scheme's curve (TLS 1.3 binds the curve;
     * ecdsa_sha1, which TLS 1.3 does not have, takes any curve we know); rsa_pss_rsae_* and rsa_pkcs1_* need
     * an rsaEncryption key (JCA algorithm "RSA"); rsa_pss_pss_* needs an RSASSA-PSS key whose parameters, if
     * any, name the same hash; ed25519 needs an Ed25519 key; mldsaNN an ML-DSA key of that parameter set.
     */
    boolean fits(Key key) {
        return switch (this) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512 ->
                    key instanceof ECKey ec && curve.matches(ec);
            case ECDSA_SHA1 -> onKnownCurve(key);
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                 RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512, RSA_PKCS1_SHA1 ->
                    key instanceof RSAKey && "RSA".equalsIgnoreCase(key.getAlgorithm());
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 ->
                    key instanceof RSAKey rsa && "RSASSA-PSS".equalsIgnoreCase(key.getAlgorithm())
                            && pssKeyParamsAllow(rsa);
            case ED25519 -> key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
            case MLDSA44, MLDSA65, MLDSA87 -> jcaName.equalsIgnoreCase(mlDsaParameterSet(key));
        };
    }

    /**
     * The ML-DSA parameter set of a key ("ML-DSA-65"), or null: the JDK's keys name it in their
     * {@link NamedParameterSpec} (their algorithm is "ML-DSA"), Bouncy Castle's in their algorithm.
     */
    static String mlDsaParameterSet(Key key) {
        if (key instanceof AsymmetricKey ak && ak.getParams() instanceof NamedParameterSpec named
                && named.getName().startsWith("ML-DSA-")) {
            return named.getName();
        }
        String algorithm = key.getAlgorithm();
        return algorithm != null && algorithm.toUpperCase(Locale.ROOT).startsWith("ML-DSA-") ? algorithm : null;
    }

    /**
     * Whether the key fits the scheme in a TLS 1.2 handshake signature: as {@link #fits}, except that an ECDSA
     * scheme names only the hash (RFC 5246 section 7.4.1.4.1), so a key on any curve we know fits it, and that
     * a TLS 1.3-only scheme (ML-DSA) fits no key.
     */
    boolean fitsTls12(Key key) {
        if (scheme.isTls13Only()) {
            return false;
        }
        return curve != null ? onKnownCurve(key) : fits(key);
    }

    private static boolean onKnownCurve(Key key) {
        if (!(key instanceof ECKey ec)) {
            return false;
        }
        for (EcCurve c : EcCurve.values()) {
            if (c.matches(ec)) {
                return true;
            }
        }
        return false;
    }

    /** A fresh, unkeyed JCA signature object with the scheme's parameters set. */
    Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName);
        if (pssHash != null) {
            signature.setParameter(pssParameters());
        }
        return signature;
    }

    /**
     * RFC 8446 section 4.2.3: RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash
     * output; trailer field 1.
     */
    private PSSParameterSpec pssParameters() {
        int saltLength = switch (pssHash) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> 64;
        };
        return new PSSParameterSpec(pssHash, "MGF1", new MGF1ParameterSpec(pssHash), saltLength,
                PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** An RSASSA-PSS key may restrict its hash in its parameters; such a key fits only that hash. */
    private boolean pssKeyParamsAllow(RSAKey key) {
        if (!(key.getParams() instanceof PSSParameterSpec params)) {
            return true;
        }
        return normalize(params.getDigestAlgorithm()).equals(normalize(pssHash));
    }

    private static String normalize(String hashName) {
        return hashName.replace("-", "").toUpperCase(Locale.ROOT);
    }
}
