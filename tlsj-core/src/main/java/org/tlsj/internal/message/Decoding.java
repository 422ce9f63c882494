package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.Bytes;

/** Small decoding rules shared by the message and extension codecs (RFC 8446 section 3 vectors). */
final class Decoding {
    private Decoding() {
    }

    /** A vector with a non-zero lower bound was empty: decode_error. */
    static void requireNotEmpty(ByteReader r, String what) throws TlsFatalAlertException {
        if (r.atEnd()) {
            throw Fatal.of(Reason.InvalidMessage.EMPTY_LIST, what + " is empty");
        }
    }

    /** A list of two-byte code points inside {@code r} (which must hold an even number of bytes). */
    static List<Integer> u16Codes(ByteReader r, String what) throws TlsFatalAlertException {
        if (r.remaining() % 2 != 0) {
            throw Fatal.of(Reason.InvalidMessage.LENGTH_OUT_OF_RANGE, what + " has an odd length");
        }
        List<Integer> out = new ArrayList<>(r.remaining() / 2);
        while (!r.atEnd()) {
            out.add(r.u16());
        }
        return out;
    }

    /** An illegal value: illegal_parameter, with a plain-words detail. */
    static TlsFatalAlertException illegal(String detail) {
        return Fatal.of(Reason.InvalidMessage.ILLEGAL_VALUE, detail);
    }

    /** A length out of its vector bounds: decode_error. */
    static TlsFatalAlertException badLength(String detail) {
        return Fatal.of(Reason.InvalidMessage.LENGTH_OUT_OF_RANGE, detail);
    }

    /** Checks a value fits {@code bits} unsigned bits (for record constructors). */
    static void checkUnsigned(long v, int bits, String what) {
        if (v < 0 || v >= (1L << bits)) {
            throw new IllegalArgumentException(what + " does not fit " + bits + " bits: " + v);
        }
    }

    /** Checks a length fits a vector's bounds (for record constructors). */
    static void checkLength(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes, not " + n);
        }
    }

    /**
     * The fields both hellos open with (RFC 8446 sections 4.1.2 and 4.1.3): legacy_version, random, and a session
     * id of at most 32 bytes, named {@code sessionIdName} in the error.
     */
    record HelloStart(ProtocolVersion version, Bytes random, Bytes sessionId) {
        static HelloStart decode(ByteReader r, String sessionIdName) throws TlsFatalAlertException {
            ProtocolVersion version = new ProtocolVersion(r.u16());
            Bytes random = r.bytes(32);
            Bytes sessionId = r.u8Bytes();
            if (sessionId.length() > 32) {
                throw badLength(sessionIdName + " of " + sessionId.length() + " bytes is longer than 32");
            }
            return new HelloStart(version, random, sessionId);
        }
    }
}
