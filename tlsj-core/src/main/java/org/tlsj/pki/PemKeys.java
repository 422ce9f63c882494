package org.tlsj.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.List;

/** The key conversions behind {@link Pem}: SEC1 and PKCS#1 to PKCS#8, and the key-pair match probe. */
final class PemKeys {
    /** DER of OBJECT IDENTIFIER 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] OID_EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    /** DER of OBJECT IDENTIFIER 1.2.840.113549.1.1.1 (rsaEncryption). */
    private static final byte[] OID_RSA_ENCRYPTION =
            {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] DER_NULL = {0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private PemKeys() {
    }

    /** The algorithm OID of a PKCS#8 PrivateKeyInfo: SEQUENCE { version, AlgorithmIdentifier, ... }. */
    static String pkcs8AlgorithmOid(byte[] pkcs8) {
        Der.Element info = Der.parse(pkcs8);
        List<Der.Element> parts = info.children();
        if (info.tag() != Der.SEQUENCE || parts.size() < 3 || parts.get(1).tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("DER: not a PKCS#8 PrivateKeyInfo");
        }
        List<Der.Element> algorithm = parts.get(1).children();
        if (algorithm.isEmpty() || algorithm.getFirst().tag() != Der.OID) {
            throw new IllegalArgumentException("DER: PKCS#8 AlgorithmIdentifier has no OID");
        }
        return Der.oidToString(algorithm.getFirst().content());
    }

    /**
     * Wraps a SEC1 ECPrivateKey (RFC 5915: SEQUENCE { version 1, privateKey OCTET STRING, [0] curve OID,
     * [1] publicKey }) into PKCS#8, moving the curve OID into the AlgorithmIdentifier as PKCS#8 wants.
     */
    static byte[] sec1ToPkcs8(byte[] sec1) {
        Der.Element key = Der.parse(sec1);
        if (key.tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("DER: an EC PRIVATE KEY must be a SEQUENCE");
        }
        Der.Element curve = null;
        for (Der.Element e : key.children()) {
            if (e.isContext(0)) {
                List<Der.Element> params = e.children();
                if (params.size() != 1 || params.getFirst().tag() != Der.OID) {
                    throw new IllegalArgumentException("the EC PRIVATE KEY uses explicit curve parameters; only "
                            + "named curves are supported (openssl ec -param_enc named_curve)");
                }
                curve = params.getFirst();
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC PRIVATE KEY does not name its curve; convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] algorithm = Der.tlv(Der.SEQUENCE, OID_EC_PUBLIC_KEY, Der.encode(curve));
        return Der.tlv(Der.SEQUENCE, VERSION_0, algorithm, Der.tlv(Der.OCTET_STRING, sec1));
    }

    /** Wraps a PKCS#1 RSAPrivateKey into PKCS#8 with AlgorithmIdentifier { rsaEncryption, NULL }. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        Der.Element key = Der.parse(pkcs1);
        if (key.tag() != Der.SEQUENCE || key.children().size() < 9) {
            throw new IllegalArgumentException("DER: an RSA PRIVATE KEY must be a SEQUENCE of 9 integers");
        }
        byte[] algorithm = Der.tlv(Der.SEQUENCE, OID_RSA_ENCRYPTION, DER_NULL);
        return Der.tlv(Der.SEQUENCE, VERSION_0, algorithm, Der.tlv(Der.OCTET_STRING, pkcs1));
    }

    /**
     * Whether the private key belongs to the public key. RSA keys compare moduli; other keys (EC, EdDSA, ML-DSA,
     * whose public part the JCA cannot derive from the private key) sign a probe and verify it.
     */
    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAKey pub && privateKey instanceof RSAKey priv) {
            return pub.getModulus().equals(priv.getModulus());
        }
        if (publicKey instanceof RSAKey || privateKey instanceof RSAKey) {
            return false;
        }
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "ML-DSA", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" -> "ML-DSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "tlsj key match probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // Different key types or curves: the key cannot belong to the certificate.
            return false;
        }
    }
}
