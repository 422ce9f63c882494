package org.tlsj.internal.handshake;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Proof tokens (rustls's {@code ServerCertVerified}, {@code HandshakeSignatureValid},
 * {@code FinishedMessageVerified}): the connected states can only be built with them, through an
 * {@link Authentication}, so a flow that skips a check does not compile.
 *
 * <p>Every token has a private constructor and exactly one package-private minting method here; each mint is
 * called by one checking class of this package, right after its check passed (tlsj-core's
 * {@code ProofTokenTest} holds that by a source scan):
 * <ul>
 *   <li>{@link ChainVerified}: {@link CertificateChecks}, after the user's verifier returned normally;</li>
 *   <li>{@link SignatureVerified}: {@link Tls13Checks#verifySignature} and {@link Tls12Common#verify}, with
 *       the key of a {@link ChainVerified};</li>
 *   <li>{@link FinishedVerified}: {@link Tls13Checks#verifyFinished} and {@link Tls12Common#verifyFinished};</li>
 *   <li>{@link SessionResumed}: {@link ResumptionChecks}, when the peer named a session we accept;</li>
 *   <li>{@link ClientCertificateNotRequired}: {@link CertificateChecks#withoutClientCertificate}, which refuses
 *       when the server requires a client certificate.</li>
 * </ul>
 */
public final class Proofs {
    private Proofs() {
    }

    /**
     * The peer's certificate chain was accepted by the configured verifier. It carries the chain it was made
     * for, so a signature proof can only be made with that chain's key.
     */
    public static final class ChainVerified {
        private final List<X509Certificate> chain;
        private final List<String> checks;

        private ChainVerified(List<X509Certificate> chain, List<String> checks) {
            this.chain = List.copyOf(chain);
            this.checks = List.copyOf(checks);
        }

        /** The verified chain, leaf first. */
        public List<X509Certificate> chain() {
            return chain;
        }

        /** The leaf's public key: the key the peer's signatures must verify with. */
        public PublicKey key() {
            return chain.getFirst().getPublicKey();
        }

        /** The checks the verifier reported, in plain words (for the trace). */
        public List<String> checks() {
            return checks;
        }

        @Override
        public String toString() {
            return "ChainVerified[" + chain.size() + " certificates]";
        }
    }

    /** The peer's signature (CertificateVerify, or the TLS 1.2 ServerKeyExchange) verified with a verified chain's key. */
    public static final class SignatureVerified {
        private final ChainVerified chain;

        private SignatureVerified(ChainVerified chain) {
            this.chain = Objects.requireNonNull(chain);
        }

        /** The chain whose key the signature verified with. */
        public ChainVerified chain() {
            return chain;
        }
    }

    /** The peer's Finished verify_data matched. */
    public static final class FinishedVerified {
        private FinishedVerified() {
        }
    }

    /**
     * The peer resumed a session we accept: the server selected the PSK or echoed the session we offered, or the
     * client's binder verified, or its TLS 1.2 ticket or session id opened under our keys. The Finished, keyed from
     * that session's secret, then proves the peer holds it.
     */
    public static final class SessionResumed {
        private SessionResumed() {
        }
    }

    /** The server's policy lets this client go without a certificate ({@code ClientAuth} is not REQUIRED). */
    public static final class ClientCertificateNotRequired {
        private ClientCertificateNotRequired() {
        }
    }

    /** Issued by {@link CertificateChecks} only. */
    static ChainVerified chainVerified(List<X509Certificate> chain, List<String> checks) {
        return new ChainVerified(chain, checks);
    }

    /** Issued by {@link Tls13Checks#verifySignature} and {@link Tls12Common#verify} only. */
    static SignatureVerified signatureVerified(ChainVerified chain) {
        return new SignatureVerified(chain);
    }

    /** Issued by {@link Tls13Checks#verifyFinished} and {@link Tls12Common#verifyFinished} only. */
    static FinishedVerified finishedVerified() {
        return new FinishedVerified();
    }

    /** Issued by {@link ResumptionChecks} only. */
    static SessionResumed sessionResumed() {
        return new SessionResumed();
    }

    /** Issued by {@link CertificateChecks#withoutClientCertificate} only. */
    static ClientCertificateNotRequired clientCertificateNotRequired() {
        return new ClientCertificateNotRequired();
    }
}
