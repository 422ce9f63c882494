package org.tlsj.internal.message;

import java.util.List;
import java.util.Objects;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;

/**
 * signature_algorithms_cert (RFC 8446 section 4.2.3): schemes accepted in certificate signatures;
 * same wire shape as signature_algorithms.
 *
 * @param schemes the schemes in the sender's preference order
 */
public record SignatureAlgorithmsCertExt(List<SignatureScheme> schemes) implements Extension {
    /** Copies the list and checks it fits the wire. */
    public SignatureAlgorithmsCertExt {
        schemes = List.copyOf(Objects.requireNonNull(schemes, "schemes"));
        Decoding.checkLength(schemes.size() * 2, 0, 0xfffe, "supported_signature_algorithms");
    }

    /** The extension listing {@code schemes}. */
    public static SignatureAlgorithmsCertExt of(SignatureScheme... schemes) {
        return new SignatureAlgorithmsCertExt(List.of(schemes));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }

    static SignatureAlgorithmsCertExt decode(ByteReader r) throws TlsFatalAlertException {
        return new SignatureAlgorithmsCertExt(SignatureAlgorithmsExt.decodeSchemes(r));
    }

    @Override
    public void encodeBody(ByteWriter w) {
        SignatureAlgorithmsExt.encodeSchemes(w, schemes);
    }

    @Override
    public String toString() {
        return "signature_algorithms_cert=" + Show.list(schemes);
    }
}
