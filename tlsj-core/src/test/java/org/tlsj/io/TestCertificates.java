package org.tlsj.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.ServerCertificateVerifier;

/** The checked-in localhost test certificate, and verifiers that pin it (no PKIX needed for socket tests). */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** The localhost certificate and its key. */
    public static CertifiedKey localhost() {
        try (InputStream cert = resource("localhost.pem"); InputStream key = resource("localhost-key.pem")) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(cert);
            String pem = new String(key.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new CertifiedKey(List.of(leaf), privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test certificate unreadable", e);
        }
    }

    /** Accepts exactly the localhost certificate. */
    public static ServerCertificateVerifier pinned() {
        X509Certificate expected = localhost().leaf();
        return (chain, name, now) -> {
            if (!chain.getFirst().equals(expected)) {
                throw Fatal.of(Reason.CertificateProblem.UNKNOWN_ISSUER, "not the pinned test certificate");
            }
            return new ChainChecks(List.of("pinned test certificate"));
        };
    }

    /** Rejects every certificate as not matching the name. */
    static ServerCertificateVerifier rejecting() {
        return (chain, name, now) -> {
            throw Fatal.of(Reason.CertificateProblem.NAME_MISMATCH,
                    "certificate for DNS:localhost does not match " + name.orElse("(no name)"));
        };
    }

    private static InputStream resource(String name) {
        InputStream in = TestCertificates.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
