package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * Finished (RFC 8446 section 4.4.4): the body is the whole verify_data; the flow checks its length
 * (the hash length of the suite) and compares it in constant time.
 *
 * @param verifyData the HMAC over the transcript
 */
public record Finished(Bytes verifyData) implements HandshakeMessage {
    /** Checks the field is present and fits the three-byte message length. */
    public Finished {
        Objects.requireNonNull(verifyData, "verifyData");
        Decoding.checkLength(verifyData.length(), 0, 0xffffff, "verify_data");
    }

    /** A Finished carrying {@code verifyData}. */
    public static Finished of(Bytes verifyData) {
        return new Finished(verifyData);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    static Finished decode(ByteReader r) throws TlsFatalAlertException {
        Finished f = new Finished(r.rest());
        r.expectEnd();
        return f;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.bytes(verifyData);
    }

    /** Shows only the length: verify_data is a MAC the peer must not be helped to guess. */
    @Override
    public String toString() {
        return "Finished[verifyData=(" + verifyData.length() + " bytes)]";
    }
}
