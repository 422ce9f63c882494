package org.tlsj.internal.message;

import java.util.Objects;
import java.util.OptionalLong;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * early_data (RFC 8446 section 4.2.10): an empty body in a ClientHello or EncryptedExtensions, and
 * {@code uint32 max_early_data_size} in a NewSessionTicket.
 *
 * @param maxEarlyDataSize the NewSessionTicket limit, or empty for the ClientHello/EncryptedExtensions form
 */
public record EarlyDataExt(OptionalLong maxEarlyDataSize) implements Extension {
    /** The empty ClientHello/EncryptedExtensions form. */
    public static final EarlyDataExt EMPTY = new EarlyDataExt(OptionalLong.empty());

    /** Checks the value fits the wire. */
    public EarlyDataExt {
        Objects.requireNonNull(maxEarlyDataSize, "maxEarlyDataSize");
        maxEarlyDataSize.ifPresent(v -> Decoding.checkUnsigned(v, 32, "max_early_data_size"));
    }

    /** The NewSessionTicket form. */
    public static EarlyDataExt ofMaxSize(long maxEarlyDataSize) {
        return new EarlyDataExt(OptionalLong.of(maxEarlyDataSize));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    static EarlyDataExt decode(ByteReader r, MessageContext ctx) throws TlsFatalAlertException {
        if (ctx == MessageContext.NEW_SESSION_TICKET) {
            long max = r.u32();
            r.expectEnd();
            return ofMaxSize(max);
        }
        r.expectEnd();
        return EMPTY;
    }

    @Override
    public void encodeBody(ByteWriter w) {
        maxEarlyDataSize.ifPresent(w::u32);
    }

    @Override
    public String toString() {
        return maxEarlyDataSize.isPresent() ? "early_data=max " + maxEarlyDataSize.getAsLong() : "early_data";
    }
}
