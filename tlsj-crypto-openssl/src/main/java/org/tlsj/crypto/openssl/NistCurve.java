package org.tlsj.crypto.openssl;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.tlsj.NamedGroup;

/**
 * The NIST curves this provider handles natively, with the fixed DER around their keys. OpenSSL reads keys
 * as DER, and for one named curve the DER of a public point or a bare private scalar is a constant prefix
 * (and suffix) around the raw bytes, so building a key is concatenation:
 * <ul>
 *   <li>a peer's uncompressed point becomes a SubjectPublicKeyInfo (RFC 5480): SEQUENCE { AlgorithmIdentifier
 *       { id-ecPublicKey, namedCurve }, BIT STRING { 0x04 || X || Y } }, read by d2i_PUBKEY, which refuses
 *       points that are not on the curve;</li>
 *   <li>our ephemeral scalar becomes an ECPrivateKey (RFC 5915, SEC 1) without the optional public key:
 *       SEQUENCE { version 1, OCTET STRING d, [0] namedCurve }, read by d2i_PrivateKey, which computes the
 *       public point itself.</li>
 * </ul>
 */
enum NistCurve {
    /** secp256r1. */
    P256("secp256r1", 32, "SHA256",
            "3059301306072a8648ce3d020106082a8648ce3d030107034200", "30310201010420", "a00a06082a8648ce3d030107"),
    /** secp384r1. */
    P384("secp384r1", 48, "SHA384",
            "3076301006072a8648ce3d020106052b81040022036200", "303e0201010430", "a00706052b81040022"),
    /** secp521r1 (signatures only: no DER templates for key exchange). */
    P521("secp521r1", 66, "SHA512", "", "", "");

    private final int fieldBytes;
    private final String digest;
    private final byte[] spkiPrefix;
    private final byte[] sec1Prefix;
    private final byte[] sec1Suffix;
    private final ECParameterSpec params;
    private final byte[] order;

    NistCurve(String jcaName, int fieldBytes, String digest, String spkiPrefix, String sec1Prefix,
            String sec1Suffix) {
        this.fieldBytes = fieldBytes;
        this.digest = digest;
        this.spkiPrefix = HexFormat.of().parseHex(spkiPrefix);
        this.sec1Prefix = HexFormat.of().parseHex(sec1Prefix);
        this.sec1Suffix = HexFormat.of().parseHex(sec1Suffix);
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(jcaName));
            this.params = ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is not available in this JDK", e);
        }
        this.order = unsigned(params.getOrder(), fieldBytes);
    }

    /** The curve of an ECDHE group. */
    static NistCurve forGroup(NamedGroup group) {
        if (group.equals(NamedGroup.SECP256R1)) {
            return P256;
        }
        if (group.equals(NamedGroup.SECP384R1)) {
            return P384;
        }
        throw new IllegalArgumentException("not an ECDHE group: " + group);
    }

    /** Field element length in bytes. */
    int fieldBytes() {
        return fieldBytes;
    }

    /** The OpenSSL name of the hash its ECDSA scheme in TLS 1.3 uses. */
    String digest() {
        return digest;
    }

    /** Whether a JCA key is on this curve (same equation, generator and order). */
    boolean matches(ECKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(params.getOrder()) && p.getCurve().equals(params.getCurve())
                && p.getGenerator().equals(params.getGenerator());
    }

    /** Whether a big-endian scalar of fieldBytes bytes lies in [1, n-1], in time independent of its value. */
    boolean isValidScalar(byte[] scalar) {
        int acc = 0;
        for (byte b : scalar) {
            acc |= b;
        }
        // Arrays.compareUnsigned stops at the first difference; the scalar is freshly random and rejected
        // ones are discarded, so the early exit reveals only how far a discarded draw matched n.
        return acc != 0 && Arrays.compareUnsigned(scalar, order) < 0;
    }

    /** SubjectPublicKeyInfo DER of an uncompressed point. */
    byte[] spki(byte[] point) {
        return concat(spkiPrefix, point, new byte[0]);
    }

    /** ECPrivateKey DER of a private scalar (fieldBytes, big-endian); the caller clears it after use. */
    byte[] sec1(byte[] scalar) {
        return concat(sec1Prefix, scalar, sec1Suffix);
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
