package org.tlsj.jsse;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.pki.ChainChecks;
import org.tlsj.pki.ClientCertificateVerifier;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.ServerCertificateVerifier;

/**
 * Adapts a JSSE {@link X509TrustManager} to tlsj's certificate verifiers. An
 * {@link X509ExtendedTrustManager} is given the engine (or the socket that owns it), whose handshake
 * session carries the peer host and the requested server names, so the JDK's own trust manager checks the
 * endpoint identity too; when endpoint identification is "HTTPS" the host name is also checked here with
 * {@link HostnameMatcher}, so a plain {@code X509TrustManager} cannot skip it.
 */
final class TrustAdapter {
    /** Above this many CAs, no certificate_authorities list is sent (the JDK trust store has ~150). */
    private static final int MAX_ADVERTISED_ISSUERS = 32;

    private TrustAdapter() {
    }

    /** A verifier of the server's chain for a client engine. */
    static ServerCertificateVerifier forServer(X509TrustManager tm, TlsjSSLEngine engine) {
        return (chain, serverName, now) -> {
            X509Certificate[] certs = chain.toArray(X509Certificate[]::new);
            engine.handshakeSessionImpl().peerCertificates(chain);
            try {
                SSLSocket owner = engine.owner();
                if (tm instanceof X509ExtendedTrustManager x && owner != null) {
                    x.checkServerTrusted(certs, "UNKNOWN", owner);
                } else if (tm instanceof X509ExtendedTrustManager x) {
                    x.checkServerTrusted(certs, "UNKNOWN", engine);
                } else {
                    tm.checkServerTrusted(certs, "UNKNOWN");
                }
            } catch (CertificateException | RuntimeException e) {
                throw failure(e, "server");
            }
            List<String> checks = new ArrayList<>();
            checks.add("trust: accepted by " + tm.getClass().getSimpleName());
            if (engine.checksHostname()) {
                String host = serverName.orElse(engine.getPeerHost());
                if (host == null) {
                    throw Fatal.of(Reason.CertificateProblem.NAME_MISMATCH,
                            "endpoint identification HTTPS needs a host name, and the engine has none");
                }
                if (!HostnameMatcher.matches(chain.getFirst(), host)) {
                    throw Fatal.of(Reason.CertificateProblem.NAME_MISMATCH, "certificate for "
                            + HostnameMatcher.describeNames(chain.getFirst()) + " is not valid for " + host);
                }
                checks.add("hostname: " + host + " matches " + HostnameMatcher.describeNames(chain.getFirst()));
            }
            return new ChainChecks(checks);
        };
    }

    /** A verifier of the client's chain for a server engine (mutual TLS). */
    static ClientCertificateVerifier forClient(X509TrustManager tm, TlsjSSLEngine engine) {
        return new ClientCertificateVerifier() {
            @Override
            public ChainChecks verifyClient(List<X509Certificate> chain, Instant now)
                    throws TlsFatalAlertException {
                X509Certificate[] certs = chain.toArray(X509Certificate[]::new);
                String authType = chain.getFirst().getPublicKey().getAlgorithm();
                engine.handshakeSessionImpl().peerCertificates(chain);
                try {
                    SSLSocket owner = engine.owner();
                    if (tm instanceof X509ExtendedTrustManager x && owner != null) {
                        x.checkClientTrusted(certs, authType, owner);
                    } else if (tm instanceof X509ExtendedTrustManager x) {
                        x.checkClientTrusted(certs, authType, engine);
                    } else {
                        tm.checkClientTrusted(certs, authType);
                    }
                } catch (CertificateException | RuntimeException e) {
                    throw failure(e, "client");
                }
                return new ChainChecks(List.of("trust: client chain accepted by " + tm.getClass().getSimpleName()));
            }

            @Override
            public List<X500Principal> acceptedIssuers() {
                X509Certificate[] issuers = tm.getAcceptedIssuers();
                if (issuers == null || issuers.length > MAX_ADVERTISED_ISSUERS) {
                    return List.of();
                }
                return Arrays.stream(issuers).map(X509Certificate::getSubjectX500Principal).distinct().toList();
            }
        };
    }

    /** Maps the trust manager's refusal to a tlsj fatal alert with the matching reason. */
    static TlsFatalAlertException failure(Exception e, String whose) {
        Reason reason = classify(e);
        String detail = whose + " certificate rejected by the trust manager: "
                + (e.getMessage() != null ? e.getMessage() : e.toString());
        return Fatal.of(reason, detail, e);
    }

    private static Reason classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return Reason.CertificateProblem.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return Reason.CertificateProblem.NOT_YET_VALID;
            }
            if (t instanceof CertPathValidatorException v) {
                Optional<Reason> r = switch (v.getReason()) {
                    case CertPathValidatorException.BasicReason.EXPIRED -> Optional.of(Reason.CertificateProblem.EXPIRED);
                    case CertPathValidatorException.BasicReason.NOT_YET_VALID ->
                            Optional.of(Reason.CertificateProblem.NOT_YET_VALID);
                    case CertPathValidatorException.BasicReason.REVOKED -> Optional.of(Reason.CertificateProblem.REVOKED);
                    case CertPathValidatorException.BasicReason.INVALID_SIGNATURE ->
                            Optional.of(Reason.CertificateProblem.BAD_SIGNATURE);
                    default -> Optional.empty();
                };
                if (r.isPresent()) {
                    return r.get();
                }
            }
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("no subject alternative") || m.contains("no name matching")) {
            return Reason.CertificateProblem.NAME_MISMATCH;
        }
        if (m.contains("pkix path building") || m.contains("unable to find valid certification path")
                || m.contains("no trusted certificate")) {
            return Reason.CertificateProblem.UNKNOWN_ISSUER;
        }
        if (m.contains("extended key usage") || m.contains("keyusage") || m.contains("key usage")) {
            return Reason.CertificateProblem.WRONG_PURPOSE;
        }
        return Reason.CertificateProblem.INVALID;
    }
}
