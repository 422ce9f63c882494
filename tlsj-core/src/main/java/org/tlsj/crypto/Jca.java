package org.tlsj.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Small helpers shared by the JCA-backed implementations. */
final class Jca {
    private Jca() {
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }
}
