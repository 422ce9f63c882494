package org.tlsj.internal.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsj.internal.wire.Bytes;

/**
 * The labelled hex values of RFC 8448 section 3 ("Simple 1-RTT Handshake"), read from the copy in
 * {@code src/test/resources/rfc8448/1rtt.txt} in the order they appear.
 */
final class Rfc8448 {
    private record Value(String label, Bytes bytes) {}

    private static final Pattern LABEL = Pattern.compile("^\\s+([A-Za-z][\\w ]*?) \\((\\d+) octets\\):\\s*(.*)$");
    private static final List<Value> VALUES = load();

    private Rfc8448() {
    }

    /** The first value with this label, for example {@code ClientHello}. */
    static Bytes first(String label) {
        return all(label).getFirst();
    }

    /** Every value with this label, in order (Finished appears twice: server, then client). */
    static List<Bytes> all(String label) {
        List<Bytes> out = VALUES.stream().filter(v -> v.label.equals(label)).map(Value::bytes).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no RFC 8448 value labelled " + label);
        }
        return out;
    }

    private static List<Value> load() {
        String text;
        try (InputStream in = Rfc8448.class.getResourceAsStream("/rfc8448/1rtt.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /rfc8448/1rtt.txt");
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Value> values = new ArrayList<>();
        String label = null;
        int expected = 0;
        StringBuilder hex = new StringBuilder();
        for (String line : (text + "\n\n").split("\n", -1)) {
            Matcher m = LABEL.matcher(line);
            if (label != null && (line.isBlank() || m.matches())) {
                values.add(finish(label, expected, hex.toString()));
                label = null;
            }
            if (m.matches()) {
                label = m.group(1);
                expected = Integer.parseInt(m.group(2));
                hex.setLength(0);
                hex.append(m.group(3));
            } else if (label != null) {
                hex.append(line);
            }
        }
        return values;
    }

    private static Value finish(String label, int expected, String hex) {
        Bytes b = expected == 0 ? Bytes.EMPTY : Bytes.fromHex(hex);
        if (b.length() != expected) {
            throw new IllegalStateException(label + ": expected " + expected + " octets, got " + b.length());
        }
        return new Value(label, b);
    }
}
