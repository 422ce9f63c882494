package org.tlsj.internal.handshake;

import java.util.Optional;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

/** Keying material exporter of an established connection (RFC 5705, RFC 8446 section 7.5). */
@FunctionalInterface
public interface Exporter {
    /** Derives {@code length} bytes for {@code label} and the optional context. */
    Secret export(String label, Optional<Bytes> context, int length);
}
