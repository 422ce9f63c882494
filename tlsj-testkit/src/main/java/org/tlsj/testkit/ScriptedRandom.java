package org.tlsj.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.tlsj.crypto.RandomSource;
import org.tlsj.Bytes;

/**
 * A deterministic randomness source: answers requests first from scripted values (each must match the
 * request's length exactly), then from a seeded generator. Makes handshakes reproducible.
 */
public final class ScriptedRandom implements RandomSource {
    private final Deque<Bytes> script = new ArrayDeque<>();
    private final SplittableRandom fallback;

    /** A source with a seeded fallback. */
    public ScriptedRandom(long seed) {
        this.fallback = new SplittableRandom(seed);
    }

    /** Queues a value to be returned by the next request (which must ask for exactly its length). */
    public ScriptedRandom then(Bytes value) {
        script.addLast(value);
        return this;
    }

    @Override
    public void nextBytes(byte[] out) {
        Bytes next = script.pollFirst();
        if (next == null) {
            fallback.nextBytes(out);
            return;
        }
        if (next.length() != out.length) {
            throw new IllegalStateException("scripted " + next.length() + " bytes, asked for " + out.length);
        }
        next.copyTo(out, 0);
    }

    /** How many scripted values are left. */
    public int remaining() {
        return script.size();
    }
}
