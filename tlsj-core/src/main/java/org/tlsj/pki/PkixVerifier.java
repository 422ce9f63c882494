package org.tlsj.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.Reason.CertificateProblem;
import org.tlsj.TlsFatalAlertException;

/**
 * Verifies certificate chains with the JDK's {@code CertPathValidator("PKIX")} (revocation off), then
 * the leaf's extended key usage, then (for servers) the host name with {@link HostnameMatcher}.
 *
 * <p><b>Order of checks and which failure is reported.</b> The chain as sent is first put in order (leaf,
 * then each issuer found among the sent certificates, stopping at a certificate issued by a trust anchor;
 * a copy of the anchor itself is dropped). Then:
 * <ol>
 *   <li>trust: the path must end at a trusted CA. This is decided first: a chain that reaches no trusted
 *       CA is reported as {@code UNKNOWN_ISSUER} even if it is also expired, because the dates of an
 *       untrusted certificate mean nothing and the fix (trust the right CA) is the actionable one;</li>
 *   <li>per certificate, from the CA down to the leaf: signature, then validity at {@code now}. So a bad
 *       signature wins over expiry, and an expired intermediate is reported before an expired leaf;</li>
 *   <li>purpose: the leaf's extended key usage, if present, must allow serverAuth (or clientAuth for
 *       {@link #verifyClient}) or anyExtendedKeyUsage;</li>
 *   <li>host name, when one is known.</li>
 * </ol>
 * Steps 1 and 2 are the JDK validator's own order; the first failure it meets is the one reported.
 *
 * <p>Steps 1 and 2 are remembered for a chain that passed (a bounded cache, for at most five minutes and
 * never past a certificate's expiry): a client reconnecting to the same server skips the validator. Steps 3
 * and 4 are made every time.
 */
public final class PkixVerifier implements ServerCertificateVerifier, ClientCertificateVerifier {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int MAX_PATH = 10;

    private final Supplier<Set<TrustAnchor>> anchors;
    private final String trustDescription;
    private final VerifiedChains verified = new VerifiedChains(VerifiedChains.DEFAULT_CAPACITY,
            VerifiedChains.DEFAULT_TTL);

    private PkixVerifier(Supplier<Set<TrustAnchor>> anchors, String trustDescription) {
        this.anchors = anchors;
        this.trustDescription = trustDescription;
    }

    /**
     * A verifier trusting the JDK's default trust store: the one the JDK's own TLS uses
     * ({@code javax.net.ssl.trustStore} if set, else {@code $JAVA_HOME/lib/security/cacerts}), loaded once,
     * on first use.
     */
    public static PkixVerifier withDefaultTrust() {
        return new PkixVerifier(DefaultTrust::anchors, "the JDK default trust store");
    }

    /**
     * A verifier trusting exactly these CA certificates.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public static PkixVerifier withTrustedCertificates(List<X509Certificate> roots) {
        return withTrustedCertificates(roots, "");
    }

    /**
     * A verifier trusting the CA certificates in a PEM file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file if it holds no certificate
     */
    public static PkixVerifier fromCaFile(Path pem) throws IOException {
        return withTrustedCertificates(Pem.certificates(pem), " from " + pem);
    }

    private static PkixVerifier withTrustedCertificates(List<X509Certificate> roots, String origin) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no trusted CA certificates given");
        }
        Set<TrustAnchor> set = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (X509Certificate root : roots) {
            set.add(new TrustAnchor(root, null));
            names.add("'" + root.getSubjectX500Principal().getName() + "'");
        }
        Set<TrustAnchor> fixed = Set.copyOf(set);
        String description = names.size() <= 3 ? String.join(", ", names) : names.size() + " CA certificates";
        return new PkixVerifier(() -> fixed, description + origin);
    }

    /** The trusted CAs' names, sent in CertificateRequest when this verifies client certificates. */
    @Override
    public List<javax.security.auth.x500.X500Principal> acceptedIssuers() {
        return trustedCertificates().stream().map(X509Certificate::getSubjectX500Principal).toList();
    }

    /** The trusted CA certificates. */
    public List<X509Certificate> trustedCertificates() {
        return anchors.get().stream().map(TrustAnchor::getTrustedCert).toList();
    }

    /**
     * Verifies a server's chain: trust, validity, serverAuth purpose, and the host name if known.
     *
     * @throws TlsFatalAlertException with a {@code CertificateProblem} naming the cause
     */
    @Override
    public ChainChecks verify(List<X509Certificate> chain, Optional<String> serverName, Instant now)
            throws TlsFatalAlertException {
        List<String> checks = validatePath(chain, serverName, SERVER_AUTH, now);
        X509Certificate leaf = chain.getFirst();
        checks.add(checkPurpose(leaf, SERVER_AUTH));
        if (serverName.isEmpty()) {
            checks.add("hostname: not checked (no server name known)");
        } else {
            checks.add(checkHostname(leaf, serverName.get()));
        }
        return new ChainChecks(checks);
    }

    /**
     * Verifies a client's chain for mutual TLS: trust, validity and clientAuth purpose (no host name).
     *
     * @throws TlsFatalAlertException with a {@code CertificateProblem} naming the cause
     */
    @Override
    public ChainChecks verifyClient(List<X509Certificate> chain, Instant now) throws TlsFatalAlertException {
        List<String> checks = validatePath(chain, Optional.empty(), CLIENT_AUTH, now);
        checks.add(checkPurpose(chain.getFirst(), CLIENT_AUTH));
        return new ChainChecks(checks);
    }

    @Override
    public String toString() {
        return "PkixVerifier[trusting " + trustDescription + "]";
    }

    /**
     * Path validation, or its cached result for the same chain, anchors, name and purpose (see
     * {@link VerifiedChains}: only successes are cached, and only while {@code now} lies inside the window
     * every certificate is valid in). The purpose and host name are checked by the callers every time.
     */
    private List<String> validatePath(List<X509Certificate> chain, Optional<String> serverName, String purpose,
                                      Instant now) throws TlsFatalAlertException {
        if (chain.isEmpty()) {
            throw Fatal.of(CertificateProblem.EMPTY_CHAIN);
        }
        Set<TrustAnchor> trusted;
        try {
            trusted = anchors.get();
        } catch (IllegalStateException e) {
            throw Fatal.of(Reason.Local.INTERNAL, e.getMessage(), e);
        }
        Optional<VerifiedChains.Key> key = VerifiedChains.key(chain, trusted, serverName, purpose);
        Optional<VerifiedChains.Entry> cached = key.flatMap(k -> verified.find(k, now));
        String chainCheck;
        if (cached.isPresent()) {
            chainCheck = cached.get().chainCheck();
        } else {
            List<X509Certificate> path = orderPath(chain, trusted);
            chainCheck = runValidator(path, trusted, now);
            key.ifPresent(k -> verified.put(k, chainCheck, path, now));
        }
        X509Certificate leaf = chain.getFirst();
        List<String> checks = new ArrayList<>();
        checks.add(chainCheck);
        checks.add("validity: every certificate is valid at " + now + " (leaf valid from "
                + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ")");
        return checks;
    }

    /** Runs {@code CertPathValidator("PKIX")}; returns the check line naming the anchor reached. */
    private String runValidator(List<X509Certificate> path, Set<TrustAnchor> trusted, Instant now)
            throws TlsFatalAlertException {
        PKIXCertPathValidatorResult result;
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trusted);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw PkixFailures.toFatal(e, path, now, trustDescription);
        } catch (CertificateException e) {
            throw Fatal.of(CertificateProblem.BAD_ENCODING, "the chain cannot be read: " + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw Fatal.of(CertificateProblem.INVALID, "the trust anchors are unusable: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw Fatal.of(CertificateProblem.INVALID, "PKIX validation is unavailable: " + e.getMessage(), e);
        }
        X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
        String anchorName = anchor != null ? anchor.getSubjectX500Principal().getName()
                : result.getTrustAnchor().getCAName();
        return "chain: " + PkixFailures.label(path.getFirst(), 0) + " chains to trusted CA '" + anchorName + "' ("
                + path.size() + (path.size() == 1 ? " certificate" : " certificates") + " plus the CA)";
    }

    /** Leaf first, then each issuer found among the sent certificates, until one is issued by an anchor. */
    private static List<X509Certificate> orderPath(List<X509Certificate> chain, Set<TrustAnchor> trusted) {
        Set<X500Principal> anchorNames = new LinkedHashSet<>();
        for (TrustAnchor a : trusted) {
            anchorNames.add(a.getTrustedCert() != null ? a.getTrustedCert().getSubjectX500Principal() : a.getCA());
        }
        List<X509Certificate> remaining = new ArrayList<>(chain.subList(1, chain.size()));
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.getFirst();
        path.add(current);
        while (path.size() < MAX_PATH && !anchorNames.contains(current.getIssuerX500Principal())
                && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : remaining) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            remaining.remove(issuer);
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static String checkPurpose(X509Certificate leaf, String wanted) throws TlsFatalAlertException {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateException e) {
            throw Fatal.of(CertificateProblem.BAD_ENCODING, "the extended key usage extension of "
                    + PkixFailures.label(leaf, 0) + " cannot be parsed", e);
        }
        String wantedName = PkixFailures.usageName(wanted);
        if (usages == null) {
            return "purpose: no extended key usage extension, so " + wantedName + " is allowed";
        }
        if (usages.contains(wanted)) {
            return "purpose: extended key usage allows " + wantedName;
        }
        if (usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            return "purpose: extended key usage allows any purpose (anyExtendedKeyUsage)";
        }
        String has = String.join(", ", usages.stream().map(PkixFailures::usageName).toList());
        throw Fatal.of(CertificateProblem.WRONG_PURPOSE, PkixFailures.label(leaf, 0) + " is for " + has + ", not "
                + wantedName + " (extended key usage)");
    }

    private static String checkHostname(X509Certificate leaf, String name) throws TlsFatalAlertException {
        HostnameMatcher.SubjectAltNames names;
        try {
            names = HostnameMatcher.SubjectAltNames.of(leaf);
        } catch (CertificateException e) {
            throw Fatal.of(CertificateProblem.BAD_ENCODING, "the subjectAltName extension of the certificate "
                    + "cannot be parsed", e);
        }
        for (String dns : names.dnsNames()) {
            if (HostnameMatcher.matches(new HostnameMatcher.SubjectAltNames(List.of(dns), List.of()), name)) {
                return "hostname: " + name + " matches DNS:" + dns;
            }
        }
        for (var ip : names.ipAddresses()) {
            if (HostnameMatcher.matches(new HostnameMatcher.SubjectAltNames(List.of(), List.of(ip)), name)) {
                return "hostname: " + name + " matches IP:" + HostnameMatcher.format(ip);
            }
        }
        if (names.dnsNames().isEmpty() && names.ipAddresses().isEmpty()) {
            throw Fatal.of(CertificateProblem.NAME_MISMATCH, "certificate has no DNS or IP names (subject "
                    + leaf.getSubjectX500Principal().getName() + "; the common name is never used), so it does not"
                    + " match " + name);
        }
        throw Fatal.of(CertificateProblem.NAME_MISMATCH, "certificate for " + names.describe()
                + " does not match " + name);
    }

    /** The JDK default trust anchors, loaded on first use. */
    private static final class DefaultTrust {
        private static volatile Set<TrustAnchor> loaded;

        static Set<TrustAnchor> anchors() {
            Set<TrustAnchor> result = loaded;
            if (result == null) {
                synchronized (DefaultTrust.class) {
                    result = loaded;
                    if (result == null) {
                        result = load();
                        loaded = result;
                    }
                }
            }
            return result;
        }

        private static Set<TrustAnchor> load() {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                Set<TrustAnchor> set = new LinkedHashSet<>();
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        for (X509Certificate ca : x509.getAcceptedIssuers()) {
                            set.add(new TrustAnchor(ca, null));
                        }
                    }
                }
                if (set.isEmpty()) {
                    throw new IllegalStateException("the JDK default trust store holds no CA certificates");
                }
                return Set.copyOf(set);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot load the JDK default trust store: " + e.getMessage(), e);
            }
        }
    }
}
