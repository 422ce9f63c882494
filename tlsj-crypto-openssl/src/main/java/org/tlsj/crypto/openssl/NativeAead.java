package org.tlsj.crypto.openssl;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.Secret;

/**
 * AES-GCM or ChaCha20-Poly1305 in libcrypto over one EVP_CIPHER_CTX per key: the key is set (and its
 * schedule computed) once, and each record only sets the nonce, feeds the AAD and the data, and finishes
 * with the tag, all on the caller's arrays (no copy to native memory; the heap segments over them are kept
 * while the caller passes the same arrays at the same offsets, so the steady state allocates nothing). This is how
 * libssl itself protects TLS 1.3 records; the JCA instead builds a new cipher engine on every init.
 *
 * <p>Arrays may overlap exactly in place ({@code in == out}, same offset); any other overlap is copied
 * first. A failed open zeroes the output it wrote and returns -1, as the JCA's does (with in-place
 * decryption the ciphertext is then gone, which no caller needs: the record layer turns -1 into
 * bad_record_mac or skips the record).
 *
 * <p>The {@link Aead} interface has no close: the context (and the key schedule in it, which
 * EVP_CIPHER_CTX_free cleanses) is freed by a {@link Cleaner} once this object is unreachable. Not
 * thread-safe: one object per direction of one connection, as with the JCA's.
 */
final class NativeAead implements Aead {
    private static final Cleaner CLEANER = Cleaner.create();

    private final AeadAlgorithm algorithm;
    private final LibCrypto lib;
    private final CipherCalls calls;
    private final MemorySegment ctx;
    /** The int that OpenSSL's {@code int *outl} points to, passed as a heap segment. */
    private final int[] written = new int[1];
    private final MemorySegment writtenCell = MemorySegment.ofArray(written);
    private final HeapSlice nonceSlice = new HeapSlice();
    private final HeapSlice aadSlice = new HeapSlice();
    private final HeapSlice inputSlice = new HeapSlice();
    /** The tag in a sealed input (open). */
    private final HeapSlice inputTailSlice = new HeapSlice();
    private final HeapSlice outputSlice = new HeapSlice();
    /** Where final writes and, in seal, the tag goes. */
    private final HeapSlice outputTailSlice = new HeapSlice();

    NativeAead(LibCrypto lib, AeadAlgorithm algorithm, Secret secret) {
        if (secret.length() != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength()
                    + "-byte key, got " + secret.length() + " bytes");
        }
        this.algorithm = algorithm;
        this.lib = lib;
        this.calls = lib.ciphers();
        MemorySegment cipher = calls.cipher(cipherName(algorithm), lib);
        this.ctx = calls.ctxNew();
        if (LibCrypto.isNull(ctx)) {
            throw new IllegalStateException("EVP_CIPHER_CTX_new failed: " + lib.drainErrors());
        }
        // Registered before the key goes in, so that even a failed init frees the context.
        CLEANER.register(this, new Free(calls, ctx.address()));
        byte[] key = secret.expose();
        try {
            if (calls.init(ctx, cipher, MemorySegment.ofArray(key), MemorySegment.NULL, 1) != 1) {
                throw new IllegalStateException(algorithm + " key set-up failed: " + lib.drainErrors());
            }
        } finally {
            Arrays.fill(key, (byte) 0);
            Reference.reachabilityFence(this);
        }
    }

    private static String cipherName(AeadAlgorithm algorithm) {
        return switch (algorithm) {
            case AES_128_GCM -> "AES-128-GCM";
            case AES_256_GCM -> "AES-256-GCM";
            case CHACHA20_POLY1305 -> "ChaCha20-Poly1305";
        };
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int tagLength = algorithm.tagLength();
        checkArguments(nonce, aad, aadLen, in, inOff, len);
        checkOutput(out, outOff, len + tagLength, "sealed");
        byte[] src = in;
        int srcOff = inOff;
        if (overlapsElsewhere(in, inOff, len, out, outOff, len + tagLength)) {
            src = Arrays.copyOfRange(in, inOff, inOff + len);
            srcOff = 0;
        }
        try {
            start(nonce, 1, aad, aadLen);
            int n = 0;
            if (len > 0) {
                check(calls.update(ctx, outputSlice.at(out, outOff), writtenCell, inputSlice.at(src, srcOff), len),
                        "encryption");
                n = written[0];
            }
            check(calls.finish(ctx, outputTailSlice.at(out, outOff + n), writtenCell), "encryption");
            n += written[0];
            check(calls.ctrl(ctx, CipherCalls.GET_TAG, tagLength, outputTailSlice.at(out, outOff + n)), "encryption");
            return n + tagLength;
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int tagLength = algorithm.tagLength();
        checkArguments(nonce, aad, aadLen, in, inOff, len);
        if (len < tagLength) {
            return -1;
        }
        int plaintextLength = len - tagLength;
        checkOutput(out, outOff, plaintextLength, "opened");
        byte[] src = in;
        int srcOff = inOff;
        if (overlapsElsewhere(in, inOff, len, out, outOff, plaintextLength)) {
            src = Arrays.copyOfRange(in, inOff, inOff + len);
            srcOff = 0;
        }
        try {
            start(nonce, 0, aad, aadLen);
            // The tag is read into the context before the update can overwrite anything in place.
            check(calls.ctrl(ctx, CipherCalls.SET_TAG, tagLength, inputTailSlice.at(src, srcOff + plaintextLength)),
                    "decryption");
            int n = 0;
            if (plaintextLength > 0) {
                check(calls.update(ctx, outputSlice.at(out, outOff), writtenCell, inputSlice.at(src, srcOff),
                        plaintextLength), "decryption");
                n = written[0];
            }
            if (calls.finish(ctx, outputTailSlice.at(out, outOff + n), writtenCell) != 1) {
                Arrays.fill(out, outOff, outOff + plaintextLength, (byte) 0);
                lib.drainErrors();
                return -1;
            }
            return n + written[0];
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Sets the nonce (keeping the key) and the direction, and feeds the AAD. */
    private void start(byte[] nonce, int encrypt, byte[] aad, int aadLen) {
        String what = encrypt == 1 ? "encryption" : "decryption";
        check(calls.init(ctx, MemorySegment.NULL, MemorySegment.NULL, nonceSlice.at(nonce, 0), encrypt), what);
        if (aadLen > 0) {
            check(calls.update(ctx, MemorySegment.NULL, writtenCell, aadSlice.at(aad, 0), aadLen), what);
        }
    }

    private void check(int result, String what) {
        if (result != 1) {
            throw new IllegalStateException(algorithm + " " + what + " failed: " + lib.drainErrors());
        }
    }

    /** The checks the JCA makes before touching memory; native code must never see an out-of-range slice. */
    private void checkArguments(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len) {
        if (nonce.length != algorithm.ivLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.ivLength()
                    + "-byte nonce, got " + nonce.length);
        }
        Objects.checkFromIndexSize(0, aadLen, aad.length);
        if (inOff < 0 || len < 0 || inOff > in.length - len) {
            throw new IllegalArgumentException("input range " + inOff + "+" + len + " is outside a "
                    + in.length + "-byte array");
        }
    }

    private static void checkOutput(byte[] out, int outOff, int length, String what) {
        if (outOff < 0 || outOff > out.length - length) {
            throw new IllegalArgumentException("output buffer too small for " + length + " bytes of " + what
                    + " record");
        }
    }

    /** Whether the two ranges share bytes without being exactly in place (OpenSSL handles only in == out). */
    private static boolean overlapsElsewhere(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
        return in == out && inOff != outOff && inOff < outOff + outLen && outOff < inOff + inLen;
    }

    /** EVP_CIPHER_CTX_free on one address; holds no reference to the {@link NativeAead}. */
    private record Free(CipherCalls calls, long address) implements Runnable {
        @Override
        public void run() {
            calls.ctxFree(MemorySegment.ofAddress(address));
        }
    }
}
