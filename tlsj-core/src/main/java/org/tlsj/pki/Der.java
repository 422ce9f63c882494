package org.tlsj.pki;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few pieces of DER that PEM key loading needs: read tag-length-value elements and object
 * identifiers, and write the PKCS#8 wrapper around SEC1 and PKCS#1 keys. Not a general ASN.1 library;
 * lengths are limited to what fits an int and indefinite lengths are refused (DER forbids them).
 */
final class Der {
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** One element: its tag and content bytes (a class, not a record, because it holds an array). */
    static final class Element {
        private final int tag;
        private final byte[] content;

        Element(int tag, byte[] content) {
            this.tag = tag;
            this.content = content;
        }

        int tag() {
            return tag;
        }

        /** The content bytes; callers must not modify them. */
        byte[] content() {
            return content;
        }

        /** Whether this is a context-specific constructed tag {@code [n]}. */
        boolean isContext(int n) {
            return tag == (0xA0 | n);
        }

        /** The children of a constructed element. */
        List<Element> children() {
            Reader r = new Reader(content);
            List<Element> out = new ArrayList<>();
            while (r.hasMore()) {
                out.add(r.next());
            }
            return out;
        }

        @Override
        public String toString() {
            return "Element[tag=0x" + Integer.toHexString(tag) + ", " + content.length + " bytes]";
        }
    }

    /** Reads consecutive elements from a byte array. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean hasMore() {
            return pos < data.length;
        }

        Element next() {
            int tag = u8();
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("DER: multi-byte tags are not supported");
            }
            int first = u8();
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7F;
                if (count == 0 || count > 3) {
                    throw new IllegalArgumentException("DER: unsupported length encoding");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | u8();
                }
            }
            if (length > data.length - pos) {
                throw new IllegalArgumentException("DER: element is longer than the data");
            }
            byte[] content = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return new Element(tag, content);
        }

        private int u8() {
            if (pos >= data.length) {
                throw new IllegalArgumentException("DER: data ends early");
            }
            return data[pos++] & 0xFF;
        }
    }

    /** Parses exactly one element spanning all of {@code der}. */
    static Element parse(byte[] der) {
        Reader r = new Reader(der);
        Element e = r.next();
        if (r.hasMore()) {
            throw new IllegalArgumentException("DER: bytes after the end of the structure");
        }
        return e;
    }

    /** The dotted form of an OBJECT IDENTIFIER's content. */
    static String oidToString(byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("DER: empty object identifier");
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            if (value > (Long.MAX_VALUE >> 7)) {
                throw new IllegalArgumentException("DER: object identifier arc too large");
            }
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    sb.append(top).append('.').append(value - top * 40);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        if ((content[content.length - 1] & 0x80) != 0) {
            throw new IllegalArgumentException("DER: truncated object identifier");
        }
        return sb.toString();
    }

    /** Encodes a tag-length-value element. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Re-encodes an element read earlier. */
    static byte[] encode(Element e) {
        return tlv(e.tag(), e.content());
    }
}
