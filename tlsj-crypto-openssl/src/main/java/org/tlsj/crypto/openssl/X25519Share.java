package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.AbstractKeyShare;
import org.tlsj.crypto.KeyShareChecks;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/**
 * X25519 (RFC 7748) in libcrypto. The private scalar is exactly the next 32 bytes of the
 * {@link RandomSource}, as in the JCA provider, so a seeded source gives the same shares and secrets in both
 * (and a test can inject RFC 8448's key). OpenSSL speaks the wire format directly (32 bytes little-endian,
 * the top bit of a peer's u-coordinate masked), so nothing is reversed here. The native key is freed when
 * the exchange completes, or by the cleaner if it never does.
 */
final class X25519Share extends AbstractKeyShare {
    /** Share and secret length. */
    static final int LENGTH = KeyShareChecks.X25519_LENGTH;

    private final LibCrypto lib;
    private final NativeKey key;
    private boolean completed;

    private X25519Share(LibCrypto lib, NativeKey key, Bytes publicShare) {
        super(NamedGroup.X25519, publicShare);
        this.lib = lib;
        this.key = key;
    }

    /** Draws the 32-byte scalar from {@code random}; OpenSSL clamps it and computes the public share. */
    static X25519Share generate(LibCrypto lib, RandomSource random) {
        byte[] scalar = new byte[LENGTH];
        random.nextBytes(scalar);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeScalar = Native.copy(arena, scalar);
            MemorySegment pkey = lib.newRawPrivateKey(LibCrypto.NID_X25519, nativeScalar, LENGTH);
            nativeScalar.fill((byte) 0);
            if (LibCrypto.isNull(pkey)) {
                throw new IllegalStateException("X25519 key generation failed: " + lib.drainErrors());
            }
            NativeKey key = NativeKey.own(lib, pkey);
            MemorySegment pub = arena.allocate(LENGTH);
            MemorySegment pubLength = Native.sizeCell(arena, LENGTH);
            int ok = lib.getRawPublicKey(pkey, pub, pubLength);
            key.fence();
            if (ok != 1) {
                key.free();
                throw new IllegalStateException("X25519 public key export failed: " + lib.drainErrors());
            }
            return new X25519Share(lib, key, Bytes.wrap(Native.takeAndClear(pub, LENGTH)));
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /**
     * The shared secret; the private key is freed afterwards.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        if (completed) {
            throw new IllegalStateException("this X25519 key share was already completed (its key is freed)");
        }
        KeyShareChecks.requireX25519Length(peerShare);
        completed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment peer = lib.newRawPublicKey(LibCrypto.NID_X25519, Native.copy(arena, peerShare.toArray()),
                    LENGTH);
            if (LibCrypto.isNull(peer)) {
                throw KeyShareChecks.badKeyShare("x25519 share was refused: " + lib.drainErrors());
            }
            return Secret.wrap(Derivation.derive(lib, key, peer, LENGTH, "x25519"));
        } finally {
            key.free();
        }
    }
}
