package org.tlsj.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

    /** Builds names from "DNS:a;IP:1.2.3.4" (null or blank: none). */
    private static HostnameMatcher.SubjectAltNames names(String spec) {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(";")) {
                if (part.startsWith("DNS:")) {
                    dns.add(part.substring(4));
                } else if (part.startsWith("IP:")) {
                    ips.add(HostnameMatcher.ipLiteral(part.substring(3)).orElseThrow());
                } else {
                    throw new IllegalArgumentException(part);
                }
            }
        }
        return new HostnameMatcher.SubjectAltNames(dns, ips);
    }

    @ParameterizedTest(name = "[{0}] vs {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        // exact DNS names, case-insensitive, trailing dot on the reference ignored
        "DNS:example.com           | example.com        | true",
        "DNS:example.com           | EXAMPLE.com        | true",
        "DNS:Example.COM           | example.com        | true",
        "DNS:example.com           | example.com.       | true",
        "DNS:example.com           | example.com..      | false",
        "DNS:example.com           | www.example.com    | false",
        "DNS:www.example.com       | example.com        | false",
        "DNS:example.com           | a..example.com     | false",
        // wildcards: whole left-most label only, exactly one label, at least two labels after it
        "DNS:*.example.com         | a.example.com      | true",
        "DNS:*.example.com         | A.Example.Com.     | true",
        "DNS:*.example.com         | example.com        | false",
        "DNS:*.example.com         | a.b.example.com    | false",
        "DNS:*.example.com         | .example.com       | false",
        "DNS:f*.example.com        | foo.example.com    | false",
        "DNS:*oo.example.com       | foo.example.com    | false",
        "DNS:a.*.example.com       | a.b.example.com    | false",
        "DNS:*.*.example.com       | a.b.example.com    | false",
        "DNS:*.com                 | example.com        | false",
        "DNS:*                     | example            | false",
        "DNS:example.com           | *.example.com      | false",
        "DNS:*.example.com         | *.example.com      | false",
        // internationalized names compare as A-labels
        "DNS:xn--bcher-kva.example | bücher.example     | true",
        "DNS:xn--bcher-kva.example | BÜCHER.example     | true",
        "DNS:*.xn--bcher-kva.example | shop.bücher.example | true",
        "DNS:bücher.example        | bücher.example     | false",
        // IP literals match only iPAddress entries, as bytes
        "IP:127.0.0.1              | 127.0.0.1          | true",
        "IP:127.0.0.1              | 127.0.0.2          | false",
        "DNS:127.0.0.1             | 127.0.0.1          | false",
        "IP:127.0.0.1              | localhost          | false",
        "IP:127.0.0.1              | 256.0.0.1          | false",
        "IP:::1                    | ::1                | true",
        "IP:::1                    | [::1]              | true",
        "IP:::1                    | 0:0:0:0:0:0:0:1    | true",
        "IP:2001:db8::1            | 2001:DB8:0:0::1    | true",
        "IP:::1                    | 127.0.0.1          | false",
        "IP:127.0.0.1              | [127.0.0.1]        | false",
        "DNS:localhost;IP:127.0.0.1 | localhost         | true",
        "DNS:localhost;IP:127.0.0.1 | 127.0.0.1         | true",
        "NONE                      | localhost          | false",
    })
    void matchesPerRfc9525(String sans, String reference, boolean expected) {
        assertThat(HostnameMatcher.matches(names(sans), reference)).isEqualTo(expected);
    }

    @Test
    void emptyReferenceMatchesNothing() {
        assertThat(HostnameMatcher.matches(names("DNS:example.com"), "")).isFalse();
        assertThat(HostnameMatcher.matches(names("DNS:example.com"), ".")).isFalse();
    }

    @Test
    void describesNamesWithTypePrefixesAndCompressedIpv6() {
        assertThat(names("DNS:localhost;IP:127.0.0.1;IP:0:0:0:0:0:0:0:1").describe())
                .isEqualTo("DNS:localhost, IP:127.0.0.1, IP:::1");
        assertThat(names(null).describe()).isEqualTo("no DNS or IP names");
    }

    @Test
    void formatsIpv6PerRfc5952() throws Exception {
        assertThat(HostnameMatcher.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(HostnameMatcher.format(InetAddress.getByName("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
        assertThat(HostnameMatcher.format(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(HostnameMatcher.format(InetAddress.getByName("2001:db8:0:1:2:3:4:5"))).isEqualTo("2001:db8:0:1:2:3:4:5");
    }

    @Test
    void parsesOnlyIpLiterals() {
        assertThat(HostnameMatcher.ipLiteral("[::1]")).isPresent();
        assertThat(HostnameMatcher.ipLiteral("10.0.0.255")).isPresent();
        assertThat(HostnameMatcher.ipLiteral("localhost")).isEmpty();
        assertThat(HostnameMatcher.ipLiteral("1.2.3")).isEmpty();
        assertThat(HostnameMatcher.ipLiteral("[127.0.0.1]")).isEmpty();
        assertThat(HostnameMatcher.ipLiteral("1.2.3.400")).isEmpty();
    }

    @Test
    void matchesAndDescribesARealCertificate() throws Exception {
        var cert = Pem.certificates(PemTest.fixture("test-only-ec-p256-sec1-cert.pem")).getFirst();
        assertThat(HostnameMatcher.matches(cert, "localhost")).isTrue();
        assertThat(HostnameMatcher.matches(cert, "LOCALHOST.")).isTrue();
        assertThat(HostnameMatcher.matches(cert, "test-only ec-p256-sec1")).isFalse();
        assertThat(HostnameMatcher.describeNames(cert)).isEqualTo("DNS:localhost");
    }
}
