package org.tlsj.internal.message;

import static org.tlsj.internal.message.MessageContext.CERTIFICATE;
import static org.tlsj.internal.message.MessageContext.CERTIFICATE_REQUEST;
import static org.tlsj.internal.message.MessageContext.CLIENT_HELLO;
import static org.tlsj.internal.message.MessageContext.ENCRYPTED_EXTENSIONS;
import static org.tlsj.internal.message.MessageContext.HELLO_RETRY_REQUEST;
import static org.tlsj.internal.message.MessageContext.NEW_SESSION_TICKET;
import static org.tlsj.internal.message.MessageContext.SERVER_HELLO;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which extension may appear in which TLS 1.3 message: the table of RFC 8446 section 4.2, as data.
 * "If an implementation receives an extension which it recognizes and which is not specified for the
 * message in which it appears, it MUST abort the handshake with an illegal_parameter alert." Types not
 * in this table (GREASE, TLS 1.2-only ones such as extended_master_secret, renegotiation_info,
 * ec_point_formats, session_ticket, and future ones) are not "recognized" here: in TLS 1.3 messages they
 * decode as {@link UnknownExt} and the flows decide. The TLS 1.2-only ones are parsed in a ClientHello
 * and in a TLS 1.2 ServerHello ({@link MessageContext#SERVER_HELLO_12}), whose parsed set is also here.
 */
final class ExtensionRules {
    private ExtensionRules() {
    }

    // RFC 8446 section 4.2 (CH = ClientHello, SH = ServerHello, HRR = HelloRetryRequest,
    // EE = EncryptedExtensions, CT = Certificate, CR = CertificateRequest, NST = NewSessionTicket),
    // plus record_size_limit from RFC 8449 section 4 (CH, EE).
    private static final Map<ExtensionType, Set<MessageContext>> ALLOWED = Map.ofEntries(
            allow(ExtensionType.SERVER_NAME, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.MAX_FRAGMENT_LENGTH, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.STATUS_REQUEST, CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE),
            allow(ExtensionType.SUPPORTED_GROUPS, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.SIGNATURE_ALGORITHMS, CLIENT_HELLO, CERTIFICATE_REQUEST),
            allow(ExtensionType.USE_SRTP, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.HEARTBEAT, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.ALPN, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE),
            allow(ExtensionType.CLIENT_CERTIFICATE_TYPE, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.SERVER_CERTIFICATE_TYPE, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.PADDING, CLIENT_HELLO),
            allow(ExtensionType.RECORD_SIZE_LIMIT, CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
            allow(ExtensionType.KEY_SHARE, CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST),
            allow(ExtensionType.PRE_SHARED_KEY, CLIENT_HELLO, SERVER_HELLO),
            allow(ExtensionType.PSK_KEY_EXCHANGE_MODES, CLIENT_HELLO),
            allow(ExtensionType.EARLY_DATA, CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET),
            allow(ExtensionType.COOKIE, CLIENT_HELLO, HELLO_RETRY_REQUEST),
            allow(ExtensionType.SUPPORTED_VERSIONS, CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST),
            allow(ExtensionType.CERTIFICATE_AUTHORITIES, CLIENT_HELLO, CERTIFICATE_REQUEST),
            allow(ExtensionType.OID_FILTERS, CERTIFICATE_REQUEST),
            allow(ExtensionType.POST_HANDSHAKE_AUTH, CLIENT_HELLO),
            allow(ExtensionType.SIGNATURE_ALGORITHMS_CERT, CLIENT_HELLO, CERTIFICATE_REQUEST));

    private static Map.Entry<ExtensionType, Set<MessageContext>> allow(
            ExtensionType type, MessageContext first, MessageContext... rest) {
        return Map.entry(type, Collections.unmodifiableSet(EnumSet.of(first, rest)));
    }

    /** The extensions parsed in a ClientHello and a TLS 1.2 ServerHello only (RFC 7627, 5746, 8422, 5077). */
    private static final Set<ExtensionType> TLS12_ONLY = Set.of(ExtensionType.EXTENDED_MASTER_SECRET,
            ExtensionType.RENEGOTIATION_INFO, ExtensionType.EC_POINT_FORMATS, ExtensionType.SESSION_TICKET);

    /** What a TLS 1.2 ServerHello may carry that we parse: the TLS 1.2-only ones and three acknowledgements. */
    private static final Set<ExtensionType> TLS12_SERVER_HELLO = Set.of(ExtensionType.EXTENDED_MASTER_SECRET,
            ExtensionType.RENEGOTIATION_INFO, ExtensionType.EC_POINT_FORMATS, ExtensionType.SESSION_TICKET,
            ExtensionType.SERVER_NAME, ExtensionType.ALPN, ExtensionType.RECORD_SIZE_LIMIT);

    /** Whether this is one of the TLS 1.2-only extensions we parse (in a ClientHello and a TLS 1.2 ServerHello). */
    static boolean isTls12Only(ExtensionType type) {
        return TLS12_ONLY.contains(type);
    }

    /** Whether a TLS 1.2 ServerHello's extension of this type is parsed (others stay {@link UnknownExt}). */
    static boolean isParsedInTls12ServerHello(ExtensionType type) {
        return TLS12_SERVER_HELLO.contains(type);
    }

    /** Whether RFC 8446 section 4.2 (or RFC 8449) lists this type at all. */
    static boolean isRecognized(ExtensionType type) {
        return ALLOWED.containsKey(type);
    }

    /** Whether a recognized type may appear in {@code ctx}; unrecognized types always may. */
    static boolean isAllowed(ExtensionType type, MessageContext ctx) {
        Set<MessageContext> where = ALLOWED.get(type);
        return where == null || where.contains(ctx);
    }
}
