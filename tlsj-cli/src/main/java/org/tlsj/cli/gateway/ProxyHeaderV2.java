package org.tlsj.cli.gateway;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.tlsj.SessionInfo;

/**
 * The PROXY protocol version 2 header (HAProxy's proxy-protocol.txt, section 2.2): tells the upstream who the
 * real client is, before any data. Binary: the 12-byte signature, version 2 with command PROXY ({@code 0x21}),
 * TCP over IPv4 ({@code 0x11}) or IPv6 ({@code 0x21}), the length of the rest, source and destination
 * addresses and ports, then TLVs: {@code PP2_TYPE_AUTHORITY} with the SNI name, and {@code PP2_TYPE_SSL}
 * with the TLS version, suite and the verified client certificate's common name.
 */
public final class ProxyHeaderV2 {
    /** The fixed signature that starts every v2 header. */
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** Version 2 in the high nibble, command PROXY (1) in the low one. */
    static final int VERSION_2_PROXY = 0x21;
    static final int TCP_OVER_IPV4 = 0x11;
    static final int TCP_OVER_IPV6 = 0x21;
    static final int PP2_TYPE_AUTHORITY = 0x02;
    static final int PP2_TYPE_SSL = 0x20;
    static final int PP2_SUBTYPE_SSL_VERSION = 0x21;
    static final int PP2_SUBTYPE_SSL_CN = 0x22;
    static final int PP2_SUBTYPE_SSL_CIPHER = 0x23;
    /** In PP2_TYPE_SSL's client field: the client connected over TLS. */
    static final int PP2_CLIENT_SSL = 0x01;
    /** The client presented a certificate over this connection. */
    static final int PP2_CLIENT_CERT_CONN = 0x02;
    /** The client presented a certificate at least once over this TLS session. */
    static final int PP2_CLIENT_CERT_SESS = 0x04;

    private ProxyHeaderV2() {
    }

    /**
     * Encodes the header for one proxied connection.
     *
     * @param client the client's address and port, as the gateway saw it
     * @param gateway the gateway's address and port the client connected to
     * @param session what the client's handshake negotiated; its peer certificates were verified by the engine
     * @return the header bytes, to be sent to the upstream before anything else
     */
    public static byte[] encode(InetSocketAddress client, InetSocketAddress gateway, SessionInfo session) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        InetAddress src = client.getAddress();
        InetAddress dst = gateway.getAddress();
        int family;
        if (src instanceof Inet4Address && dst instanceof Inet4Address) {
            family = TCP_OVER_IPV4;
            rest.writeBytes(src.getAddress());
            rest.writeBytes(dst.getAddress());
        } else {
            family = TCP_OVER_IPV6;
            rest.writeBytes(ipv6(src));
            rest.writeBytes(ipv6(dst));
        }
        u16(rest, client.getPort());
        u16(rest, gateway.getPort());
        session.serverName().ifPresent(name -> tlv(rest, PP2_TYPE_AUTHORITY, name.getBytes(StandardCharsets.UTF_8)));
        rest.writeBytes(sslTlv(session));

        byte[] body = rest.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + body.length);
        out.writeBytes(SIGNATURE);
        out.write(VERSION_2_PROXY);
        out.write(family);
        u16(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** PP2_TYPE_SSL: client flags, verify (0 only for a verified client certificate), then sub-TLVs. */
    private static byte[] sslTlv(SessionInfo session) {
        boolean hasCertificate = !session.peerCertificates().isEmpty();
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(PP2_CLIENT_SSL | (hasCertificate ? PP2_CLIENT_CERT_CONN | PP2_CLIENT_CERT_SESS : 0));
        int verify = hasCertificate ? 0 : 1; // the engine only completes a handshake with a verified chain
        v.write(verify >>> 24);
        v.write(verify >>> 16);
        v.write(verify >>> 8);
        v.write(verify);
        tlv(v, PP2_SUBTYPE_SSL_VERSION, session.version().displayName().getBytes(StandardCharsets.US_ASCII));
        if (hasCertificate) {
            commonName(session.peerCertificates().getFirst())
                    .ifPresent(cn -> tlv(v, PP2_SUBTYPE_SSL_CN, cn.getBytes(StandardCharsets.UTF_8)));
        }
        tlv(v, PP2_SUBTYPE_SSL_CIPHER, session.cipherSuite().displayName().getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        tlv(t, PP2_TYPE_SSL, v.toByteArray());
        return t.toByteArray();
    }

    /** The last CN attribute of the certificate's subject (the most specific one), if it has one. */
    static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            Optional<String> cn = Optional.empty();
            for (Rdn rdn : name.getRdns()) { // LdapName lists the RDNs from the root down
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = Optional.of(rdn.getValue().toString());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static byte[] ipv6(InetAddress a) {
        if (a instanceof Inet6Address) {
            return a.getAddress();
        }
        byte[] mapped = new byte[16]; // ::ffff:a.b.c.d, the IPv4-mapped form (RFC 4291 section 2.5.5.2)
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
        return mapped;
    }

    private static void tlv(ByteArrayOutputStream out, int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("PROXY v2 TLV value over 65535 bytes");
        }
        out.write(type);
        u16(out, value.length);
        out.writeBytes(value);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
