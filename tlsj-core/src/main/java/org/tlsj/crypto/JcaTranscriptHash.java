package org.tlsj.crypto;

import java.security.MessageDigest;
import org.tlsj.internal.wire.Bytes;

/** A transcript hash over a JCA {@link MessageDigest}; {@link #fork()} and {@link #current()} clone it. */
final class JcaTranscriptHash implements TranscriptHash {
    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    private JcaTranscriptHash(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static JcaTranscriptHash create(HashAlgorithm algorithm) {
        return new JcaTranscriptHash(algorithm, Jca.digest(algorithm.jcaName()));
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
