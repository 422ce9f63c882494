package org.tlsj.crypto;

/** Placeholder until the JCA provider lands (issue 2). */
public final class JcaCryptoProvider {
    private JcaCryptoProvider() {
    }

    /** The default provider over the JDK's JCA with a SecureRandom. */
    public static CryptoProvider create() {
        throw new IllegalStateException("JcaCryptoProvider lands with issue 2");
    }
}
