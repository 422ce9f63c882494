package org.tlsj.internal.message;

import java.util.Objects;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * EncryptedExtensions (RFC 8446 section 4.3.1): {@code Extension extensions<0..2^16-1>}.
 *
 * @param extensions the extension block
 */
public record EncryptedExtensions(Extensions extensions) implements HandshakeMessage {
    /** Checks the field is present. */
    public EncryptedExtensions {
        Objects.requireNonNull(extensions, "extensions");
    }

    /** EncryptedExtensions holding {@code extensions}. */
    public static EncryptedExtensions of(Extension... extensions) {
        return new EncryptedExtensions(Extensions.of(extensions));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    static EncryptedExtensions decode(ByteReader r) throws TlsFatalAlertException {
        Extensions extensions = Extensions.decode(r, MessageContext.ENCRYPTED_EXTENSIONS);
        r.expectEnd();
        return new EncryptedExtensions(extensions);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        extensions.encode(w);
    }

    @Override
    public String toString() {
        return "EncryptedExtensions[extensions=" + extensions + "]";
    }
}
