package org.tlsj.internal.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/** The certificate_authorities extension (RFC 8446 section 4.2.4): DER names of acceptable CAs. */
public final class CertificateAuthorities {
    private CertificateAuthorities() {
    }

    /** The extension listing these CAs. */
    public static UnknownExt extension(List<X500Principal> names) {
        ByteWriter w = new ByteWriter();
        w.u16Prefixed(list -> names.forEach(n -> list.u16Bytes(Bytes.wrap(n.getEncoded()))));
        return new UnknownExt(ExtensionType.CERTIFICATE_AUTHORITIES, w.toBytes());
    }

    /** The CA names in a message's extensions; empty if it has none. */
    public static List<X500Principal> parse(Extensions extensions) throws TlsFatalAlertException {
        Optional<UnknownExt> ext = extensions.list().stream().filter(e -> e instanceof UnknownExt u
                && u.type().equals(ExtensionType.CERTIFICATE_AUTHORITIES)).map(e -> (UnknownExt) e).findFirst();
        if (ext.isEmpty()) {
            return List.of();
        }
        ByteReader r = ByteReader.of(ext.get().data());
        ByteReader list = r.u16Nested();
        r.expectEnd();
        List<X500Principal> out = new ArrayList<>();
        while (!list.atEnd()) {
            byte[] der = list.u16Bytes().toArray();
            try {
                out.add(new X500Principal(der));
            } catch (IllegalArgumentException e) {
                throw org.tlsj.Fatal.of(org.tlsj.Reason.InvalidMessage.ILLEGAL_VALUE, "certificate_authorities name");
            }
        }
        return out;
    }
}
