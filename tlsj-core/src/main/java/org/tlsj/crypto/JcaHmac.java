package org.tlsj.crypto;

import java.util.Arrays;
import org.tlsj.internal.wire.Bytes;

/**
 * HMAC keyed once, computed by {@link DigestHmac} over JDK digests rather than a {@code javax.crypto.Mac}
 * (a Mac.getInstance and init per Finished key showed in handshake profiles, issue 7). Thread-safe.
 */
final class JcaHmac implements Hmac {
    private final HashAlgorithm algorithm;
    private final DigestHmac hmac;

    JcaHmac(HashAlgorithm algorithm, Secret key) {
        this.algorithm = algorithm;
        byte[] keyBytes = key.expose();
        try {
            // HMAC pads its key with zeros to the block size: the empty key is a valid key (all zeros).
            this.hmac = new DigestHmac(algorithm, keyBytes);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public Bytes mac(Bytes data) {
        var inner = hmac.start();
        inner.update(data.toArray());
        byte[] out = new byte[algorithm.length()];
        hmac.finish(inner, out);
        return Bytes.wrap(out);
    }
}
