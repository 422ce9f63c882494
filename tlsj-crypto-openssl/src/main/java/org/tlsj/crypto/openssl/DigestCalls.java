package org.tlsj.crypto.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The digest and EVP_DigestSign/EVP_DigestVerify functions of libcrypto, bound like {@link LibCrypto}'s
 * (same C type mapping; return codes passed through, 1 meaning success).
 */
final class DigestCalls {
    private final MethodHandle mdCtxNew;
    private final MethodHandle mdCtxFree;
    private final MethodHandle digestSignInit;
    private final MethodHandle digestSign;
    private final MethodHandle digestVerifyInit;
    private final MethodHandle digestVerify;
    private final MethodHandle mdFetch;

    DigestCalls(SymbolLookup lookup) {
        mdCtxNew = LibCrypto.bind(lookup, "EVP_MD_CTX_new", ADDRESS);
        mdCtxFree = LibCrypto.bind(lookup, "EVP_MD_CTX_free", null, ADDRESS);
        digestSignInit = LibCrypto.bind(lookup, "EVP_DigestSignInit", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS);
        digestSign = LibCrypto.bind(lookup, "EVP_DigestSign", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        digestVerifyInit = LibCrypto.bind(lookup, "EVP_DigestVerifyInit", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS);
        digestVerify = LibCrypto.bind(lookup, "EVP_DigestVerify", JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_LONG);
        mdFetch = LibCrypto.bind(lookup, "EVP_MD_fetch", ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    }

    MemorySegment mdCtxNew() {
        try {
            return (MemorySegment) mdCtxNew.invokeExact();
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    void mdCtxFree(MemorySegment ctx) {
        try {
            mdCtxFree.invokeExact(ctx);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    int digestSignInit(MemorySegment ctx, MemorySegment md, MemorySegment pkey) {
        try {
            return (int) digestSignInit.invokeExact(ctx, MemorySegment.NULL, md, MemorySegment.NULL, pkey);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    int digestSign(MemorySegment ctx, MemorySegment sig, MemorySegment sigLength, MemorySegment tbs, long tbsLength) {
        try {
            return (int) digestSign.invokeExact(ctx, sig, sigLength, tbs, tbsLength);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    int digestVerifyInit(MemorySegment ctx, MemorySegment md, MemorySegment pkey) {
        try {
            return (int) digestVerifyInit.invokeExact(ctx, MemorySegment.NULL, md, MemorySegment.NULL, pkey);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    int digestVerify(MemorySegment ctx, MemorySegment sig, long sigLength, MemorySegment tbs, long tbsLength) {
        try {
            return (int) digestVerify.invokeExact(ctx, sig, sigLength, tbs, tbsLength);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }

    /** EVP_MD_fetch(NULL, name, NULL): the digest from the default library context (never freed). */
    MemorySegment mdFetch(MemorySegment name) {
        try {
            return (MemorySegment) mdFetch.invokeExact(MemorySegment.NULL, name, MemorySegment.NULL);
        } catch (Throwable t) {
            throw LibCrypto.rethrow(t);
        }
    }
}
