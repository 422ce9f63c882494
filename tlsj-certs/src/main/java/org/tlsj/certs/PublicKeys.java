package org.tlsj.certs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Derives the public key from a private key, which the JCA cannot do for EC, EdDSA and ML-DSA keys. Needed when
 * a key file exists but its certificate does not, so a certificate can be issued without replacing the key.
 */
final class PublicKeys {
    private PublicKeys() {
    }

    /**
     * The public key of a private key.
     *
     * @throws IllegalArgumentException if the key type is not supported
     */
    static PublicKey of(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                // RSA and RSASSA-PSS keys: keep the algorithm so the certificate gets the same key OID.
                return KeyFactory.getInstance(key.getAlgorithm())
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            AsymmetricKeyParameter priv = PrivateKeyFactory.createKey(key.getEncoded());
            AsymmetricKeyParameter pub = switch (priv) {
                case ECPrivateKeyParameters ec -> new ECPublicKeyParameters(
                        new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
                        ec.getParameters());
                case Ed25519PrivateKeyParameters ed -> ed.generatePublicKey();
                case Ed448PrivateKeyParameters ed -> ed.generatePublicKey();
                case MLDSAPrivateKeyParameters ml -> ml.getPublicKeyParameters();
                default -> throw new IllegalArgumentException("cannot derive the public key of a "
                        + key.getAlgorithm() + " private key");
            };
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded();
            String algorithm = switch (priv) {
                case ECPrivateKeyParameters _ -> "EC";
                case MLDSAPrivateKeyParameters _ -> "ML-DSA";
                default -> "EdDSA";
            };
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm()
                    + " private key: " + e.getMessage(), e);
        }
    }
}
