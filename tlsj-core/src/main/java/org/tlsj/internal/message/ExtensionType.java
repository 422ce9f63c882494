package org.tlsj.internal.message;

/** An extension type code point (open registry: unknown and GREASE values round-trip). */
public record ExtensionType(int code) {
    /** RFC 6066. */
    public static final ExtensionType SERVER_NAME = new ExtensionType(0);
    /** RFC 6066 (recognized, not parsed). */
    public static final ExtensionType MAX_FRAGMENT_LENGTH = new ExtensionType(1);
    /** RFC 6066 (recognized, not parsed). */
    public static final ExtensionType STATUS_REQUEST = new ExtensionType(5);
    /** RFC 8446 / RFC 7919. */
    public static final ExtensionType SUPPORTED_GROUPS = new ExtensionType(10);
    /** RFC 8422, TLS 1.2 only (not parsed). */
    public static final ExtensionType EC_POINT_FORMATS = new ExtensionType(11);
    /** RFC 8446. */
    public static final ExtensionType SIGNATURE_ALGORITHMS = new ExtensionType(13);
    /** RFC 5764 (recognized, not parsed). */
    public static final ExtensionType USE_SRTP = new ExtensionType(14);
    /** RFC 6520 (recognized, not parsed). */
    public static final ExtensionType HEARTBEAT = new ExtensionType(15);
    /** RFC 7301 application_layer_protocol_negotiation. */
    public static final ExtensionType ALPN = new ExtensionType(16);
    /** RFC 6962 (recognized, not parsed). */
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = new ExtensionType(18);
    /** RFC 7250 (recognized, not parsed). */
    public static final ExtensionType CLIENT_CERTIFICATE_TYPE = new ExtensionType(19);
    /** RFC 7250 (recognized, not parsed). */
    public static final ExtensionType SERVER_CERTIFICATE_TYPE = new ExtensionType(20);
    /** RFC 7685 (recognized, not parsed). */
    public static final ExtensionType PADDING = new ExtensionType(21);
    /** RFC 7627, TLS 1.2 only (not parsed). */
    public static final ExtensionType EXTENDED_MASTER_SECRET = new ExtensionType(23);
    /** RFC 8449. */
    public static final ExtensionType RECORD_SIZE_LIMIT = new ExtensionType(28);
    /** RFC 5077, TLS 1.2 only (not parsed). */
    public static final ExtensionType SESSION_TICKET = new ExtensionType(35);
    /** RFC 8446. */
    public static final ExtensionType PRE_SHARED_KEY = new ExtensionType(41);
    /** RFC 8446. */
    public static final ExtensionType EARLY_DATA = new ExtensionType(42);
    /** RFC 8446. */
    public static final ExtensionType SUPPORTED_VERSIONS = new ExtensionType(43);
    /** RFC 8446. */
    public static final ExtensionType COOKIE = new ExtensionType(44);
    /** RFC 8446. */
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = new ExtensionType(45);
    /** RFC 8446 (recognized, not parsed). */
    public static final ExtensionType CERTIFICATE_AUTHORITIES = new ExtensionType(47);
    /** RFC 8446 (recognized, not parsed). */
    public static final ExtensionType OID_FILTERS = new ExtensionType(48);
    /** RFC 8446 (recognized, not parsed). */
    public static final ExtensionType POST_HANDSHAKE_AUTH = new ExtensionType(49);
    /** RFC 8446. */
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = new ExtensionType(50);
    /** RFC 8446. */
    public static final ExtensionType KEY_SHARE = new ExtensionType(51);
    /** RFC 5746, TLS 1.2 only (not parsed). */
    public static final ExtensionType RENEGOTIATION_INFO = new ExtensionType(0xff01);

    /** Checks the code fits the two-byte wire field. */
    public ExtensionType {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("extension type out of range: " + code);
        }
    }

    /** The registry name, for example {@code key_share}; {@code GREASE(0x1a1a)} or hex for others. */
    public String displayName() {
        return switch (code) {
            case 0 -> "server_name";
            case 1 -> "max_fragment_length";
            case 5 -> "status_request";
            case 10 -> "supported_groups";
            case 11 -> "ec_point_formats";
            case 13 -> "signature_algorithms";
            case 14 -> "use_srtp";
            case 15 -> "heartbeat";
            case 16 -> "application_layer_protocol_negotiation";
            case 18 -> "signed_certificate_timestamp";
            case 19 -> "client_certificate_type";
            case 20 -> "server_certificate_type";
            case 21 -> "padding";
            case 23 -> "extended_master_secret";
            case 28 -> "record_size_limit";
            case 35 -> "session_ticket";
            case 41 -> "pre_shared_key";
            case 42 -> "early_data";
            case 43 -> "supported_versions";
            case 44 -> "cookie";
            case 45 -> "psk_key_exchange_modes";
            case 47 -> "certificate_authorities";
            case 48 -> "oid_filters";
            case 49 -> "post_handshake_auth";
            case 50 -> "signature_algorithms_cert";
            case 51 -> "key_share";
            case 0xff01 -> "renegotiation_info";
            default -> isGrease() ? String.format("GREASE(0x%04x)", code) : String.format("0x%04x", code);
        };
    }

    /** Whether this is a GREASE value (RFC 8701): 0x0a0a, 0x1a1a, ..., 0xfafa. */
    public boolean isGrease() {
        return (code & 0x0f0f) == 0x0a0a && (code >> 8) == (code & 0xff);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
