package org.tlsj.internal.handshake;

/**
 * Proof tokens: the connected states can only be built with them, so a flow that skips the
 * CertificateVerify or Finished check does not compile. Only the checks create them.
 */
public final class Proofs {
    private Proofs() {
    }

    /** The peer's CertificateVerify signature verified. */
    public static final class SignatureVerified {
        private SignatureVerified() {
        }
    }

    /** The peer's Finished verify_data matched. */
    public static final class FinishedVerified {
        private FinishedVerified() {
        }
    }

    /** Issued by {@link Tls13Checks#verifySignature} only. */
    static SignatureVerified signatureVerified() {
        return new SignatureVerified();
    }

    /** Issued by {@link Tls13Checks#verifyFinished} only. */
    static FinishedVerified finishedVerified() {
        return new FinishedVerified();
    }
}
