package org.tlsj.crypto;

/**
 * An AEAD with a fixed key, reused for every record (no allocation per record in steady state).
 * Nonces are supplied by the record layer (RFC 8446 section 5.3: IV xor sequence number).
 */
public interface Aead {
    /** The algorithm. */
    AeadAlgorithm algorithm();

    /**
     * Encrypts {@code in[inOff, inOff+len)} into {@code out} at {@code outOff} (may overlap in place),
     * appending the tag.
     *
     * @return bytes written: len + tag length
     */
    int seal(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff);

    /**
     * Decrypts and authenticates {@code in[inOff, inOff+len)} (ciphertext plus tag) into {@code out} at
     * {@code outOff} (may overlap in place).
     *
     * @return plaintext bytes written, or -1 if authentication failed
     */
    int open(byte[] nonce, byte[] aad, int aadLen, byte[] in, int inOff, int len, byte[] out, int outOff);
}
