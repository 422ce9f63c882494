package org.tlsj.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/** Random sources for tests: scripted byte strings, and a reproducible stream from a seed. */
final class TestRandom {
    private TestRandom() {
    }

    /**
     * A source that answers each {@code nextBytes} call with the next scripted value, which must have
     * exactly the requested length; it fails once the script is used up.
     */
    static RandomSource scripted(String... hexValues) {
        Deque<byte[]> script = new ArrayDeque<>();
        for (String hex : hexValues) {
            script.add(HexFormat.of().parseHex(hex));
        }
        return out -> {
            byte[] next = script.poll();
            if (next == null) {
                throw new IllegalStateException("scripted random source is used up");
            }
            if (next.length != out.length) {
                throw new IllegalStateException("scripted value has " + next.length + " bytes, "
                        + out.length + " were requested");
            }
            System.arraycopy(next, 0, out, 0, out.length);
        };
    }

    /** Answers the first calls from the script (as {@link #scripted}), then from {@code rest}. */
    static RandomSource scriptedThen(RandomSource rest, String... hexValues) {
        int[] used = {0};
        RandomSource script = scripted(hexValues);
        return out -> {
            if (used[0]++ < hexValues.length) {
                script.nextBytes(out);
            } else {
                rest.nextBytes(out);
            }
        };
    }

    /** A deterministic stream: SHA-256(seed || counter) blocks. Not thread-safe; tests only. */
    static RandomSource seeded(long seed) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        long[] counter = {0};
        return out -> {
            int filled = 0;
            while (filled < out.length) {
                sha256.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter[0]++).array());
                byte[] block = sha256.digest();
                int n = Math.min(block.length, out.length - filled);
                System.arraycopy(block, 0, out, filled, n);
                filled += n;
            }
        };
    }
}
