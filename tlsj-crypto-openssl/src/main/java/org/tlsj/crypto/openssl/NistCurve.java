package org.tlsj.crypto.openssl;

import java.lang.foreign.MemorySegment;
import java.security.interfaces.ECKey;
import java.util.HexFormat;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.crypto.EcCurve;

/**
 * The NIST curves this provider handles natively. OpenSSL learns a curve once, from the DER of its OID
 * (a parameters-only key, {@link LibCrypto#ecParameters}); keys on the curve are then generated from, or
 * copy their parameters from, that template. That path costs a fraction of going through OpenSSL 3.0's
 * DER decoders (d2i_PUBKEY, d2i_PrivateKey) for every ephemeral key, which measured slower than the JDK.
 */
enum NistCurve {
    /** secp256r1 (prime256v1), OID 1.2.840.10045.3.1.7. */
    P256(EcCurve.P256, "SHA256", "06082a8648ce3d030107"),
    /** secp384r1, OID 1.3.132.0.34. */
    P384(EcCurve.P384, "SHA384", "06052b81040022"),
    /** secp521r1, OID 1.3.132.0.35. */
    P521(EcCurve.P521, "SHA512", "06052b81040023");

    private final EcCurve curve;
    private final String digest;
    private final byte[] oidDer;

    NistCurve(EcCurve curve, String digest, String oidDer) {
        this.curve = curve;
        this.digest = digest;
        this.oidDer = HexFormat.of().parseHex(oidDer);
    }

    /** The curve of an ECDHE group (see {@link EcCurve#forGroup}). */
    static NistCurve forGroup(NamedGroup group) {
        EcCurve curve = EcCurve.forGroup(group);
        for (NistCurve c : values()) {
            if (c.curve == curve) {
                return c;
            }
        }
        throw new IllegalArgumentException("not an ECDHE group: " + group);
    }

    /** The curve of a JCA key, if it is one of these. */
    static Optional<NistCurve> of(ECKey key) {
        for (NistCurve c : values()) {
            if (c.curve.matches(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The JCA curve: parameters, point checks and encoding. */
    EcCurve curve() {
        return curve;
    }

    /** Field element length in bytes. */
    int fieldBytes() {
        return curve.fieldBytes();
    }

    /** The OpenSSL name of the hash its ECDSA scheme in TLS 1.3 uses. */
    String digest() {
        return digest;
    }

    /** The parameters-only EVP_PKEY of this curve (owned by the library, never freed). */
    MemorySegment template(LibCrypto lib) {
        return lib.ecParameters(oidDer);
    }
}
