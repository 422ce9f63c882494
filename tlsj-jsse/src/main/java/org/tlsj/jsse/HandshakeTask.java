package org.tlsj.jsse;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLException;

/**
 * The delegated task of an engine: the handshake record unwrap consumed but did not process, handed out once
 * by {@code getDelegatedTask()}, and the failure its processing raised, kept for the next wrap or unwrap.
 * Not thread-safe: the engine's lock guards it.
 */
final class HandshakeTask {
    private ByteBuffer record;
    private boolean handedOut;
    private SSLException failure;

    /** Whether a record waits for its task to run (the engine reports NEED_TASK). */
    boolean waiting() {
        return record != null;
    }

    /** Copies the next {@code size} bytes of {@code src} (consuming them) to be processed by the task. */
    void hold(ByteBuffer src, int size) {
        record = ByteBuffer.allocate(size).put(src.slice(src.position(), size)).flip();
        src.position(src.position() + size);
        handedOut = false;
    }

    /** {@code body} the first time it is asked for while a record waits, else null. */
    Runnable handOut(Runnable body) {
        if (record == null || handedOut) {
            return null;
        }
        handedOut = true;
        return body;
    }

    /** The waiting record, now no longer waiting; null if none. */
    ByteBuffer take() {
        ByteBuffer r = record;
        record = null;
        return r;
    }

    /** Keeps the task's failure for the next wrap or unwrap. */
    void failed(SSLException x) {
        failure = x;
    }

    /** Throws the task's failure once, if there was one. */
    void rethrow() throws SSLException {
        SSLException x = failure;
        if (x != null) {
            failure = null;
            throw x;
        }
    }
}
