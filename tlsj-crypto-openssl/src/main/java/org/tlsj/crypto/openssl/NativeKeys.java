package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Converts JCA keys to native EVP_PKEYs once per key and keeps them while the JCA key lives: a server signs
 * with the same key in every handshake, and the engine asks for a signer several times per handshake
 * (once per candidate scheme), so converting each time would cost more than the signature. Private keys go
 * through their PKCS#8 encoding (d2i_AutoPrivateKey), public keys through X.509 SubjectPublicKeyInfo
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
        return cache.computeIfAbsent(key, k -> convert(k, false));
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
