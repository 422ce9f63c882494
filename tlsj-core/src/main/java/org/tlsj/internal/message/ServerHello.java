package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * ServerHello (RFC 8446 section 4.1.3). The same wire message with the special random is a
 * {@link HelloRetryRequest}; {@link HandshakeCodec} returns whichever it is. A ServerHello without
 * supported_versions is a TLS 1.2 one (RFC 5246 section 7.4.1.3, {@link #isTls13()} false): its
 * extensions are parsed in the {@link MessageContext#SERVER_HELLO_12} context, not checked against RFC
 * 8446's table, and an absent extension block decodes as empty.
 *
 * @param legacyVersion 0x0303 in TLS 1.3
 * @param random 32 bytes (never {@link HelloRetryRequest#RANDOM})
 * @param legacySessionIdEcho the client's legacy_session_id
 * @param cipherSuite the chosen suite
 * @param legacyCompressionMethod 0 in TLS 1.3
 * @param extensions the extension block
 */
public record ServerHello(ProtocolVersion legacyVersion, Bytes random, Bytes legacySessionIdEcho,
                          CipherSuite cipherSuite, int legacyCompressionMethod, Extensions extensions)
        implements HandshakeMessage {
    /** Checks the fields are present and fit the wire. */
    public ServerHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(legacySessionIdEcho, "legacySessionIdEcho");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkLength(random.length(), 32, 32, "random");
        Decoding.checkLength(legacySessionIdEcho.length(), 0, 32, "legacy_session_id_echo");
        Decoding.checkUnsigned(legacyCompressionMethod, 8, "legacy_compression_method");
    }

    /** A TLS 1.3 ServerHello: legacy version TLS 1.2, null compression. */
    public static ServerHello of(Bytes random, Bytes legacySessionIdEcho, CipherSuite cipherSuite,
                                 Extensions extensions) {
        return new ServerHello(ProtocolVersion.TLS12, random, legacySessionIdEcho, cipherSuite, 0, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    /**
     * Whether this ServerHello selects TLS 1.3: it carries supported_versions naming 0x0304 (RFC 8446
     * section 4.2.1). Otherwise the server negotiated TLS 1.2 or older by legacy_version, or sent an
     * illegal supported_versions value that the flow refuses.
     */
    public boolean isTls13() {
        return extensions.find(SupportedVersionsServerExt.class)
                .map(v -> v.selected().equals(ProtocolVersion.TLS13)).orElse(false);
    }

    /** A copy with another extension block. */
    public ServerHello withExtensions(Extensions ext) {
        return new ServerHello(legacyVersion, random, legacySessionIdEcho, cipherSuite, legacyCompressionMethod, ext);
    }

    /** Decodes a server_hello body as a ServerHello or, by its random, a HelloRetryRequest. */
    static HandshakeMessage decode(ByteReader r) throws TlsFatalAlertException {
        Decoding.HelloStart start = Decoding.HelloStart.decode(r, "legacy_session_id_echo");
        CipherSuite suite = new CipherSuite(r.u16());
        int compression = r.u8();
        boolean hrr = start.random().equals(HelloRetryRequest.RANDOM);
        MessageContext ctx = hrr ? MessageContext.HELLO_RETRY_REQUEST : MessageContext.SERVER_HELLO;
        Extensions extensions = r.atEnd() ? Extensions.EMPTY : Extensions.decode(r, ctx);
        r.expectEnd();
        return hrr
                ? new HelloRetryRequest(start.version(), start.sessionId(), suite, compression, extensions)
                : new ServerHello(start.version(), start.random(), start.sessionId(), suite, compression, extensions);
    }

    /**
     * Writes the body. An empty extension block is left out (RFC 5246 section 7.4.1.3 makes the field optional),
     * as BoringSSL, Go and OpenSSL do: a TLS 1.2 client that sent no extensions may not expect one. A TLS 1.3
     * ServerHello always has supported_versions.
     */
    static void encode(ByteWriter w, ProtocolVersion version, Bytes random, Bytes sessionId, CipherSuite suite,
                       int compression, Extensions extensions) {
        w.u16(version.code()).bytes(random).u8Bytes(sessionId).u16(suite.code()).u8(compression);
        if (!extensions.isEmpty()) {
            extensions.encode(w);
        }
    }

    @Override
    public void encodeBody(ByteWriter w) {
        encode(w, legacyVersion, random, legacySessionIdEcho, cipherSuite, legacyCompressionMethod, extensions);
    }

    @Override
    public String toString() {
        return "ServerHello[version=" + legacyVersion + ", random=" + Show.hex(random)
                + ", sessionId=" + Show.hex(legacySessionIdEcho) + ", suite=" + cipherSuite
                + ", compression=" + legacyCompressionMethod + ", extensions=" + extensions + "]";
    }
}
