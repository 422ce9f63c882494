package org.tlsj.crypto;

import java.security.MessageDigest;
import org.tlsj.Bytes;

/** A transcript hash over a JCA {@link MessageDigest}; {@link #fork()} and {@link #current()} clone it. */
final class JcaTranscriptHash implements TranscriptHash {
    /**
     * Fresh digests to clone: a clone skips the provider lookup of MessageDigest.getInstance, which showed in
     * handshake profiles (issue 7). Never updated.
     */
    private static final MessageDigest SHA256 = Jca.digest(HashAlgorithm.SHA256.jcaName());
    private static final MessageDigest SHA384 = Jca.digest(HashAlgorithm.SHA384.jcaName());

    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    private JcaTranscriptHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static JcaTranscriptHash create(HashAlgorithm algorithm) {
        MessageDigest prototype = switch (algorithm) {
            case SHA256 -> SHA256;
            case SHA384 -> SHA384;
        };
        try {
            return new JcaTranscriptHash(algorithm, (MessageDigest) prototype.clone());
        } catch (CloneNotSupportedException e) {
            return new JcaTranscriptHash(algorithm, Jca.digest(algorithm.jcaName()));
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public Bytes current() {
        return Bytes.wrap(copy().digest());
    }

    @Override
    public TranscriptHash fork() {
        return new JcaTranscriptHash(algorithm, copy());
    }

    private MessageDigest copy() {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(algorithm.jcaName() + " digest of provider "
                    + digest.getProvider().getName() + " cannot be cloned", e);
        }
    }
}
