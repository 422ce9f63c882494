package org.tlsj.pki;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.TlsFatalAlertException;

/** Turns the JDK's PKIX failures into {@code CertificateProblem}s with plain-words messages. */
final class PkixFailures {
    private PkixFailures() {
    }

    /**
     * The fatal error for a validator failure.
     *
     * @param e the failure; its index points into {@code path} (leaf is 0), or is -1
     * @param path the path that was validated, leaf first
     * @param now the time validity was checked at
     * @param trusted what the verifier trusts, for the unknown-issuer message
     */
    static TlsFatalAlertException toFatal(CertPathValidatorException e, List<X509Certificate> path, Instant now,
            String trusted) {
        int index = e.getIndex() >= 0 && e.getIndex() < path.size() ? e.getIndex() : 0;
        X509Certificate cert = path.get(index);
        String who = label(cert, index);
        if (e.getReason() instanceof BasicReason basic) {
            switch (basic) {
                case EXPIRED -> {
                    return Fatal.of(CertificateProblem.EXPIRED, who + " expired on " + cert.getNotAfter().toInstant()
                            + " (checked at " + now + ")", e);
                }
                case NOT_YET_VALID -> {
                    return Fatal.of(CertificateProblem.NOT_YET_VALID, who + " is not valid until "
                            + cert.getNotBefore().toInstant() + " (checked at " + now + ")", e);
                }
                case INVALID_SIGNATURE -> {
                    return Fatal.of(CertificateProblem.BAD_SIGNATURE, "the signature on " + who
                            + " does not verify with the key of its issuer '"
                            + cert.getIssuerX500Principal().getName() + "'", e);
                }
                case REVOKED -> {
                    return Fatal.of(CertificateProblem.REVOKED, who + " is revoked", e);
                }
                case ALGORITHM_CONSTRAINED -> {
                    return Fatal.of(CertificateProblem.INVALID, who + " uses an algorithm or key size that the "
                            + "JDK security policy forbids (jdk.certpath.disabledAlgorithms): " + e.getMessage(), e);
                }
                default -> {
                    // UNSPECIFIED, UNDETERMINED_REVOCATION_STATUS: fall through to the generic message.
                }
            }
        } else if (e.getReason() instanceof PKIXReason pkix) {
            X509Certificate top = path.getLast();
            switch (pkix) {
                case NO_TRUST_ANCHOR -> {
                    String issuer = top.getIssuerX500Principal().getName();
                    String selfSigned = path.size() == 1
                            && top.getIssuerX500Principal().equals(top.getSubjectX500Principal())
                            ? " (it is self-signed)" : "";
                    return Fatal.of(CertificateProblem.UNKNOWN_ISSUER, "certificate issued by '" + issuer
                            + "' is not trusted" + selfSigned + "; trusted: " + trusted, e);
                }
                case NOT_CA_CERT -> {
                    return Fatal.of(CertificateProblem.INVALID, subject(cert) + " issued another certificate but is "
                            + "not a CA (basicConstraints)", e);
                }
                case PATH_TOO_LONG -> {
                    return Fatal.of(CertificateProblem.INVALID, "the chain is longer than " + who
                            + " allows (basicConstraints pathLen)", e);
                }
                case INVALID_KEY_USAGE -> {
                    return Fatal.of(CertificateProblem.INVALID, subject(cert) + " issued another certificate but "
                            + "its key usage does not allow signing certificates (keyCertSign)", e);
                }
                case NAME_CHAINING -> {
                    return Fatal.of(CertificateProblem.INVALID, "the chain is broken at " + who
                            + ": its issuer is not the next certificate's subject", e);
                }
                default -> {
                    // Policy and name-constraint failures: fall through to the generic message.
                }
            }
        }
        return Fatal.of(CertificateProblem.INVALID, who + ": " + e.getMessage(), e);
    }

    /**
     * How a certificate is named in messages: the leaf by its names ({@code "certificate for localhost"}),
     * others by subject ({@code "CA certificate 'CN=Test CA'"}).
     */
    static String label(X509Certificate cert, int index) {
        if (index > 0) {
            return "CA certificate '" + cert.getSubjectX500Principal().getName() + "'";
        }
        try {
            HostnameMatcher.SubjectAltNames names = HostnameMatcher.SubjectAltNames.of(cert);
            List<String> all = new ArrayList<>(names.dnsNames());
            names.ipAddresses().forEach(ip -> all.add(HostnameMatcher.format(ip)));
            if (!all.isEmpty()) {
                return "certificate for " + String.join(", ", all);
            }
        } catch (CertificateParsingException e) {
            // Fall back to the subject below.
        }
        return "certificate '" + cert.getSubjectX500Principal().getName() + "'";
    }

    private static String subject(X509Certificate cert) {
        return "certificate '" + cert.getSubjectX500Principal().getName() + "'";
    }

    /** The usual name of an extended key usage OID. */
    static String usageName(String oid) {
        return switch (oid) {
            case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            case "2.5.29.37.0" -> "anyExtendedKeyUsage";
            default -> oid;
        };
    }
}
