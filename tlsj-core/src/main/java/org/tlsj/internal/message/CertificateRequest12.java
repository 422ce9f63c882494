package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * TLS 1.2 CertificateRequest (RFC 5246 section 7.4.4): {@code ClientCertificateType
 * certificate_types<1..2^8-1>; SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>;
 * DistinguishedName certificate_authorities<0..2^16-1>} with {@code opaque DistinguishedName<1..2^16-1>}.
 * Unknown certificate types and schemes are kept.
 *
 * @param certificateTypes the ClientCertificateType codes, for example {@link #RSA_SIGN}, {@link #ECDSA_SIGN}
 * @param schemes the signature schemes the server accepts in CertificateVerify
 * @param authorities DER-encoded distinguished names of acceptable CAs (may be empty)
 */
public record CertificateRequest12(List<Integer> certificateTypes, List<SignatureScheme> schemes,
                                   List<Bytes> authorities) implements HandshakeMessage {
    /** rsa_sign (RFC 5246 section 7.4.4). */
    public static final int RSA_SIGN = 1;
    /** ecdsa_sign (RFC 8422 section 5.5). */
    public static final int ECDSA_SIGN = 64;

    /** Copies the lists and checks each value fits the wire. */
    public CertificateRequest12 {
        certificateTypes = List.copyOf(Objects.requireNonNull(certificateTypes, "certificateTypes"));
        schemes = List.copyOf(Objects.requireNonNull(schemes, "schemes"));
        authorities = List.copyOf(Objects.requireNonNull(authorities, "authorities"));
        Decoding.checkLength(certificateTypes.size(), 0, 255, "certificate_types");
        certificateTypes.forEach(t -> Decoding.checkUnsigned(t, 8, "certificate type"));
        Decoding.checkLength(schemes.size() * 2, 0, 0xfffe, "supported_signature_algorithms");
        authorities.forEach(a -> Decoding.checkLength(a.length(), 0, 0xffff, "DistinguishedName"));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    static CertificateRequest12 decode(ByteReader r) throws TlsFatalAlertException {
        ByteReader typeList = r.u8Nested();
        Decoding.requireNotEmpty(typeList, "certificate_types");
        List<Integer> types = new ArrayList<>();
        while (!typeList.atEnd()) {
            types.add(typeList.u8());
        }
        ByteReader schemeList = r.u16Nested();
        Decoding.requireNotEmpty(schemeList, "supported_signature_algorithms");
        List<SignatureScheme> schemes = Decoding.u16Codes(schemeList, "supported_signature_algorithms").stream()
                .map(SignatureScheme::new).toList();
        ByteReader caList = r.u16Nested();
        r.expectEnd();
        List<Bytes> authorities = new ArrayList<>();
        while (!caList.atEnd()) {
            Bytes name = caList.u16Bytes();
            if (name.isEmpty()) {
                throw Decoding.badLength("a DistinguishedName in certificate_authorities is empty");
            }
            authorities.add(name);
        }
        return new CertificateRequest12(types, schemes, authorities);
    }

    @Override
    public void encodeBody(ByteWriter w) {
        w.u8Prefixed(list -> certificateTypes.forEach(list::u8));
        w.u16Prefixed(list -> schemes.forEach(s -> list.u16(s.code())));
        w.u16Prefixed(list -> authorities.forEach(list::u16Bytes));
    }

    @Override
    public String toString() {
        return "CertificateRequest[types=" + Show.list(certificateTypes.stream().map(CertificateRequest12::typeName)
                .toList()) + ", schemes=" + Show.list(schemes) + ", authorities=" + authorities.size() + "]";
    }

    private static String typeName(int type) {
        return switch (type) {
            case RSA_SIGN -> "rsa_sign";
            case ECDSA_SIGN -> "ecdsa_sign";
            default -> String.valueOf(type);
        };
    }
}
