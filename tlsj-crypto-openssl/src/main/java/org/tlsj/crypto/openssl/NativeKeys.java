package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Converts JCA keys to native EVP_PKEYs once per key and keeps them while the JCA key lives: a server signs
 * with the same key in every handshake, and the engine asks for a signer several times per handshake
 * (once per candidate scheme), so converting each time would cost more than the signature. Private keys go
 * through their PKCS#8 encoding (d2i_AutoPrivateKey). Public keys, which a client meets new in every
 * handshake, skip OpenSSL 3.0's slow DER decoder where they can: an EC point is set on a copy of the curve's
 * template, an Ed25519 key is taken raw; other public keys go through X.509 SubjectPublicKeyInfo
 * (d2i_PUBKEY). A key without an encoding (a hardware key) has no native form, and the provider leaves it
 * to the JCA.
 *
 * <p>The cache is a {@link WeakHashMap} behind a lock: an entry goes when its JCA key is collected, and the
 * native key is then freed by its cleaner. The map holds keys weakly and native keys strongly; a native key
 * never refers back to its JCA key, so entries do not keep themselves alive.
 */
final class NativeKeys {
    private final LibCrypto lib;
    private final Map<Key, Optional<NativeKey>> cache = Collections.synchronizedMap(new WeakHashMap<>());

    NativeKeys(LibCrypto lib) {
        this.lib = lib;
    }

    /** The native form of a private key, converted on first use; empty if OpenSSL cannot read it. */
    Optional<NativeKey> privateKey(PrivateKey key) {
        return cache.computeIfAbsent(key, k -> convert(k, true));
    }

    /** The native form of a public key, converted on first use; empty if OpenSSL cannot read it. */
    Optional<NativeKey> publicKey(PublicKey key) {
        return cache.computeIfAbsent(key, k -> {
            if (k instanceof ECPublicKey ec) {
                return NistCurve.of(ec).flatMap(c -> EcPoints.publicKey(lib, c, c.curve().uncompressed(ec.getW())))
                        .map(pkey -> NativeKey.own(lib, pkey));
            }
            byte[] der = k.getEncoded();
            if (k instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())
                    && der != null && der.length == ED25519_SPKI_LENGTH) {
                return raw(LibCrypto.NID_ED25519, Arrays.copyOfRange(der, der.length - 32, der.length));
            }
            return convert(k, false);
        });
    }

    /** RFC 8410: an Ed25519 SubjectPublicKeyInfo is a 12-byte header and the 32-byte key. */
    private static final int ED25519_SPKI_LENGTH = 44;

    private Optional<NativeKey> raw(int type, byte[] publicKey) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pkey = lib.newRawPublicKey(type, Native.copy(arena, publicKey), publicKey.length);
            if (LibCrypto.isNull(pkey)) {
                lib.drainErrors();
                return Optional.empty();
            }
            return Optional.of(NativeKey.own(lib, pkey));
        }
    }

    /** How many keys are cached (for tests). */
    int size() {
        return cache.size();
    }

    private Optional<NativeKey> convert(Key key, boolean isPrivate) {
        byte[] der = key.getEncoded();
        if (der == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeDer = Native.copy(arena, der);
            MemorySegment in = Native.pointerCell(arena, nativeDer);
            MemorySegment pkey = isPrivate ? lib.d2iAutoPrivateKey(in, der.length) : lib.d2iPubkey(in, der.length);
            nativeDer.fill((byte) 0);
            if (LibCrypto.isNull(pkey)) {
                lib.drainErrors();
                return Optional.empty();
            }
            return Optional.of(NativeKey.own(lib, pkey));
        } finally {
            if (isPrivate) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }
}
