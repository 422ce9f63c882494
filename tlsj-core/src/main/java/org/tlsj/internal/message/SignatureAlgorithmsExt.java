package org.tlsj.internal.message;

import java.util.List;
import java.util.Objects;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * signature_algorithms: {@code SignatureScheme supported_signature_algorithms<2..2^16-2>} (RFC 8446
 * section 4.2.3): schemes for CertificateVerify (and, absent signature_algorithms_cert, certificates).
 *
 * @param schemes the schemes in the sender's preference order
 */
public record SignatureAlgorithmsExt(List<SignatureScheme> schemes) implements Extension {
    /** Copies the list and checks it fits the wire. */
    public SignatureAlgorithmsExt {
        schemes = List.copyOf(Objects.requireNonNull(schemes, "schemes"));
        Decoding.checkLength(schemes.size() * 2, 0, 0xfffe, "supported_signature_algorithms");
    }

    /** The extension listing {@code schemes}. */
    public static SignatureAlgorithmsExt of(SignatureScheme... schemes) {
        return new SignatureAlgorithmsExt(List.of(schemes));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS;
    }

    static List<SignatureScheme> decodeSchemes(ByteReader r) throws TlsFatalAlertException {
        ByteReader list = r.u16Nested();
        r.expectEnd();
        Decoding.requireNotEmpty(list, "supported_signature_algorithms");
        return Decoding.u16Codes(list, "supported_signature_algorithms").stream().map(SignatureScheme::new).toList();
    }

    static SignatureAlgorithmsExt decode(ByteReader r) throws TlsFatalAlertException {
        return new SignatureAlgorithmsExt(decodeSchemes(r));
    }

    static void encodeSchemes(ByteWriter w, List<SignatureScheme> schemes) {
        w.u16Prefixed(list -> schemes.forEach(s -> list.u16(s.code())));
    }

    @Override
    public void encodeBody(ByteWriter w) {
        encodeSchemes(w, schemes);
    }

    @Override
    public String toString() {
        return "signature_algorithms=" + Show.list(schemes);
    }
}
