package org.tlsj.cli.gateway;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a PROXY protocol v2 header as an upstream would, written from the spec independently of
 * {@link ProxyHeaderV2} so the two check each other.
 */
final class ProxyHeaderReader {
    private static final byte[] SIGNATURE = "\r\n\r\n\0\r\nQUIT\n".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * A parsed header.
     *
     * @param family the address family and protocol byte
     * @param source the client address
     * @param sourcePort the client port
     * @param destination the address the client connected to
     * @param destinationPort its port
     * @param tlvs the top-level TLVs by type
     * @param sslClient the client field of PP2_TYPE_SSL
     * @param sslVerify the verify field of PP2_TYPE_SSL
     * @param ssl the PP2_TYPE_SSL sub-TLVs by type, as text
     */
    record Header(int family, InetAddress source, int sourcePort, InetAddress destination, int destinationPort,
                  Map<Integer, String> tlvs, int sslClient, long sslVerify, Map<Integer, String> ssl) {
    }

    private ProxyHeaderReader() {
    }

    static Header read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] signature = in.readNBytes(12);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("no PROXY v2 signature");
        }
        int versionCommand = in.readUnsignedByte();
        if (versionCommand != 0x21) {
            throw new IOException("not version 2, command PROXY: " + Integer.toHexString(versionCommand));
        }
        int family = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        DataInputStream body = new DataInputStream(new java.io.ByteArrayInputStream(in.readNBytes(length)));
        int addressLength = switch (family) {
            case 0x11 -> 4;
            case 0x21 -> 16;
            default -> throw new IOException("unexpected family " + family);
        };
        InetAddress src = InetAddress.getByAddress(body.readNBytes(addressLength));
        InetAddress dst = InetAddress.getByAddress(body.readNBytes(addressLength));
        int srcPort = body.readUnsignedShort();
        int dstPort = body.readUnsignedShort();
        Map<Integer, String> tlvs = new LinkedHashMap<>();
        Map<Integer, String> ssl = new LinkedHashMap<>();
        int client = -1;
        long verify = -1;
        while (body.available() > 0) {
            int type = body.readUnsignedByte();
            byte[] value = body.readNBytes(body.readUnsignedShort());
            if (type == 0x20) {
                DataInputStream v = new DataInputStream(new java.io.ByteArrayInputStream(value));
                client = v.readUnsignedByte();
                verify = Integer.toUnsignedLong(v.readInt());
                while (v.available() > 0) {
                    int sub = v.readUnsignedByte();
                    ssl.put(sub, new String(v.readNBytes(v.readUnsignedShort()), StandardCharsets.UTF_8));
                }
            } else {
                tlvs.put(type, new String(value, StandardCharsets.UTF_8));
            }
        }
        return new Header(family, src, srcPort, dst, dstPort, tlvs, client, verify, ssl);
    }
}
