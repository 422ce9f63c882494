package org.tlsj;

/** A TLS protocol version as carried on the wire (open registry: unknown values round-trip). */
public record ProtocolVersion(int code) {
    /** TLS 1.0, only ever seen as a legacy record version. */
    public static final ProtocolVersion TLS10 = new ProtocolVersion(0x0301);
    /** TLS 1.1, never negotiated. */
    public static final ProtocolVersion TLS11 = new ProtocolVersion(0x0302);
    /** TLS 1.2 (RFC 5246). */
    public static final ProtocolVersion TLS12 = new ProtocolVersion(0x0303);
    /** TLS 1.3 (RFC 8446). */
    public static final ProtocolVersion TLS13 = new ProtocolVersion(0x0304);

    /** The common name, for example {@code TLSv1.3}. */
    public String displayName() {
        return switch (code) {
            case 0x0301 -> "TLSv1.0";
            case 0x0302 -> "TLSv1.1";
            case 0x0303 -> "TLSv1.2";
            case 0x0304 -> "TLSv1.3";
            default -> String.format("0x%04x", code);
        };
    }

    /** Parses "1.2", "1.3", "TLSv1.2" or "TLSv1.3". */
    public static ProtocolVersion parse(String s) {
        return switch (s.replace("TLSv", "")) {
            case "1.2" -> TLS12;
            case "1.3" -> TLS13;
            default -> throw new IllegalArgumentException("unknown TLS version '" + s + "': use 1.2 or 1.3");
        };
    }

    @Override
    public String toString() {
        return displayName();
    }
}
