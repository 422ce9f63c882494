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

/**
 * The NIST prime curves tlsj knows, with their JCA parameters and field sizes. Public so that other
 * {@link CryptoProvider}s recognise curves, check points and encode shares the same way.
 */
public enum EcCurve {
    /** NIST P-256. */
    P256("secp256r1", 32),
    /** NIST P-384. */
    P384("secp384r1", 48),
    /** NIST P-521: ECDSA, and ECDHE when a config enables secp521r1 (not a default group). */
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

    /**
     * The curve of a key-exchange group.
     *
     * @param group secp256r1, secp384r1 or secp521r1
     * @return the curve
     * @throws IllegalArgumentException if the group is not an ECDHE group tlsj implements
     */
    public static EcCurve forGroup(NamedGroup group) {
        if (group.equals(NamedGroup.SECP256R1)) {
            return P256;
        }
        if (group.equals(NamedGroup.SECP384R1)) {
            return P384;
        }
        if (group.equals(NamedGroup.SECP521R1)) {
            return P521;
        }
        throw new IllegalArgumentException("not an ECDHE group: " + group);
    }

    /**
     * The JCA standard name, for example {@code secp256r1}.
     *
     * @return the name
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * The JCA domain parameters.
     *
     * @return the parameters
     */
    public ECParameterSpec params() {
        return params;
    }

    /**
     * Field element length in bytes (the padded length of X and Y on the wire).
     *
     * @return the length
     */
    public int fieldBytes() {
        return fieldBytes;
    }

    /**
     * Whether a key lies on this curve (same curve equation, base point order and generator).
     *
     * @param key a JCA EC key
     * @return true if its parameters are this curve's
     */
    public boolean matches(ECKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(params.getOrder()) && p.getCurve().equals(params.getCurve())
                && p.getGenerator().equals(params.getGenerator());
    }

    /**
     * Whether (x, y) is an affine point of the curve: both coordinates reduced modulo p and
     * y^2 = x^3 + ax + b (mod p). These curves have cofactor 1, so such a point is in the right group.
     *
     * @param point an affine point
     * @return true if it is on the curve
     */
    public boolean isOnCurve(ECPoint point) {
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

    /**
     * The uncompressed encoding of a point (SEC 1, as in a TLS key share): 0x04, then X and Y, each
     * left-padded to {@link #fieldBytes()}.
     *
     * @param point an affine point of this curve
     * @return a fresh array of {@code 1 + 2 * fieldBytes()} bytes
     */
    public byte[] uncompressed(ECPoint point) {
        byte[] out = new byte[1 + 2 * fieldBytes];
        out[0] = 0x04;
        putPadded(point.getAffineX(), out, 1, fieldBytes);
        putPadded(point.getAffineY(), out, 1 + fieldBytes, fieldBytes);
        return out;
    }

    private static void putPadded(BigInteger value, byte[] out, int offset, int length) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > length ? raw.length - length : 0;
        int copy = raw.length - skip;
        System.arraycopy(raw, skip, out, offset + length - copy, copy);
    }
}
