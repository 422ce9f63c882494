package org.tlsj.crypto.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.HexFormat;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few OpenSSL 3 libcrypto functions this provider calls, as hand-written downcall handles (no jextract,
 * no JNI); the digest and signature ones are in {@link DigestCalls}, the cipher ones in {@link CipherCalls}.
 * C types map as on LP64 Linux:
 * {@code int} is JAVA_INT; {@code size_t}, {@code long} and {@code unsigned long} are JAVA_LONG; every
 * pointer is ADDRESS. Each wrapper method mirrors one C function;
 * return codes are passed through (OpenSSL's 1 means success) and the callers check them.
 *
 * <p>A library is opened once per name or path for the life of the JVM ({@link Arena#global()}): OpenSSL is
 * not meant to be unloaded. Every function here is safe to call from many threads at once (OpenSSL 3 keeps
 * its error queue per thread; EVP_PKEY objects are only read after they are built).
 */
final class LibCrypto {
    /** NID_X25519 / EVP_PKEY_X25519. */
    static final int NID_X25519 = 1034;
    /** NID_ED25519 / EVP_PKEY_ED25519. */
    static final int NID_ED25519 = 1087;
    /** EVP_PKEY_EC (NID_X9_62_id_ecPublicKey). */
    static final int EVP_PKEY_EC = 408;
    /** OpenSSL 3.0.0 as OpenSSL_version_num() encodes it (0xMNN00PP0L). */
    static final long MIN_VERSION = 0x3000_0000L;

    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final Linker LINKER = Linker.nativeLinker();

    /**
     * The outcome of opening a library: the bindings, or why there are none.
     *
     * @param library the bindings, if the library opened and is new enough
     * @param unavailableReason why it cannot be used, if it cannot
     */
    record Loaded(Optional<LibCrypto> library, Optional<String> unavailableReason) {}

    private final long version;
    /** EVP_MD_fetch results by name: fetched once, kept for the life of the library. */
    private final Map<String, MemorySegment> digests = new ConcurrentHashMap<>();
    /** Parameters-only EC keys by curve OID (hex), templates for keys on the curve; kept for the library's life. */
    private final Map<String, MemorySegment> ecParameters = new ConcurrentHashMap<>();
    private final MethodHandle newRawPrivateKey;
    private final MethodHandle newRawPublicKey;
    private final MethodHandle getRawPublicKey;
    private final MethodHandle getOctetStringParam;
    private final MethodHandle pkeyFree;
    private final MethodHandle d2iPubkey;
    private final MethodHandle d2iKeyParams;
    private final MethodHandle pkeyNew;
    private final MethodHandle copyParameters;
    private final MethodHandle setEncodedPublicKey;
    private final MethodHandle keygenInit;
    private final MethodHandle keygen;
    private final MethodHandle d2iAutoPrivateKey;
    private final MethodHandle pkeyCtxNew;
    private final MethodHandle pkeyCtxFree;
    private final MethodHandle deriveInit;
    private final MethodHandle deriveSetPeer;
    private final MethodHandle derive;
    private final DigestCalls digestCalls;
    private final CipherCalls cipherCalls;
    private final MethodHandle errGetError;
    private final MethodHandle errErrorStringN;
    private final MethodHandle errClearError;

    private LibCrypto(SymbolLookup lookup, long version) {
        this.version = version;
        newRawPrivateKey = bind(lookup, "EVP_PKEY_new_raw_private_key", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);
        newRawPublicKey = bind(lookup, "EVP_PKEY_new_raw_public_key", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);
        getRawPublicKey = bind(lookup, "EVP_PKEY_get_raw_public_key", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        getOctetStringParam = bind(lookup, "EVP_PKEY_get_octet_string_param", JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS);
        pkeyFree = bind(lookup, "EVP_PKEY_free", null, ADDRESS);
        d2iPubkey = bind(lookup, "d2i_PUBKEY", ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        d2iKeyParams = bind(lookup, "d2i_KeyParams", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);
        pkeyNew = bind(lookup, "EVP_PKEY_new", ADDRESS);
        copyParameters = bind(lookup, "EVP_PKEY_copy_parameters", JAVA_INT, ADDRESS, ADDRESS);
        setEncodedPublicKey = bind(lookup, "EVP_PKEY_set1_encoded_public_key", JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);
        keygenInit = bind(lookup, "EVP_PKEY_keygen_init", JAVA_INT, ADDRESS);
        keygen = bind(lookup, "EVP_PKEY_keygen", JAVA_INT, ADDRESS, ADDRESS);
        d2iAutoPrivateKey = bind(lookup, "d2i_AutoPrivateKey", ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        pkeyCtxNew = bind(lookup, "EVP_PKEY_CTX_new", ADDRESS, ADDRESS, ADDRESS);
        pkeyCtxFree = bind(lookup, "EVP_PKEY_CTX_free", null, ADDRESS);
        deriveInit = bind(lookup, "EVP_PKEY_derive_init", JAVA_INT, ADDRESS);
        deriveSetPeer = bind(lookup, "EVP_PKEY_derive_set_peer_ex", JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        derive = bind(lookup, "EVP_PKEY_derive", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        digestCalls = new DigestCalls(lookup);
        cipherCalls = new CipherCalls(lookup);
        errGetError = bind(lookup, "ERR_get_error", JAVA_LONG);
        errErrorStringN = bind(lookup, "ERR_error_string_n", null, JAVA_LONG, ADDRESS, JAVA_LONG);
        errClearError = bind(lookup, "ERR_clear_error", null);
    }

    /**
     * Opens {@code library} (a file name such as {@code libcrypto.so.3}, found the way dlopen finds it, or a
     * path) once, and checks that it is OpenSSL 3.0 or later with every function bound. Never throws: any
     * failure, a missing native-access permission included, becomes the unavailable reason.
     */
    static Loaded load(String library) {
        return LOADED.computeIfAbsent(library, LibCrypto::open);
    }

    @SuppressWarnings("restricted") // the point of this class; callers need native access (see the factory)
    private static Loaded open(String library) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException e) {
            return unavailable(library + " not found (" + e.getMessage() + ")");
        } catch (IllegalCallerException e) {
            return unavailable("native access is denied (run java with --enable-native-access=ALL-UNNAMED): "
                    + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return unavailable(library + " cannot be opened: " + e);
        }
        try {
            MethodHandle versionNum = bind(lookup, "OpenSSL_version_num", JAVA_LONG);
            long version = (long) versionNum.invokeExact();
            if (Long.compareUnsigned(version, MIN_VERSION) < 0) {
                return unavailable(library + " is OpenSSL " + describeVersion(version) + "; 3.0 or later is needed");
            }
            return new Loaded(Optional.of(new LibCrypto(lookup, version)), Optional.empty());
        } catch (NoSuchElementException e) {
            return unavailable(library + " is not OpenSSL 3 libcrypto: " + e.getMessage());
        } catch (Throwable e) {
            return unavailable(library + " cannot be used: " + e);
        }
    }

    private static Loaded unavailable(String reason) {
        return new Loaded(Optional.empty(), Optional.of(reason));
    }

    /**
     * The version as people write it: OpenSSL 3 encodes 0xMNN00PP0 ("3.0.19" is 0x30000130), OpenSSL 1.x
     * 0xMNNFFPPS with a patch letter ("1.1.1w" is 0x1010117f).
     */
    static String describeVersion(long version) {
        long major = version >>> 28 & 0xf;
        long minor = version >>> 20 & 0xff;
        if (major >= 3) {
            return major + "." + minor + "." + (version >>> 4 & 0xff);
        }
        long letter = version >>> 4 & 0xff;
        String patch = letter == 0 ? "" : String.valueOf((char) ('a' + letter - 1));
        return major + "." + minor + "." + (version >>> 12 & 0xff) + patch;
    }

    static MethodHandle bind(SymbolLookup lookup, String name, MemoryLayout result,
            MemoryLayout... args) {
        return bind(lookup, name, false, result, args);
    }

    /**
     * A {@linkplain Linker.Option#critical(boolean) critical} downcall handle that takes slices of Java arrays
     * as pointers: only for short calls that never call back into Java.
     */
    static MethodHandle bindCritical(SymbolLookup lookup, String name, MemoryLayout result, MemoryLayout... args) {
        return bind(lookup, name, true, result, args);
    }

    @SuppressWarnings("restricted")
    private static MethodHandle bind(SymbolLookup lookup, String name, boolean critical, MemoryLayout result,
            MemoryLayout... args) {
        Linker.Option[] options = critical ? new Linker.Option[] {Linker.Option.critical(true)}
                : new Linker.Option[0];
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new NoSuchElementException("no symbol " + name));
        FunctionDescriptor descriptor = result == null ? FunctionDescriptor.ofVoid(args)
                : FunctionDescriptor.of(result, args);
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** The EVP_MD_CTX and EVP_DigestSign/Verify functions. */
    DigestCalls digests() {
        return digestCalls;
    }

    /** The EVP_CIPHER_CTX functions (AEAD record protection). */
    CipherCalls ciphers() {
        return cipherCalls;
    }

    /** The OpenSSL_version_num() of the library. */
    long version() {
        return version;
    }

    /** Native calls do not throw; anything here is a binding bug, so it surfaces as is. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("native call failed", t);
    }

    MemorySegment newRawPrivateKey(int type, MemorySegment key, long length) {
        try {
            return (MemorySegment) newRawPrivateKey.invokeExact(type, MemorySegment.NULL, key, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment newRawPublicKey(int type, MemorySegment key, long length) {
        try {
            return (MemorySegment) newRawPublicKey.invokeExact(type, MemorySegment.NULL, key, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int getRawPublicKey(MemorySegment pkey, MemorySegment out, MemorySegment length) {
        try {
            return (int) getRawPublicKey.invokeExact(pkey, out, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int getOctetStringParam(MemorySegment pkey, MemorySegment name, MemorySegment out, long max,
            MemorySegment length) {
        try {
            return (int) getOctetStringParam.invokeExact(pkey, name, out, max, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void pkeyFree(MemorySegment pkey) {
        try {
            pkeyFree.invokeExact(pkey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment d2iPubkey(MemorySegment inOut, long length) {
        try {
            return (MemorySegment) d2iPubkey.invokeExact(MemorySegment.NULL, inOut, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment d2iKeyParams(int type, MemorySegment inOut, long length) {
        try {
            return (MemorySegment) d2iKeyParams.invokeExact(type, MemorySegment.NULL, inOut, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment pkeyNew() {
        try {
            return (MemorySegment) pkeyNew.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int copyParameters(MemorySegment to, MemorySegment from) {
        try {
            return (int) copyParameters.invokeExact(to, from);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int setEncodedPublicKey(MemorySegment pkey, MemorySegment point, long length) {
        try {
            return (int) setEncodedPublicKey.invokeExact(pkey, point, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int keygenInit(MemorySegment ctx) {
        try {
            return (int) keygenInit.invokeExact(ctx);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int keygen(MemorySegment ctx, MemorySegment out) {
        try {
            return (int) keygen.invokeExact(ctx, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment d2iAutoPrivateKey(MemorySegment inOut, long length) {
        try {
            return (MemorySegment) d2iAutoPrivateKey.invokeExact(MemorySegment.NULL, inOut, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment pkeyCtxNew(MemorySegment pkey) {
        try {
            return (MemorySegment) pkeyCtxNew.invokeExact(pkey, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void pkeyCtxFree(MemorySegment ctx) {
        try {
            pkeyCtxFree.invokeExact(ctx);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int deriveInit(MemorySegment ctx) {
        try {
            return (int) deriveInit.invokeExact(ctx);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** EVP_PKEY_derive_set_peer_ex; {@code validate} 1 runs EVP_PKEY_public_check on the peer first. */
    int deriveSetPeer(MemorySegment ctx, MemorySegment peer, boolean validate) {
        try {
            return (int) deriveSetPeer.invokeExact(ctx, peer, validate ? 1 : 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int derive(MemorySegment ctx, MemorySegment out, MemorySegment length) {
        try {
            return (int) derive.invokeExact(ctx, out, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The digest named {@code name} ("SHA256"), fetched once: an implicit fetch on every EVP_DigestSignInit
     * would cost a provider lookup per signature.
     *
     * @throws IllegalStateException if OpenSSL has no such digest
     */
    MemorySegment digest(String name) {
        return digests.computeIfAbsent(name, n -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment md = digestCalls.mdFetch(arena.allocateFrom(n));
                if (isNull(md)) {
                    throw new IllegalStateException("OpenSSL has no digest " + n + ": " + drainErrors());
                }
                return md;
            }
        });
    }

    /**
     * A parameters-only EC EVP_PKEY for the named curve whose OID DER is {@code oidDer} (d2i_KeyParams of the
     * ECParameters namedCurve choice), built once: the template that key generation and peer keys copy from.
     *
     * @throws IllegalStateException if OpenSSL does not know the curve
     */
    MemorySegment ecParameters(byte[] oidDer) {
        return ecParameters.computeIfAbsent(HexFormat.of().formatHex(oidDer), hex -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment der = arena.allocateFrom(JAVA_BYTE, oidDer);
                MemorySegment params = d2iKeyParams(EVP_PKEY_EC, arena.allocateFrom(ADDRESS, der), oidDer.length);
                if (isNull(params)) {
                    throw new IllegalStateException("OpenSSL does not know the curve " + hex + ": " + drainErrors());
                }
                return params;
            }
        });
    }

    /**
     * Empties this thread's OpenSSL error queue and returns its oldest entry as text (OpenSSL's own words,
     * such as "error:...:elliptic curve routines::point is not on curve"), or "no OpenSSL error" if empty.
     */
    String drainErrors() {
        try {
            long first = (long) errGetError.invokeExact();
            String text = "no OpenSSL error";
            if (first != 0) {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment buf = arena.allocate(256);
                    errErrorStringN.invokeExact(first, buf, 256L);
                    text = buf.getString(0);
                }
            }
            errClearError.invokeExact();
            return text;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Whether a returned pointer is NULL. */
    static boolean isNull(MemorySegment pointer) {
        return pointer.address() == 0;
    }
}
