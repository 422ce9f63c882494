package org.tlsj.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.tlsj.NamedGroup;

/** The NIST prime curves tlsj knows, with their JCA parameters and field sizes. */
enum EcCurve {
    /** NIST P-256. */
    P256("secp256r1", 32),
    /** NIST P-384. */
    P384("secp384r1", 48),
    /** NIST P-521 (signatures only). */
    P521("secp521r1", 66);

    private final String jcaName;
    private final int fieldBytes;
    private final ECParameterSpec params;

    EcCurve(String jcaName, int fieldBytes) {
        this.jcaName = jcaName;
        this.fieldBytes = fieldBytes;
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(jcaName));
            this.params = ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is not available in this JDK", e);
        }
    }

    /** The curve of a key-exchange group, if it is an ECDHE group we implement. */
    static EcCurve forGroup(NamedGroup group) {
        if (group.equals(NamedGroup.SECP256R1)) {
            return P256;
        }
        if (group.equals(NamedGroup.SECP384R1)) {
            return P384;
        }
        throw new IllegalArgumentException("not an ECDHE group: " + group);
    }

    /** The JCA standard name, for example {@code secp256r1}. */
    String jcaName() {
        return jcaName;
    }

    /** The JCA domain parameters. */
    ECParameterSpec params() {
        return params;
    }

    /** Field element length in bytes (the padded length of X and Y on the wire). */
    int fieldBytes() {
        return fieldBytes;
    }

    /** Whether a key lies on this curve (same curve equation, base point order and generator). */
    boolean matches(ECKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(params.getOrder()) && p.getCurve().equals(params.getCurve())
                && p.getGenerator().equals(params.getGenerator());
    }

    /**
     * Whether (x, y) is an affine point of the curve: both coordinates reduced modulo p and
     * y^2 = x^3 + ax + b (mod p). These curves have cofactor 1, so such a point is in the right group.
     */
    boolean isOnCurve(ECPoint point) {
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.multiply(x).add(params.getCurve().getA()).multiply(x).add(params.getCurve().getB()).mod(p);
        return lhs.equals(rhs);
    }
}
