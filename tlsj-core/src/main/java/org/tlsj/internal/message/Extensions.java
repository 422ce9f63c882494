package org.tlsj.internal.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * An immutable extension block in wire order: {@code Extension extensions<0..2^16-1>}. Built values
 * may hold anything (tests build bad blocks on purpose); decoded values follow RFC 8446 section 4.2:
 * no duplicate type, only extensions the message allows, pre_shared_key last in a ClientHello.
 */
public final class Extensions {
    /** The empty block. */
    public static final Extensions EMPTY = new Extensions(List.of());

    private final List<Extension> list;

    private Extensions(List<Extension> list) {
        this.list = List.copyOf(list);
    }

    /** A block holding {@code extensions} in this order. */
    public static Extensions of(Extension... extensions) {
        return new Extensions(List.of(extensions));
    }

    /** A block holding {@code extensions} in this order. */
    public static Extensions of(List<? extends Extension> extensions) {
        return new Extensions(List.copyOf(Objects.requireNonNull(extensions, "extensions")));
    }

    /** The extensions in wire order. */
    public List<Extension> list() {
        return list;
    }

    /** The first extension of this record class, for example {@code find(KeyShareClientExt.class)}. */
    public <T extends Extension> Optional<T> find(Class<T> kind) {
        // A loop, not a stream: handshakes call this a dozen times a side and streams showed in profiles (#7).
        for (Extension e : list) {
            if (kind.isInstance(e)) {
                return Optional.of(kind.cast(e));
            }
        }
        return Optional.empty();
    }

    /** The first extension of this type, parsed or not. */
    public Optional<Extension> get(ExtensionType type) {
        for (Extension e : list) {
            if (e.type().equals(type)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether an extension of this type is present. */
    public boolean has(ExtensionType type) {
        return get(type).isPresent();
    }

    /** The types in wire order. */
    public List<ExtensionType> types() {
        return list.stream().map(Extension::type).toList();
    }

    /** Whether the block is empty. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** A copy with {@code ext} replacing the extension of its type in place, or appended if absent. */
    public Extensions with(Extension ext) {
        Objects.requireNonNull(ext, "ext");
        List<Extension> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).type().equals(ext.type())) {
                out.set(i, ext);
                return new Extensions(out);
            }
        }
        out.add(ext);
        return new Extensions(out);
    }

    /** A copy without any extension of this type. */
    public Extensions without(ExtensionType type) {
        return new Extensions(list.stream().filter(e -> !e.type().equals(type)).toList());
    }

    /** A copy with {@code ext} appended at the end (even if its type is already present). */
    public Extensions append(Extension ext) {
        List<Extension> out = new ArrayList<>(list);
        out.add(Objects.requireNonNull(ext, "ext"));
        return new Extensions(out);
    }

    /**
     * Reads a u16-prefixed extension block of the message {@code ctx}.
     *
     * <p>A ServerHello without supported_versions is a TLS 1.2 (or older) ServerHello, whose
     * extensions RFC 8446's table does not govern (it carries server_name, ALPN, renegotiation_info,
     * ...): {@link MessageContext#SERVER_HELLO} then becomes {@link MessageContext#SERVER_HELLO_12}, the
     * table is not applied and the TLS 1.2 flow checks what it got. The TLS 1.2-only extensions
     * (extended_master_secret, renegotiation_info, ec_point_formats, session_ticket) are parsed only in a
     * ClientHello and a TLS 1.2 ServerHello; elsewhere they stay {@link UnknownExt}, as before.
     *
     * @throws TlsFatalAlertException decode_error for a malformed block or body, or a duplicate type in a
     *     ClientHello, ServerHello or EncryptedExtensions; illegal_parameter for a duplicate type in any other
     *     message (HelloRetryRequest, NewSessionTicket, CertificateRequest, Certificate entries), a recognized
     *     extension not allowed in {@code ctx}, pre_shared_key not last in a ClientHello, or an illegal value
     */
    public static Extensions decode(ByteReader r, MessageContext ctx) throws TlsFatalAlertException {
        ByteReader block = r.u16Nested();
        List<ExtensionType> types = new ArrayList<>();
        List<Bytes> bodies = new ArrayList<>();
        // No count limit: the block's u16 length and the handshake message bound cap it (16,383 empty extensions
        // at most), and each extension costs constant time here. The set's keys are distinct 16-bit codes with
        // distinct hashes: a bucket filled by colliding codes becomes a tree ordered by hash, so no choice of
        // codes makes the duplicate check slow.
        Set<ExtensionType> seen = new HashSet<>();
        while (!block.atEnd()) {
            ExtensionType type = new ExtensionType(block.u16());
            Bytes body = block.u16Bytes();
            if (!seen.add(type)) {
                // RFC 8446 section 4.2 names no alert: like BoringSSL and rustls, a duplicate in the hellos
                // (EncryptedExtensions included) is decode_error, in the other messages illegal_parameter.
                boolean hello = ctx == MessageContext.CLIENT_HELLO || ctx == MessageContext.SERVER_HELLO
                        || ctx == MessageContext.SERVER_HELLO_12 || ctx == MessageContext.ENCRYPTED_EXTENSIONS;
                throw Fatal.of(hello ? Reason.InvalidMessage.DUPLICATE_EXTENSION_IN_HELLO
                        : Reason.InvalidMessage.DUPLICATE_EXTENSION, type + " appears twice in " + ctx.messageName());
            }
            types.add(type);
            bodies.add(body);
        }
        block.expectEnd();
        if (ctx == MessageContext.CLIENT_HELLO && seen.contains(ExtensionType.PRE_SHARED_KEY)
                && !types.getLast().equals(ExtensionType.PRE_SHARED_KEY)) {
            // RFC 8446 section 4.2.11: pre_shared_key MUST be the last extension in the ClientHello.
            throw Fatal.of(Reason.InvalidMessage.ILLEGAL_VALUE, "pre_shared_key is not the last extension");
        }
        if (ctx == MessageContext.SERVER_HELLO && !seen.contains(ExtensionType.SUPPORTED_VERSIONS)) {
            ctx = MessageContext.SERVER_HELLO_12;
        }
        if (ctx != MessageContext.SERVER_HELLO_12) {
            for (ExtensionType type : types) {
                if (!ExtensionRules.isAllowed(type, ctx)) {
                    throw Fatal.of(Reason.PeerMisbehaved.EXTENSION_NOT_ALLOWED,
                            type + " is not allowed in " + ctx.messageName());
                }
            }
        }
        List<Extension> out = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            out.add(decodeBody(types.get(i), bodies.get(i), ctx));
        }
        return new Extensions(out);
    }

    /** Parses one extension_data by type and message; types without a parser here stay raw. */
    private static Extension decodeBody(ExtensionType type, Bytes body, MessageContext ctx)
            throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(body);
        boolean ch = ctx == MessageContext.CLIENT_HELLO;
        boolean sh = ctx == MessageContext.SERVER_HELLO;
        boolean hrr = ctx == MessageContext.HELLO_RETRY_REQUEST;
        boolean tls12 = ch || ctx == MessageContext.SERVER_HELLO_12;
        if (ctx == MessageContext.SERVER_HELLO_12 && !ExtensionRules.isParsedInTls12ServerHello(type)) {
            return new UnknownExt(type, body);
        }
        Extension parsed = switch (type.code()) {
            case 0 -> ServerNameExt.decode(r, ctx);
            case 10 -> SupportedGroupsExt.decode(r);
            case 11 -> tls12 ? EcPointFormatsExt.decode(r) : null;
            case 13 -> SignatureAlgorithmsExt.decode(r);
            case 16 -> AlpnExt.decode(r, ctx);
            case 23 -> tls12 ? ExtendedMasterSecretExt.decode(r) : null;
            case 28 -> RecordSizeLimitExt.decode(r);
            case 35 -> tls12 ? SessionTicketExt.decode(r) : null;
            case 41 -> ch ? PreSharedKeyClientExt.decode(r) : sh ? PreSharedKeyServerExt.decode(r) : null;
            case 42 -> EarlyDataExt.decode(r, ctx);
            case 43 -> ch ? SupportedVersionsClientExt.decode(r)
                    : sh || hrr ? SupportedVersionsServerExt.decode(r) : null;
            case 44 -> CookieExt.decode(r);
            case 45 -> PskKeyExchangeModesExt.decode(r);
            case 50 -> SignatureAlgorithmsCertExt.decode(r);
            case 51 -> ch ? KeyShareClientExt.decode(r) : sh ? KeyShareServerExt.decode(r)
                    : hrr ? KeyShareHrrExt.decode(r) : null;
            case 0xff01 -> tls12 ? RenegotiationInfoExt.decode(r) : null;
            default -> null;
        };
        return parsed != null ? parsed : new UnknownExt(type, body);
    }

    /** Writes the block with its two-byte length. */
    public void encode(ByteWriter w) {
        w.u16Prefixed(block -> list.forEach(e -> {
            block.u16(e.type().code());
            block.u16Prefixed(e::encodeBody);
        }));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extensions other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return Show.list(list);
    }
}
