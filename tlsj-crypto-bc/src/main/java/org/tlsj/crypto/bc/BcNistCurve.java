package org.tlsj.crypto.bc;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.crypto.RandomSource;
import org.tlsj.Bytes;

/**
 * NIST P-256 and P-384 over Bouncy Castle's custom curve implementations (specialised field arithmetic),
 * with key generation by fixed-point comb multiplication and validation of peer points.
 */
enum BcNistCurve {
    /** secp256r1: ECDHE group secp256r1 and ecdsa_secp256r1_sha256. */
    P256("secp256r1", NamedGroup.SECP256R1, SignatureScheme.ECDSA_SECP256R1_SHA256, "SHA-256"),
    /** secp384r1: ECDHE group secp384r1 and ecdsa_secp384r1_sha384. */
    P384("secp384r1", NamedGroup.SECP384R1, SignatureScheme.ECDSA_SECP384R1_SHA384, "SHA-384");

    private final NamedGroup group;
    private final SignatureScheme scheme;
    private final String hashName;
    private final ECDomainParameters domain;
    private final int fieldBytes;
    private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();

    BcNistCurve(String name, NamedGroup group, SignatureScheme scheme, String hashName) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        this.group = group;
        this.scheme = scheme;
        this.hashName = hashName;
        this.domain = new ECDomainParameters(x9);
        this.fieldBytes = (x9.getCurve().getFieldSize() + 7) / 8;
    }

    /** The ECDSA scheme that signs with this curve and its hash. */
    SignatureScheme scheme() {
        return scheme;
    }

    /** The curve of an ECDHE group, if it is one of these. */
    static Optional<BcNistCurve> forGroup(NamedGroup group) {
        for (BcNistCurve c : values()) {
            if (c.group.equals(group)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The curve of an ECDSA scheme, if it is one of these. */
    static Optional<BcNistCurve> forScheme(SignatureScheme scheme) {
        for (BcNistCurve c : values()) {
            if (c.scheme.equals(scheme)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    NamedGroup group() {
        return group;
    }

    /** The JCA name of the hash ECDSA uses on this curve in TLS. */
    String hashName() {
        return hashName;
    }

    /** A fresh Bouncy Castle digest of that hash (for RFC 6979 nonces). */
    Digest newDigest() {
        return this == P256 ? new SHA256Digest() : new SHA384Digest();
    }

    ECDomainParameters domain() {
        return domain;
    }

    BigInteger order() {
        return domain.getN();
    }

    /** Whether JCA parameters describe this curve (same field prime, coefficients, generator and order). */
    boolean matches(ECParameterSpec params) {
        if (params == null || !(params.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        ECCurve curve = domain.getCurve();
        ECPoint g = domain.getG();
        return field.getP().equals(curve.getField().getCharacteristic())
                && params.getCurve().getA().equals(curve.getA().toBigInteger())
                && params.getCurve().getB().equals(curve.getB().toBigInteger())
                && params.getOrder().equals(domain.getN())
                && params.getGenerator().getAffineX().equals(g.getAffineXCoord().toBigInteger())
                && params.getGenerator().getAffineY().equals(g.getAffineYCoord().toBigInteger());
    }

    /**
     * A private scalar uniform in [1, n-1], by rejection sampling over field-size draws from the source
     * (for these curves n is so close to 2^bits that a redraw is needed about once in 2^32 times).
     */
    BigInteger randomScalar(RandomSource random) {
        byte[] bytes = new byte[fieldBytes];
        while (true) {
            random.nextBytes(bytes);
            BigInteger d = new BigInteger(1, bytes);
            if (d.signum() > 0 && d.compareTo(domain.getN()) < 0) {
                java.util.Arrays.fill(bytes, (byte) 0);
                return d;
            }
        }
    }

    /** d times the generator, by fixed-point comb multiplication (a precomputed table per curve). */
    ECPoint multiplyGenerator(BigInteger d) {
        return comb.multiply(domain.getG(), d).normalize();
    }

    /** An uncompressed point: 0x04, X, Y, each padded to the field size. */
    Bytes encode(ECPoint point) {
        return Bytes.wrap(point.getEncoded(false));
    }

    /**
     * Decodes and validates a peer's point (RFC 8446 section 4.2.8.2): exact length, uncompressed form
     * (which excludes the point at infinity), coordinates below p, on the curve. These curves have
     * cofactor 1, so a point on the curve is in the prime-order group.
     */
    ECPoint decodePeer(Bytes share) throws TlsFatalAlertException {
        KeyShareChecks.requireUncompressedPoint(group, fieldBytes, share);
        try {
            ECPoint point = domain.getCurve().decodePoint(share.toArray());
            if (point.isInfinity() || !point.isValid()) {
                throw KeyShareChecks.badKeyShare(group + " share is not a point of the group");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw KeyShareChecks.badKeyShare(group + " share is not a point on the curve", e);
        }
    }

    /** A JCA public point as a validated Bouncy Castle point, or empty if it is not on this curve. */
    Optional<ECPoint> importPoint(java.security.spec.ECPoint w) {
        try {
            ECPoint point = domain.getCurve().validatePoint(w.getAffineX(), w.getAffineY());
            return point.isInfinity() ? Optional.empty() : Optional.of(point);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The field element length in bytes. */
    int fieldBytes() {
        return fieldBytes;
    }
}
