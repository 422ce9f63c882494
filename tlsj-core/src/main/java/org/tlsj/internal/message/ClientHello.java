package org.tlsj.internal.message;

import java.util.List;
import java.util.Objects;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * ClientHello (RFC 8446 section 4.1.2). The extensions block may be absent on the wire (a legacy TLS
 * 1.2 client); it then decodes as empty. Encoding always writes the block.
 *
 * @param legacyVersion 0x0303 in TLS 1.3
 * @param random 32 bytes
 * @param legacySessionId 0..32 bytes
 * @param cipherSuites the offered suites in preference order (GREASE and unknown values round-trip)
 * @param legacyCompressionMethods 1..255 method bytes; TLS 1.3 requires exactly {@code 00}
 * @param extensions the extension block
 */
public record ClientHello(ProtocolVersion legacyVersion, Bytes random, Bytes legacySessionId,
                          List<CipherSuite> cipherSuites, Bytes legacyCompressionMethods,
                          Extensions extensions) implements HandshakeMessage {
    /** The single "null" compression method TLS 1.3 requires. */
    public static final Bytes NULL_COMPRESSION = Bytes.of(new byte[] {0});

    /** Copies the list and checks the fields fit the wire. */
    public ClientHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(legacySessionId, "legacySessionId");
        cipherSuites = List.copyOf(Objects.requireNonNull(cipherSuites, "cipherSuites"));
        Objects.requireNonNull(legacyCompressionMethods, "legacyCompressionMethods");
        Objects.requireNonNull(extensions, "extensions");
        Decoding.checkLength(random.length(), 32, 32, "random");
        Decoding.checkLength(legacySessionId.length(), 0, 32, "legacy_session_id");
        Decoding.checkLength(cipherSuites.size() * 2, 0, 0xfffe, "cipher_suites");
        Decoding.checkLength(legacyCompressionMethods.length(), 0, 255, "legacy_compression_methods");
    }

    /** A TLS 1.3 ClientHello: legacy version TLS 1.2, null compression. */
    public static ClientHello of(Bytes random, Bytes legacySessionId, List<CipherSuite> cipherSuites,
                                 Extensions extensions) {
        return new ClientHello(ProtocolVersion.TLS12, random, legacySessionId, cipherSuites, NULL_COMPRESSION,
                extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    /** A copy with another legacy_version. */
    public ClientHello withLegacyVersion(ProtocolVersion v) {
        return new ClientHello(v, random, legacySessionId, cipherSuites, legacyCompressionMethods, extensions);
    }

    /** A copy with another random. */
    public ClientHello withRandom(Bytes r) {
        return new ClientHello(legacyVersion, r, legacySessionId, cipherSuites, legacyCompressionMethods, extensions);
    }

    /** A copy with another legacy_session_id. */
    public ClientHello withLegacySessionId(Bytes id) {
        return new ClientHello(legacyVersion, random, id, cipherSuites, legacyCompressionMethods, extensions);
    }

    /** A copy with other cipher suites. */
    public ClientHello withCipherSuites(List<CipherSuite> suites) {
        return new ClientHello(legacyVersion, random, legacySessionId, suites, legacyCompressionMethods, extensions);
    }

    /** A copy with other compression methods. */
    public ClientHello withLegacyCompressionMethods(Bytes methods) {
        return new ClientHello(legacyVersion, random, legacySessionId, cipherSuites, methods, extensions);
    }

    /** A copy with another extension block. */
    public ClientHello withExtensions(Extensions ext) {
        return new ClientHello(legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods, ext);
    }

    static ClientHello decode(ByteReader r) throws TlsFatalAlertException {
        Decoding.HelloStart start = Decoding.HelloStart.decode(r, "legacy_session_id");
        ByteReader suites = r.u16Nested();
        Decoding.requireNotEmpty(suites, "cipher_suites");
        List<CipherSuite> cipherSuites = Decoding.u16Codes(suites, "cipher_suites").stream()
                .map(CipherSuite::new).toList();
        Bytes compression = r.u8Bytes();
        if (compression.isEmpty()) {
            throw Decoding.badLength("legacy_compression_methods is empty");
        }
        Extensions extensions = r.atEnd() ? Extensions.EMPTY : Extensions.decode(r, MessageContext.CLIENT_HELLO);
        r.expectEnd();
        return new ClientHello(start.version(), start.random(), start.sessionId(), cipherSuites, compression,
                extensions);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u16(legacyVersion.code()).bytes(random).u8Bytes(legacySessionId);
        w.u16Prefixed(list -> cipherSuites.forEach(s -> list.u16(s.code())));
        w.u8Bytes(legacyCompressionMethods);
        extensions.encode(w);
    }

    @Override
    public String toString() {
        return "ClientHello[version=" + legacyVersion + ", random=" + Show.hex(random)
                + ", sessionId=" + Show.hex(legacySessionId) + ", suites=" + Show.list(cipherSuites)
                + ", compression=" + Show.hex(legacyCompressionMethods) + ", extensions=" + extensions + "]";
    }
}
