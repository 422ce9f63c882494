package org.tlsj.crypto.openssl;

import java.lang.foreign.MemorySegment;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.HexFormat;
import java.util.Optional;
import org.tlsj.NamedGroup;

/**
 * The NIST curves this provider handles natively. OpenSSL learns a curve once, from the DER of its OID
 * (a parameters-only key, {@link LibCrypto#ecParameters}); keys on the curve are then generated from, or
 * copy their parameters from, that template. That path costs a fraction of going through OpenSSL 3.0's
 * DER decoders (d2i_PUBKEY, d2i_PrivateKey) for every ephemeral key, which measured slower than the JDK.
 */
enum NistCurve {
    /** secp256r1 (prime256v1), OID 1.2.840.10045.3.1.7. */
    P256("secp256r1", 32, "SHA256", "06082a8648ce3d030107"),
    /** secp384r1, OID 1.3.132.0.34. */
    P384("secp384r1", 48, "SHA384", "06052b81040022"),
    /** secp521r1, OID 1.3.132.0.35. */
    P521("secp521r1", 66, "SHA512", "06052b81040023");

    private final int fieldBytes;
    private final String digest;
    private final byte[] oidDer;
    private final ECParameterSpec params;

    NistCurve(String jcaName, int fieldBytes, String digest, String oidDer) {
        this.fieldBytes = fieldBytes;
        this.digest = digest;
        this.oidDer = HexFormat.of().parseHex(oidDer);
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(jcaName));
            this.params = ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is not available in this JDK", e);
        }
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

    /** The curve of a JCA key, if it is one of these. */
    static Optional<NistCurve> of(ECKey key) {
        for (NistCurve c : values()) {
            if (c.matches(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Field element length in bytes. */
    int fieldBytes() {
        return fieldBytes;
    }

    /** The OpenSSL name of the hash its ECDSA scheme in TLS 1.3 uses. */
    String digest() {
        return digest;
    }

    /** The parameters-only EVP_PKEY of this curve (owned by the library, never freed). */
    MemorySegment template(LibCrypto lib) {
        return lib.ecParameters(oidDer);
    }

    /** Whether a JCA key is on this curve (same equation, generator and order). */
    boolean matches(ECKey key) {
        ECParameterSpec p = key.getParams();
        return p != null && p.getOrder().equals(params.getOrder()) && p.getCurve().equals(params.getCurve())
                && p.getGenerator().equals(params.getGenerator());
    }
}
