package org.tlsj.internal.message;

import org.tlsj.internal.wire.ByteWriter;

/**
 * One extension of a hello, EncryptedExtensions, Certificate, CertificateRequest or NewSessionTicket
 * (RFC 8446 section 4.2), or of a TLS 1.2 hello (extended_master_secret, renegotiation_info,
 * ec_point_formats, session_ticket: parsed only in a ClientHello and a TLS 1.2 ServerHello, see
 * {@link MessageContext#SERVER_HELLO_12}). Extensions we do not parse are kept as {@link UnknownExt},
 * byte for byte.
 * Each record's {@code toString()} reads {@code name=value}.
 */
public sealed interface Extension permits ServerNameExt, SupportedGroupsExt, SignatureAlgorithmsExt,
        SignatureAlgorithmsCertExt, AlpnExt, SupportedVersionsClientExt, SupportedVersionsServerExt,
        KeyShareClientExt, KeyShareServerExt, KeyShareHrrExt, CookieExt, RecordSizeLimitExt,
        PskKeyExchangeModesExt, EarlyDataExt, PreSharedKeyClientExt, PreSharedKeyServerExt, ExtendedMasterSecretExt, RenegotiationInfoExt,
        EcPointFormatsExt, SessionTicketExt, UnknownExt {

    /** The extension type. */
    ExtensionType type();

    /** Writes {@code extension_data} (the body, without the type and length header). */
    void encodeBody(ByteWriter w);
}
