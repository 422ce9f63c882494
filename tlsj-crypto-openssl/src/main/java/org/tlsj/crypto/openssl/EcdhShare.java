package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.Bytes;

/**
 * ECDHE over secp256r1 or secp384r1 in libcrypto. Shares are uncompressed points, {@code 0x04 || X || Y}
 * (RFC 8446 section 4.2.8.2); the secret is the X coordinate, padded to the field size. The private scalar
 * comes from the {@link RandomSource} by rejection sampling (draw field-size bytes until 0 < d < n; for
 * these curves n is so close to 2^bits that a redraw almost never happens), so a seeded source makes the
 * shares reproducible; they differ from the JCA provider's, which draws differently.
 */
final class EcdhShare implements KeyShare {
    /** A working source needs a second draw about once in 2^32 tries; this many failures means it is broken. */
    private static final int MAX_DRAWS = 16;

    private final LibCrypto lib;
    private final NamedGroup group;
    private final NistCurve curve;
    private final NativeKey key;
    private final Bytes publicShare;
    private boolean completed;

    private EcdhShare(LibCrypto lib, NamedGroup group, NistCurve curve, NativeKey key, Bytes publicShare) {
        this.lib = lib;
        this.group = group;
        this.curve = curve;
        this.key = key;
        this.publicShare = publicShare;
    }

    /** A fresh key pair with its scalar drawn from {@code random}. */
    static EcdhShare generate(LibCrypto lib, NamedGroup group, RandomSource random) {
        NistCurve curve = NistCurve.forGroup(group);
        int n = curve.fieldBytes();
        byte[] scalar = new byte[n];
        int draws = 0;
        do {
            if (++draws > MAX_DRAWS) {
                throw new IllegalStateException("the random source gave " + MAX_DRAWS + " scalars out of range for "
                        + group + " in a row: it is broken");
            }
            random.nextBytes(scalar);
        } while (!curve.isValidScalar(scalar));
        byte[] der = curve.sec1(scalar);
        Arrays.fill(scalar, (byte) 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeDer = Native.copy(arena, der);
            Arrays.fill(der, (byte) 0);
            MemorySegment pkey = lib.d2iPrivateKey(LibCrypto.EVP_PKEY_EC, Native.pointerCell(arena, nativeDer),
                    nativeDer.byteSize());
            nativeDer.fill((byte) 0);
            if (LibCrypto.isNull(pkey)) {
                throw new IllegalStateException(group + " key generation failed: " + lib.drainErrors());
            }
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
        }
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public Bytes publicShare() {
        return publicShare;
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
            throw new IllegalStateException("this " + group + " key share was already completed (its key is freed)");
        }
        int n = curve.fieldBytes();
        if (peerShare.length() != 1 + 2 * n) {
            throw Native.badKeyShare(group + " share must be " + (1 + 2 * n) + " bytes (uncompressed point), got "
                    + peerShare.length());
        }
        if (peerShare.get(0) != 0x04) {
            throw Native.badKeyShare(group + " share must be an uncompressed point (0x04), starts with "
                    + String.format("0x%02x", peerShare.get(0)));
        }
        completed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment spki = Native.copy(arena, curve.spki(peerShare.toArray()));
            MemorySegment peer = lib.d2iPubkey(Native.pointerCell(arena, spki), spki.byteSize());
            if (LibCrypto.isNull(peer)) {
                throw Native.badKeyShare(group + " share is not a point on the curve: " + lib.drainErrors());
            }
            return Secret.wrap(Derivation.derive(lib, key, peer, n, group.toString()));
        } finally {
            key.free();
        }
    }
}
