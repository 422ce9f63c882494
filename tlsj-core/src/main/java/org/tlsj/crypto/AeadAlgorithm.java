package org.tlsj.crypto;

/** Record protection algorithms (all with a 12-byte nonce and a 16-byte tag). */
public enum AeadAlgorithm {
    /** AES-128-GCM. */
    AES_128_GCM(16),
    /** AES-256-GCM. */
    AES_256_GCM(32),
    /** ChaCha20-Poly1305 (RFC 8439). */
    CHACHA20_POLY1305(32);

    private final int keyLength;

    AeadAlgorithm(int keyLength) {
        this.keyLength = keyLength;
    }

    /** Key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Nonce (IV) length in bytes: 12 for all. */
    public int ivLength() {
        return 12;
    }

    /** Tag length in bytes: 16 for all. */
    public int tagLength() {
        return 16;
    }
}
