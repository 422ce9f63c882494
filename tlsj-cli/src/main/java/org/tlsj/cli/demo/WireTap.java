package org.tlsj.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.tlsj.trace.Role;

/**
 * What an eavesdropper on the wire sees: the client's TCP socket with its bytes copied, both ways, in the
 * order they passed, up to {@value #LIMIT} bytes each way. {@link #records()} cuts them into TLS records.
 */
final class WireTap {
    /** The most bytes kept per direction. */
    static final int LIMIT = 64 * 1024;
    /** How many bytes of each record are shown. */
    static final int SHOWN = 24;

    /** One chunk as it passed: who sent it and the sequence number of the chunk. */
    private record Chunk(Role from, int sequence, int offset) {
    }

    /**
     * One TLS record on the wire.
     *
     * @param from who sent it
     * @param sequence order of the chunk in which it began
     * @param type the record's content type byte
     * @param length the record's length, header included
     * @param firstBytes the first {@value #SHOWN} bytes in hex, header included
     * @param afterChangeCipherSpec whether its sender had sent a change_cipher_spec record before it
     */
    record WireRecord(Role from, int sequence, int type, int length, String firstBytes, boolean afterChangeCipherSpec) {
        /** The content type in words; what the eavesdropper learns. */
        String typeName() {
            return switch (type) {
                case 20 -> "change_cipher_spec";
                case 21 -> "alert";
                case 22 -> "handshake";
                case 23 -> "application_data";
                default -> "type " + type;
            };
        }

        /**
         * Whether the content is encrypted: application_data, and in TLS 1.2 whatever a side sends after its
         * change_cipher_spec (its Finished is an encrypted handshake record).
         */
        boolean encrypted() {
            return type == 23 || afterChangeCipherSpec && type != 20;
        }
    }

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Chunk> chunks = new ArrayList<>();

    /** A fresh unconnected socket whose streams copy into this tap. */
    Socket socket() {
        return new Socket() {
            private InputStream in;
            private OutputStream out;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            int n = super.read(b, off, len);
                            if (n > 0) {
                                copy(Role.SERVER, b, off, n);
                            }
                            return n;
                        }

                        @Override
                        public int read() throws IOException {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                        }
                    };
                }
                return in;
            }

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (out == null) {
                    out = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            copy(Role.CLIENT, b, off, len);
                            out.write(b, off, len);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] {(byte) b}, 0, 1);
                        }
                    };
                }
                return out;
            }
        };
    }

    private synchronized void copy(Role from, byte[] b, int off, int len) {
        ByteArrayOutputStream to = from == Role.CLIENT ? sent : received;
        int keep = Math.min(len, LIMIT - to.size());
        if (keep > 0) {
            chunks.add(new Chunk(from, chunks.size(), to.size()));
            to.write(b, off, keep);
        }
    }

    /** Every byte the client sent (up to the limit). */
    synchronized byte[] sent() {
        return sent.toByteArray();
    }

    /** Every byte the client received (up to the limit). */
    synchronized byte[] received() {
        return received.toByteArray();
    }

    /** Whether {@code text} appears in the clear anywhere in the captured bytes. */
    boolean visible(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return indexOf(sent(), needle) >= 0 || indexOf(received(), needle) >= 0;
    }

    /** The records both ways, in the order they began on the wire. */
    synchronized List<WireRecord> records() {
        List<WireRecord> all = new ArrayList<>();
        all.addAll(cut(Role.CLIENT, sent.toByteArray()));
        all.addAll(cut(Role.SERVER, received.toByteArray()));
        all.sort(Comparator.comparingInt(WireRecord::sequence));
        return all;
    }

    private List<WireRecord> cut(Role from, byte[] bytes) {
        List<Chunk> mine = chunks.stream().filter(c -> c.from() == from).toList();
        List<WireRecord> records = new ArrayList<>();
        int pos = 0;
        boolean afterCcs = false;
        while (pos + 5 <= bytes.length) {
            int length = 5 + ((bytes[pos + 3] & 0xff) << 8 | (bytes[pos + 4] & 0xff));
            int start = pos;
            int sequence = mine.stream().filter(c -> c.offset() <= start).mapToInt(Chunk::sequence).max().orElse(0);
            int shown = Math.min(SHOWN, Math.min(length, bytes.length - pos));
            records.add(new WireRecord(from, sequence, bytes[pos] & 0xff, length,
                    HexFormat.ofDelimiter(" ").formatHex(bytes, pos, pos + shown), afterCcs));
            afterCcs |= (bytes[pos] & 0xff) == 20;
            pos += length;
        }
        return records;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
