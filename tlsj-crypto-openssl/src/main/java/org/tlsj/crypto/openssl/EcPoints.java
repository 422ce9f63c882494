package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/** Builds an EC EVP_PKEY from an encoded point, the way libssl builds a peer's key share. */
final class EcPoints {
    private EcPoints() {
    }

    /**
     * A new public EVP_PKEY on {@code curve} holding {@code point} (SEC 1 encoding), or empty if OpenSSL
     * refuses the point (EC_POINT_oct2point checks that it is on the curve). The caller owns the key.
     */
    static Optional<MemorySegment> publicKey(LibCrypto lib, NistCurve curve, byte[] point) {
        MemorySegment pkey = lib.pkeyNew();
        if (LibCrypto.isNull(pkey)) {
            throw new IllegalStateException("EVP_PKEY_new failed: " + lib.drainErrors());
        }
        try (Arena arena = Arena.ofConfined()) {
            if (lib.copyParameters(pkey, curve.template(lib)) != 1) {
                lib.pkeyFree(pkey);
                throw new IllegalStateException("EVP_PKEY_copy_parameters failed: " + lib.drainErrors());
            }
            if (lib.setEncodedPublicKey(pkey, Native.copy(arena, point), point.length) != 1) {
                lib.pkeyFree(pkey);
                return Optional.empty();
            }
            return Optional.of(pkey);
        }
    }
}
