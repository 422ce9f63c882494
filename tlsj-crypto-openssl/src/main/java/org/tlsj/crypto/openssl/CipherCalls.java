package org.tlsj.crypto.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EVP_CIPHER_CTX functions of libcrypto, bound like {@link LibCrypto}'s (same C type mapping; return
 * codes passed through, 1 meaning success). The per-record calls (init with a nonce, update, final, ctrl)
 * are bound {@linkplain Linker.Option#critical(boolean) critical with heap access}: they take slices of
 * Java arrays directly, with no copy to native memory, and they are short and never call back into Java,
 * which is what a critical call requires.
 */
final class CipherCalls {
    /** EVP_CTRL_AEAD_GET_TAG. */
    static final int GET_TAG = 0x10;
    /** EVP_CTRL_AEAD_SET_TAG. */
    static final int SET_TAG = 0x11;

    /** EVP_CIPHER_fetch results by name: fetched once, kept for the life of the library. */
    private final Map<String, MemorySegment> ciphers = new ConcurrentHashMap<>();
    private final MethodHandle cipherFetch;
    private final MethodHandle ctxNew;
    private final MethodHandle ctxFree;
    private final MethodHandle cipherInit;
    private final MethodHandle cipherUpdate;
    private final MethodHandle cipherFinal;
    private final MethodHandle ctxCtrl;

    CipherCalls(SymbolLookup lookup) {
        cipherFetch = LibCrypto.bind(lookup, "EVP_CIPHER_fetch", ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        ctxNew = LibCrypto.bind(lookup, "EVP_CIPHER_CTX_new", ADDRESS);
        ctxFree = LibCrypto.bind(lookup, "EVP_CIPHER_CTX_free", null, ADDRESS);
        cipherInit = LibCrypto.bindCritical(lookup, "EVP_CipherInit_ex", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT);
        cipherUpdate = LibCrypto.bindCritical(lookup, "EVP_CipherUpdate", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                JAVA_INT);
        cipherFinal = LibCrypto.bindCritical(lookup, "EVP_CipherFinal_ex", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        ctxCtrl = LibCrypto.bindCritical(lookup, "EVP_CIPHER_CTX_ctrl", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
    }

    /**
     * The cipher named {@code name} ("AES-128-GCM"), fetched once from the default library context.
     *
     * @throws IllegalStateException if OpenSSL has no such cipher
     */
    MemorySegment cipher(String name, LibCrypto lib) {
        return ciphers.computeIfAbsent(name, n -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment cipher = (MemorySegment) cipherFetch.invokeExact(MemorySegment.NULL,
                        arena.allocateFrom(n), MemorySegment.NULL);
                if (LibCrypto.isNull(cipher)) {
                    throw new IllegalStateException("OpenSSL has no cipher " + n + ": " + lib.drainErrors());
                }
                return cipher;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw LibCrypto.rethrow(t);
            }
        });
    }

    MemorySegment ctxNew() {
        try {
            return (MemorySegment) ctxNew.invokeExact();
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    void ctxFree(MemorySegment ctx) {
        try {
            ctxFree.invokeExact(ctx);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    /** EVP_CipherInit_ex(ctx, cipher, NULL, key, iv, enc); NULL arguments keep what the context has. */
    int init(MemorySegment ctx, MemorySegment cipher, MemorySegment key, MemorySegment iv, int enc) {
        try {
            return (int) cipherInit.invokeExact(ctx, cipher, MemorySegment.NULL, key, iv, enc);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    /** EVP_CipherUpdate; {@code out} NULL feeds additional authenticated data. */
    int update(MemorySegment ctx, MemorySegment out, MemorySegment outLength, MemorySegment in, int inLength) {
        try {
            return (int) cipherUpdate.invokeExact(ctx, out, outLength, in, inLength);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    /** EVP_CipherFinal_ex; for AEAD decryption, 1 only if the tag matched. */
    int finish(MemorySegment ctx, MemorySegment out, MemorySegment outLength) {
        try {
            return (int) cipherFinal.invokeExact(ctx, out, outLength);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    /** EVP_CIPHER_CTX_ctrl (here {@link #GET_TAG} and {@link #SET_TAG}). */
    int ctrl(MemorySegment ctx, int type, int arg, MemorySegment ptr) {
        try {
            return (int) ctxCtrl.invokeExact(ctx, type, arg, ptr);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }
}
