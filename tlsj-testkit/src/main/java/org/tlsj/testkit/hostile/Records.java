package org.tlsj.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.Bytes;

/**
 * Raw TLS record and handshake framing for scripted peers: builds records with any type, version and
 * length field, splits a byte stream into records and a handshake byte stream into messages. Nothing
 * here checks what it builds; that is the point.
 */
public final class Records {
    /** change_cipher_spec. */
    public static final int CHANGE_CIPHER_SPEC = 20;
    /** alert. */
    public static final int ALERT = 21;
    /** handshake. */
    public static final int HANDSHAKE = 22;
    /** application_data. */
    public static final int APPLICATION_DATA = 23;

    private Records() {
    }

    /**
     * One record as seen on the wire or after opening.
     *
     * @param type the content type (the inner type for an opened TLS 1.3 record)
     * @param body the body (the inner plaintext for an opened record)
     * @param wasProtected whether it was opened from a protected record
     */
    public record Record(int type, Bytes body, boolean wasProtected) {
        /** Whether this is an alert with this level and description. */
        public boolean isAlert(int level, int description) {
            return type == ALERT && body.length() == 2 && body.get(0) == level && body.get(1) == description;
        }
    }

    /** A record with version 0x0303 and a correct length field. */
    public static byte[] record(int type, byte[] body) {
        return record(type, 0x0303, body.length, body);
    }

    /** A record with any version and any length field (which need not match the body). */
    public static byte[] record(int type, int version, int lengthField, byte[] body) {
        byte[] r = new byte[5 + body.length];
        r[0] = (byte) type;
        r[1] = (byte) (version >>> 8);
        r[2] = (byte) version;
        r[3] = (byte) (lengthField >>> 8);
        r[4] = (byte) lengthField;
        System.arraycopy(body, 0, r, 5, body.length);
        return r;
    }

    /** The encodings of the messages, concatenated (headers included). */
    public static byte[] handshake(HandshakeMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HandshakeMessage m : messages) {
            out.writeBytes(HandshakeCodec.encode(m).toArray());
        }
        return out.toByteArray();
    }

    /** One plaintext handshake record holding the messages. */
    public static byte[] handshakeRecord(HandshakeMessage... messages) {
        return record(HANDSHAKE, handshake(messages));
    }

    /** A handshake byte stream in plaintext records of at most 2^14 bytes, as an honest peer fragments it. */
    public static byte[] handshakeRecords(byte[] stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < stream.length; at += 1 << 14) {
            int n = Math.min(1 << 14, stream.length - at);
            byte[] part = new byte[n];
            System.arraycopy(stream, at, part, 0, n);
            out.writeBytes(record(HANDSHAKE, part));
        }
        return out.toByteArray();
    }

    /** A handshake message header with any type and length field. */
    public static byte[] handshakeHeader(int type, int lengthField) {
        return new byte[] {(byte) type, (byte) (lengthField >>> 16), (byte) (lengthField >>> 8), (byte) lengthField};
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Splits a stream of whole records into records, each with its header (a partial tail is dropped). */
    public static List<byte[]> split(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at + 5 <= stream.length) {
            int len = ((stream[at + 3] & 0xff) << 8) | (stream[at + 4] & 0xff);
            if (at + 5 + len > stream.length) {
                break;
            }
            byte[] r = new byte[5 + len];
            System.arraycopy(stream, at, r, 0, r.length);
            out.add(r);
            at += r.length;
        }
        return out;
    }

    /** Splits a handshake byte stream into whole messages, headers included (a partial tail is dropped). */
    public static List<Bytes> messages(byte[] handshakeStream) {
        List<Bytes> out = new ArrayList<>();
        int at = 0;
        while (at + 4 <= handshakeStream.length) {
            int len = ((handshakeStream[at + 1] & 0xff) << 16) | ((handshakeStream[at + 2] & 0xff) << 8)
                    | (handshakeStream[at + 3] & 0xff);
            if (at + 4 + len > handshakeStream.length) {
                break;
            }
            out.add(Bytes.of(handshakeStream, at, 4 + len));
            at += 4 + len;
        }
        return out;
    }

    /** The handshake type of an encoded message. */
    public static int typeOf(Bytes message) {
        return message.get(0);
    }

    /** Seals a handshake byte stream in records of at most 2^14 bytes, as an honest peer fragments it. */
    public static byte[] sealHandshake(RecordSealer sealer, byte[] stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < stream.length; at += 1 << 14) {
            int n = Math.min(1 << 14, stream.length - at);
            byte[] part = new byte[n];
            System.arraycopy(stream, at, part, 0, n);
            out.writeBytes(sealer.seal(HANDSHAKE, part));
        }
        return out.toByteArray();
    }
}
