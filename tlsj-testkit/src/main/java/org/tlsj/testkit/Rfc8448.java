package org.tlsj.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsj.Bytes;

/**
 * The RFC 8448 section 3 "Simple 1-RTT Handshake" trace, parsed from the RFC's own text: each step
 * ({@code {server}  derive secret "tls13 c hs traffic":}) with its labelled hex values.
 */
public final class Rfc8448 {
    /**
     * One labelled value.
     *
     * @param party "client" or "server" (empty for section 2's key)
     * @param step the step's text, for example {@code derive secret "tls13 c hs traffic"}
     * @param label the value's label, for example {@code expanded}
     * @param value the bytes
     */
    public record Entry(String party, String step, String label, Bytes value) {
    }

    private static final Pattern STEP = Pattern.compile("^\\s*\\{(client|server)}\\s+(.*?):?\\s*$");
    private static final Pattern VALUE = Pattern.compile("^\\s+([A-Za-z][A-Za-z0-9 _/()-]*?)(?: \\(\\d+ octets\\))?:\\s+(.*)$");
    private static final Pattern HEX_LINE = Pattern.compile("^\\s+([0-9a-f]{2}(\\s+[0-9a-f]{2})*)\\s*$");

    private final List<Entry> entries;

    private Rfc8448(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Loads the vectors shipped with the testkit. */
    public static Rfc8448 load() {
        try (InputStream in = Rfc8448.class.getResourceAsStream("rfc8448-1rtt.txt")) {
            if (in == null) {
                throw new IllegalStateException("rfc8448-1rtt.txt is missing from the testkit");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rfc8448 parse(String text) {
        List<Entry> out = new ArrayList<>();
        String party = "";
        String step = "Private Keys";
        String label = null;
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher s = STEP.matcher(line);
            Matcher v = VALUE.matcher(line);
            if (s.matches()) {
                label = flush(out, party, step, label, hex);
                party = s.group(1);
                step = s.group(2);
            } else if (HEX_LINE.matcher(line).matches() && label != null) {
                hex.append(line.trim()).append(' ');
            } else if (v.matches() && v.group(2).matches("([0-9a-f]{2}\\s*)+|\\(empty\\)")) {
                label = flush(out, party, step, label, hex);
                label = v.group(1).trim();
                hex.append(v.group(2).equals("(empty)") ? "" : v.group(2)).append(' ');
            } else {
                label = flush(out, party, step, label, hex);
            }
        }
        flush(out, party, step, label, hex);
        return new Rfc8448(out);
    }

    private static String flush(List<Entry> out, String party, String step, String label, StringBuilder hex) {
        if (label != null) {
            out.add(new Entry(party, step, label, Bytes.fromHex(hex.toString())));
        }
        hex.setLength(0);
        return null;
    }

    /**
     * The value with this label in the first step of this party whose text contains {@code stepContains}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public Bytes get(String party, String stepContains, String label) {
        return entries.stream()
                .filter(e -> e.party().equals(party) && e.step().contains(stepContains) && e.label().equals(label))
                .map(Entry::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + party + " '" + stepContains + "' / " + label));
    }

    /** The server's RSA private key from RFC 8448 section 2. */
    public java.security.PrivateKey serverRsaKey() {
        java.util.function.Function<String, java.math.BigInteger> v = l -> new java.math.BigInteger(1, get("", "Private Keys", l).toArray());
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.RSAPrivateCrtKeySpec(
                    v.apply("modulus (public)"), v.apply("public exponent"), v.apply("private exponent"),
                    v.apply("prime1"), v.apply("prime2"), v.apply("exponent1"), v.apply("exponent2"), v.apply("coefficient")));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's certificate, from inside the RFC's Certificate message. */
    public java.security.cert.X509Certificate serverCertificate() {
        Bytes msg = get("server", "construct a Certificate", "Certificate");
        int len = (msg.get(8) << 16) | (msg.get(9) << 8) | msg.get(10);
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(msg.slice(11, 11 + len).toArray()));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value with this label in steps of this party whose text contains {@code stepContains}, in order. */
    public List<Bytes> all(String party, String stepContains, String label) {
        return entries.stream()
                .filter(e -> e.party().equals(party) && e.step().contains(stepContains) && e.label().equals(label))
                .map(Entry::value).toList();
    }

    /**
     * Every handshake message of this type ({@code ClientHello}, {@code Finished}, ...) from the RFC's
     * "construct a ... handshake message" steps, in RFC order (Finished: the server's, then the client's).
     *
     * @throws IllegalArgumentException if there is none
     */
    public List<Bytes> handshakeMessages(String type) {
        List<Bytes> out = entries.stream()
                .filter(e -> e.step().endsWith(" " + type + " handshake message") && e.label().equals(type))
                .map(Entry::value).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no RFC 8448 " + type + " handshake message");
        }
        return out;
    }

    /** Every entry, in RFC order. */
    public List<Entry> entries() {
        return entries;
    }
}
