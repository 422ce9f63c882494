package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AbstractKeyShare;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/**
 * ECDHE over secp256r1, secp384r1 or secp521r1 in libcrypto. Shares are uncompressed points, {@code 0x04 || X || Y}
 * (RFC 8446 section 4.2.8.2); the secret is the X coordinate, padded to the field size. The private key
 * comes from OpenSSL's own generator, not the {@link RandomSource}, so these shares are not reproducible
 * under a seeded source (see {@link #generate}).
 */
final class EcdhShare extends AbstractKeyShare {
    private final LibCrypto lib;
    private final NistCurve curve;
    private final NativeKey key;
    private boolean completed;

    private EcdhShare(LibCrypto lib, NamedGroup group, NistCurve curve, NativeKey key, Bytes publicShare) {
        super(group, publicShare);
        this.lib = lib;
        this.curve = curve;
        this.key = key;
    }

    /**
     * A fresh key pair from OpenSSL's generator (EVP_PKEY_keygen on the curve's template, as libssl does):
     * building the key from a scalar drawn from the {@link RandomSource} would go through OpenSSL 3.0's DER
     * decoder, which costs more than the whole exchange.
     */
    static EcdhShare generate(LibCrypto lib, NamedGroup group) {
        NistCurve curve = NistCurve.forGroup(group);
        int n = curve.fieldBytes();
        MemorySegment ctx = lib.pkeyCtxNew(curve.template(lib));
        if (LibCrypto.isNull(ctx)) {
            throw new IllegalStateException(group + " key generation failed: " + lib.drainErrors());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            if (lib.keygenInit(ctx) != 1 || lib.keygen(ctx, out) != 1) {
                throw new IllegalStateException(group + " key generation failed: " + lib.drainErrors());
            }
            MemorySegment pkey = out.get(ValueLayout.ADDRESS, 0);
            NativeKey key = NativeKey.own(lib, pkey);
            MemorySegment point = arena.allocate(1 + 2L * n);
            MemorySegment pointLength = arena.allocate(ValueLayout.JAVA_LONG);
            int ok = lib.getOctetStringParam(pkey, arena.allocateFrom("encoded-pub-key"), point, point.byteSize(),
                    pointLength);
            key.fence();
            if (ok != 1 || pointLength.get(ValueLayout.JAVA_LONG, 0) != point.byteSize()
                    || point.get(ValueLayout.JAVA_BYTE, 0) != 0x04) {
                key.free();
                throw new IllegalStateException(group + " public point export failed: " + lib.drainErrors());
            }
            return new EcdhShare(lib, group, curve, key, Bytes.wrap(point.toArray(ValueLayout.JAVA_BYTE)));
        } finally {
            lib.pkeyCtxFree(ctx);
        }
    }

    /**
     * The shared secret after validating the peer point (exact length, uncompressed form, which also
     * excludes the point at infinity, and on the curve, which OpenSSL checks while decoding it); the private
     * key is freed afterwards.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        if (completed) {
            throw new IllegalStateException("this " + group() + " key share was already completed (its key is freed)");
        }
        int n = curve.fieldBytes();
        KeyShareChecks.requireUncompressedPoint(group(), n, peerShare);
        completed = true;
        try {
            MemorySegment peer = EcPoints.publicKey(lib, curve, peerShare.toArray()).orElseThrow(() ->
                    KeyShareChecks.badKeyShare(group() + " share is not a point on the curve: " + lib.drainErrors()));
            return Secret.wrap(Derivation.derive(lib, key, peer, n, group().toString()));
        } finally {
            key.free();
        }
    }
}
