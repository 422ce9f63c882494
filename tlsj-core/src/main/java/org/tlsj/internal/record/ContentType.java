package org.tlsj.internal.record;

/** Record content types (RFC 8446 section 5.1). */
public final class ContentType {
    /** change_cipher_spec, only for middlebox compatibility in TLS 1.3. */
    public static final int CHANGE_CIPHER_SPEC = 20;
    /** alert. */
    public static final int ALERT = 21;
    /** handshake. */
    public static final int HANDSHAKE = 22;
    /** application_data (and every protected TLS 1.3 record's outer type). */
    public static final int APPLICATION_DATA = 23;

    private ContentType() {
    }

    /** Whether the value is one of the four types TLS 1.3 knows. */
    public static boolean isKnown(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA;
    }

    /** The RFC's name. */
    public static String name(int type) {
        return switch (type) {
            case CHANGE_CIPHER_SPEC -> "change_cipher_spec";
            case ALERT -> "alert";
            case HANDSHAKE -> "handshake";
            case APPLICATION_DATA -> "application_data";
            default -> "unknown(" + type + ")";
        };
    }
}
