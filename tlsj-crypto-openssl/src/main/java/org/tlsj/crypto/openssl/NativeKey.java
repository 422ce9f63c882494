package org.tlsj.crypto.openssl;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * One EVP_PKEY owned by Java: freed with EVP_PKEY_free by {@link #free()} or, at the latest, by a
 * {@link Cleaner} once this object is unreachable. Whoever passes {@link #pointer()} to a native call must
 * keep this object reachable until the call returns ({@link #fence()}), or the cleaner could free the key
 * under it.
 */
final class NativeKey {
    private static final Cleaner CLEANER = Cleaner.create();

    private final MemorySegment pkey;
    /** Set once by {@link #own}, before the key is handed out. */
    private Cleaner.Cleanable cleanable;

    private NativeKey(MemorySegment pkey) {
        this.pkey = pkey;
    }

    /** Takes ownership of a non-NULL EVP_PKEY pointer. */
    static NativeKey own(LibCrypto lib, MemorySegment pkey) {
        if (LibCrypto.isNull(pkey)) {
            throw new IllegalArgumentException("NULL EVP_PKEY");
        }
        NativeKey key = new NativeKey(pkey);
        // The cleaning action holds the address only, never the key, so it cannot keep the key alive.
        key.cleanable = CLEANER.register(key, new Free(lib, pkey.address()));
        return key;
    }

    /** The EVP_PKEY pointer. */
    MemorySegment pointer() {
        return pkey;
    }

    /** Keeps this key alive up to this point (call after the native call that used {@link #pointer()}). */
    void fence() {
        Reference.reachabilityFence(this);
    }

    /** Frees the native key now; later calls do nothing. */
    void free() {
        cleanable.clean();
    }

    /** EVP_PKEY_free on one address. */
    private record Free(LibCrypto lib, long address) implements Runnable {
        @Override
        public void run() {
            lib.pkeyFree(MemorySegment.ofAddress(address));
        }
    }
}
