package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * HelloRetryRequest (RFC 8446 section 4.1.4): a ServerHello on the wire whose random is
 * {@link #RANDOM}; its extensions are read in the HelloRetryRequest context.
 *
 * @param legacyVersion 0x0303
 * @param legacySessionIdEcho the client's legacy_session_id
 * @param cipherSuite the chosen suite
 * @param legacyCompressionMethod 0
 * @param extensions the extension block (supported_versions, key_share, cookie)
 */
public record HelloRetryRequest(ProtocolVersion legacyVersion, Bytes legacySessionIdEcho, CipherSuite cipherSuite,
                                int legacyCompressionMethod, Extensions extensions) implements HandshakeMessage {
    /** The special random of RFC 8446 section 4.1.3: SHA-256("HelloRetryRequest"). */
    public static final Bytes RANDOM = Bytes.fromHex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    /** Checks the fields are present and fit the wire. */
    public HelloRetryRequest {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        Objects.requireNonNull(legacySessionIdEcho, "legacySessionIdEcho");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkLength(legacySessionIdEcho.length(), 0, 32, "legacy_session_id_echo");
        Decoding.checkUnsigned(legacyCompressionMethod, 8, "legacy_compression_method");
    }

    /** A HelloRetryRequest with legacy version TLS 1.2 and null compression. */
    public static HelloRetryRequest of(Bytes legacySessionIdEcho, CipherSuite cipherSuite, Extensions extensions) {
        return new HelloRetryRequest(ProtocolVersion.TLS12, legacySessionIdEcho, cipherSuite, 0, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    /** A copy with another extension block. */
    public HelloRetryRequest withExtensions(Extensions ext) {
        return new HelloRetryRequest(legacyVersion, legacySessionIdEcho, cipherSuite, legacyCompressionMethod, ext);
    }

    /** A copy with another cipher suite. */
    public HelloRetryRequest withCipherSuite(CipherSuite suite) {
        return new HelloRetryRequest(legacyVersion, legacySessionIdEcho, suite, legacyCompressionMethod, extensions);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        ServerHello.encode(w, legacyVersion, RANDOM, legacySessionIdEcho, cipherSuite, legacyCompressionMethod,
                extensions);
    }

    @Override
    public String toString() {
        return "HelloRetryRequest[version=" + legacyVersion + ", sessionId=" + Show.hex(legacySessionIdEcho)
                + ", suite=" + cipherSuite + ", compression=" + legacyCompressionMethod
                + ", extensions=" + extensions + "]";
    }
}
