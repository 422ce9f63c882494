package org.tlsj.internal.message;

import org.tlsj.internal.wire.ByteWriter;

/**
 * One extension of a hello, EncryptedExtensions, Certificate, CertificateRequest or NewSessionTicket
 * (RFC 8446 section 4.2). Extensions we do not parse are kept as {@link UnknownExt}, byte for byte.
 * Each record's {@code toString()} reads {@code name=value}.
 */
public sealed interface Extension permits ServerNameExt, SupportedGroupsExt, SignatureAlgorithmsExt,
        SignatureAlgorithmsCertExt, AlpnExt, SupportedVersionsClientExt, SupportedVersionsServerExt,
        KeyShareClientExt, KeyShareServerExt, KeyShareHrrExt, CookieExt, RecordSizeLimitExt,
        PskKeyExchangeModesExt, EarlyDataExt, PreSharedKeyClientExt, PreSharedKeyServerExt, UnknownExt {

    /** The extension type. */
    ExtensionType type();

    /** Writes {@code extension_data} (the body, without the type and length header). */
    void encodeBody(ByteWriter w);
}
