package org.tlsj.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.certs.CertificateMinter;
import org.tlsj.certs.CertificateMinter.Issued;
import org.tlsj.certs.CertificateMinter.Usage;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;

/**
 * A test PKI: a CA and server certificates of any key type, valid around a fixed instant, plus the broken
 * ones the negative tests need (expired, wrong name, untrusted). Configs it builds use a fixed clock.
 */
public final class TestPki {
    /** The instant every test checks validity at. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** A clock fixed at {@link #NOW}. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant FROM = NOW.minus(Duration.ofDays(30));
    private static final Instant TO = NOW.plus(Duration.ofDays(365));

    private final Issued ca;

    private TestPki(Issued ca) {
        this.ca = ca;
    }

    /** A fresh PKI whose CA has an EC P-256 key. */
    public static TestPki create() {
        return create("tlsj test CA");
    }

    /** A fresh PKI whose CA has this common name. */
    public static TestPki create(String caName) {
        return new TestPki(CertificateMinter.ca(caName, KeyType.EC_P256, FROM, TO));
    }

    /** The CA. */
    public Issued ca() {
        return ca;
    }

    /** A server certificate for localhost and 127.0.0.1 with the given key type, chain leaf then CA. */
    public CertifiedKey server(KeyType keyType) {
        return server(keyType, List.of("localhost", "127.0.0.1"), FROM, TO);
    }

    /** A server certificate for the given names and validity. */
    public CertifiedKey server(KeyType keyType, List<String> names, Instant notBefore, Instant notAfter) {
        return CertificateMinter.leaf(ca, names.isEmpty() ? "server" : names.getFirst(), names, keyType, notBefore,
                notAfter, EnumSet.of(Usage.SERVER)).withChain(ca);
    }

    /** A client certificate (EKU clientAuth) for {@code name}, chain leaf then CA. */
    public CertifiedKey clientCertificate(String name) {
        return CertificateMinter.leaf(ca, name, List.of(), KeyType.EC_P256, FROM, TO, EnumSet.of(Usage.CLIENT))
                .withChain(ca);
    }

    /** A verifier of client certificates issued by this CA (for the server's mutual TLS). */
    public PkixVerifier verifier() {
        return PkixVerifier.withTrustedCertificates(List.of(ca.certificate()));
    }

    /** An expired server certificate for localhost. */
    public CertifiedKey expiredServer() {
        return server(KeyType.EC_P256, List.of("localhost"), NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1)));
    }

    /** A client config trusting this CA, with the fixed clock. */
    public ClientConfig.Builder client() {
        return ClientConfig.builder().verifier(PkixVerifier.withTrustedCertificates(List.of(ca.certificate())))
                .clock(CLOCK);
    }

    /** A server config serving {@code key}, with the fixed clock. */
    public static ServerConfig.Builder server(CertifiedKey key) {
        return ServerConfig.builder(key).clock(CLOCK);
    }
}
