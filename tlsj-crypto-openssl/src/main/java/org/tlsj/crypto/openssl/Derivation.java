package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.TlsFatalAlertException;

/** EVP_PKEY_derive between our native key and a peer's, shared by X25519 and ECDH. */
final class Derivation {
    private Derivation() {
    }

    /**
     * The shared secret of {@code own} and {@code peer} (an EVP_PKEY this method frees), exactly
     * {@code length} bytes. The peer key is set without EVP_PKEY_public_check: for P-256/P-384 that check
     * multiplies the point by the group order, as costly as the agreement itself, and it proves nothing more
     * than the on-curve check OpenSSL already made when the point was set (these curves have cofactor 1, so
     * every point on the curve is in the prime-order group; RFC 8446 section 4.2.8.2 asks for the on-curve
     * check). For X25519 there is nothing to check beyond the length; small-order points give an all-zero
     * secret, which OpenSSL refuses and we check again. Those failures are the peer's: illegal_parameter.
     */
    static byte[] derive(LibCrypto lib, NativeKey own, MemorySegment peer, int length, String what)
            throws TlsFatalAlertException {
        MemorySegment ctx = MemorySegment.NULL;
        try (Arena arena = Arena.ofConfined()) {
            ctx = lib.pkeyCtxNew(own.pointer());
            if (LibCrypto.isNull(ctx) || lib.deriveInit(ctx) != 1) {
                throw Native.cryptoFailure(what + ": derive set-up failed: " + lib.drainErrors());
            }
            if (lib.deriveSetPeer(ctx, peer, false) != 1) {
                throw KeyShareChecks.badKeyShare(what + " share was refused: " + lib.drainErrors());
            }
            MemorySegment out = arena.allocate(length);
            MemorySegment outLength = Native.sizeCell(arena, length);
            if (lib.derive(ctx, out, outLength) != 1) {
                throw KeyShareChecks.badKeyShare(what + " agreement failed (for X25519: a small-order share, the secret"
                        + " would be all zeros): " + lib.drainErrors());
            }
            long got = outLength.get(ValueLayout.JAVA_LONG, 0);
            byte[] secret = Native.takeAndClear(out, got);
            if (got != length) {
                throw Native.cryptoFailure(what + " secret of " + got + " bytes, expected " + length);
            }
            // RFC 8446 section 7.4.2 / RFC 7748 section 6.1: an all-zero X25519 secret aborts.
            if (KeyShareChecks.isAllZero(secret)) {
                throw KeyShareChecks.badKeyShare(what + " shared secret is all zeros (small-order peer share)");
            }
            return secret;
        } finally {
            if (!LibCrypto.isNull(ctx)) {
                lib.pkeyCtxFree(ctx);
            }
            lib.pkeyFree(peer);
            own.fence();
        }
    }
}
