package org.tlsj.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tlsj.Bytes;

/** HMAC over one JCA {@link Mac}, keyed once. Not thread-safe (one per key and user, like the key itself). */
final class JcaHmac implements Hmac {
    private final HashAlgorithm algorithm;
    private final Mac mac;

    JcaHmac(HashAlgorithm algorithm, Secret key) {
        this.algorithm = algorithm;
        byte[] keyBytes = key.expose();
        try {
            this.mac = Mac.getInstance(algorithm.hmacName());
            // SecretKeySpec rejects an empty key. HMAC pads its key with zeros to the block size, so the
            // empty key and a single zero byte are the same key.
            byte[] effective = keyBytes.length == 0 ? new byte[1] : keyBytes;
            mac.init(new SecretKeySpec(effective, algorithm.hmacName()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.hmacName() + " is not available", e);
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
        return Bytes.wrap(mac.doFinal(data.toArray()));
    }
}
