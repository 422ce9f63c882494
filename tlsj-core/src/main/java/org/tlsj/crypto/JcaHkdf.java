package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tlsj.internal.wire.Bytes;

/**
 * HKDF over {@code javax.crypto.KDF} ("HKDF-SHA256", "HKDF-SHA384"). A {@code KDF} object is not
 * thread-safe, so each operation takes a fresh one: it is cheap next to the HMACs it runs.
 */
final class JcaHkdf implements Hkdf {
    private final HashAlgorithm algorithm;
    private final String kdfName;
    /** The provider the first lookup chose: later lookups go to it directly instead of scanning them all. */
    private final Provider provider;

    JcaHkdf(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.kdfName = switch (algorithm) {
            case SHA256 -> "HKDF-SHA256";
            case SHA384 -> "HKDF-SHA384";
        };
        try {
            provider = Security.getProvider(KDF.getInstance(kdfName).getProviderName());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(kdfName + " is not available in this JDK", e);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public Secret extract(Secret salt, Secret ikm) {
        byte[] saltBytes = salt.expose();
        byte[] ikmBytes = ikm.expose();
        try {
            // The byte[] forms of addSalt/addIKM skip empty arrays instead of building a SecretKeySpec
            // (which rejects empty keys). An absent salt is HashLen zeros (RFC 5869 section 2.2), the
            // same HMAC key as an empty salt; an absent IKM is the empty string.
            HKDFParameterSpec spec = HKDFParameterSpec.ofExtract().addSalt(saltBytes).addIKM(ikmBytes).extractOnly();
            return Secret.wrap(newKdf().deriveData(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(kdfName + " extract failed", e);
        } finally {
            Arrays.fill(saltBytes, (byte) 0);
            Arrays.fill(ikmBytes, (byte) 0);
        }
    }

    @Override
    public Secret expand(Secret prk, Bytes info, int length) {
        if (length <= 0 || length > 255 * algorithm.length()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " is out of range for " + kdfName);
        }
        byte[] prkBytes = prk.expose();
        try {
            // RFC 8446 only expands keys it extracted (HashLen bytes), so the PRK is never empty here;
            // an empty info is passed as an empty array, which the KDF accepts.
            HKDFParameterSpec spec = HKDFParameterSpec.expandOnly(
                    new SecretKeySpec(prkBytes, "HKDF-PRK"), info.toArray(), length);
            return Secret.wrap(newKdf().deriveData(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(kdfName + " expand failed", e);
        } finally {
            Arrays.fill(prkBytes, (byte) 0);
        }
    }

    /** A fresh KDF per derivation: KDF objects are not thread-safe, while this Hkdf is shared. */
    private KDF newKdf() {
        try {
            return provider != null ? KDF.getInstance(kdfName, provider) : KDF.getInstance(kdfName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(kdfName + " is not available in this JDK", e);
        }
    }
}
