package org.tlsj.pki;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a host name or IP literal against a certificate's subjectAltName, following RFC 9525:
 * <ul>
 *   <li>DNS names match only {@code dNSName} entries; the subject common name is never consulted;</li>
 *   <li>comparison is case-insensitive ASCII; a trailing dot on the reference name is ignored;
 *       internationalized names are compared in A-label (punycode) form;</li>
 *   <li>a wildcard is allowed only as the whole left-most label ({@code *.example.com}), matches exactly
 *       one label, and needs at least two labels after it ({@code *.com} never matches);</li>
 *   <li>IP literals (IPv4, IPv6, also {@code [::1]}) match only {@code iPAddress} entries, compared as
 *       bytes. Literals are parsed without DNS lookups. An IPv4-mapped IPv6 address
 *       ({@code ::ffff:a.b.c.d}) is treated as the IPv4 address, as the JDK does.</li>
 * </ul>
 */
public final class HostnameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /**
     * The names a certificate is for: its subjectAltName {@code dNSName} and {@code iPAddress} entries.
     *
     * @param dnsNames the dNSName entries as written in the certificate
     * @param ipAddresses the iPAddress entries
     */
    public record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
        /** Copies the lists. */
        public SubjectAltNames {
            dnsNames = List.copyOf(dnsNames);
            ipAddresses = List.copyOf(ipAddresses);
        }

        /**
         * Reads the names from a certificate.
         *
         * @throws CertificateParsingException if the subjectAltName extension is malformed
         */
        public static SubjectAltNames of(X509Certificate certificate) throws CertificateParsingException {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            List<String> dns = new ArrayList<>();
            List<InetAddress> ips = new ArrayList<>();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (entry.size() < 2 || !(entry.get(0) instanceof Integer type)
                            || !(entry.get(1) instanceof String value)) {
                        continue;
                    }
                    if (type == SAN_DNS) {
                        dns.add(value);
                    } else if (type == SAN_IP) {
                        ipLiteral(value).ifPresent(ips::add);
                    }
                }
            }
            return new SubjectAltNames(dns, ips);
        }

        /** The names for messages, for example {@code "DNS:localhost, IP:127.0.0.1"}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            dnsNames.forEach(d -> parts.add("DNS:" + d));
            ipAddresses.forEach(ip -> parts.add("IP:" + format(ip)));
            return parts.isEmpty() ? "no DNS or IP names" : String.join(", ", parts);
        }
    }

    private HostnameMatcher() {
    }

    /**
     * Whether the certificate is valid for the name (a DNS name or an IP literal). A certificate whose
     * subjectAltName cannot be parsed matches nothing.
     */
    public static boolean matches(X509Certificate certificate, String name) {
        try {
            return matches(SubjectAltNames.of(certificate), name);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Whether the names match the reference name (a DNS name or an IP literal); a pure function. */
    public static boolean matches(SubjectAltNames names, String name) {
        if (name.startsWith("[") || name.contains(":") || IPV4.matcher(name).matches()) {
            Optional<InetAddress> ip = ipLiteral(name);
            return ip.isPresent() && names.ipAddresses().stream()
                    .anyMatch(san -> Arrays.equals(san.getAddress(), ip.get().getAddress()));
        }
        String reference = referenceDnsName(name);
        if (reference == null) {
            return false;
        }
        return names.dnsNames().stream().anyMatch(san -> dnsMatches(san.toLowerCase(Locale.ROOT), reference));
    }

    /**
     * The certificate's names for messages, for example {@code "DNS:localhost, IP:127.0.0.1"}; when it has
     * none, says so and gives the subject.
     */
    public static String describeNames(X509Certificate certificate) {
        try {
            SubjectAltNames names = SubjectAltNames.of(certificate);
            if (names.dnsNames().isEmpty() && names.ipAddresses().isEmpty()) {
                return "no DNS or IP names (subject " + certificate.getSubjectX500Principal().getName() + ")";
            }
            return names.describe();
        } catch (CertificateParsingException e) {
            return "an unreadable subjectAltName";
        }
    }

    /**
     * Parses an IP literal without any DNS lookup: dotted-quad IPv4, or IPv6 with or without brackets.
     *
     * @return the address, or empty if {@code text} is not an IP literal
     */
    public static Optional<InetAddress> ipLiteral(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
            if (!s.contains(":")) {
                return Optional.empty();
            }
        }
        Matcher m = IPV4.matcher(s);
        if (m.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            try {
                return Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (!s.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet6Address.ofLiteral(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The reference name in lower-case A-label form without a trailing dot, or null if it is not a valid name. */
    private static String referenceDnsName(String name) {
        String s = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (s.isEmpty() || s.contains("*")) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty()) {
                return null;
            }
        }
        return ascii;
    }

    /** One presented dNSName (lower case) against a normalized reference name. */
    private static boolean dnsMatches(String san, String reference) {
        if (!san.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        if (!san.startsWith("*.")) {
            return !san.contains("*") && san.equals(reference);
        }
        String rest = san.substring(2);
        if (rest.contains("*")) {
            return false;
        }
        String[] restLabels = rest.split("\\.", -1);
        if (restLabels.length < 2 || Arrays.stream(restLabels).anyMatch(String::isEmpty)) {
            return false;
        }
        int dot = reference.indexOf('.');
        return dot > 0 && reference.substring(dot + 1).equals(rest);
    }

    /** An address in its usual text form; IPv6 compressed per RFC 5952 ({@code ::1}). */
    static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
