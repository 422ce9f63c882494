package org.tlsj.crypto;

/** Hash functions used by the handshake (transcript, HKDF, PRF). */
public enum HashAlgorithm {
    /** SHA-256, 32-byte output. */
    SHA256("SHA-256", "HmacSHA256", 32),
    /** SHA-384, 48-byte output. */
    SHA384("SHA-384", "HmacSHA384", 48);

    private final String jcaName;
    private final String hmacName;
    private final int length;

    HashAlgorithm(String jcaName, String hmacName, int length) {
        this.jcaName = jcaName;
        this.hmacName = hmacName;
        this.length = length;
    }

    /** The JCA MessageDigest name. */
    public String jcaName() {
        return jcaName;
    }

    /** The JCA Mac name. */
    public String hmacName() {
        return hmacName;
    }

    /** Output length in bytes (HashLen in RFC 8446). */
    public int length() {
        return length;
    }
}
