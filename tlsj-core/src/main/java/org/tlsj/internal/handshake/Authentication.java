package org.tlsj.internal.handshake;

import java.util.Objects;
import org.tlsj.internal.handshake.Proofs.ChainVerified;
import org.tlsj.internal.handshake.Proofs.ClientCertificateNotRequired;
import org.tlsj.internal.handshake.Proofs.SessionResumed;
import org.tlsj.internal.handshake.Proofs.SignatureVerified;

/**
 * How the peer proved who it is. Every {@code Connected} state holds one of the sealed sub-types of its flow
 * next to the peer's {@code FinishedVerified}; the records are built only from {@link Proofs} tokens, which only
 * the checks make, so a flow that skips the chain, signature or resumption check cannot reach Connected.
 *
 * <ul>
 *   <li>{@link OfServer13}, what a TLS 1.3 client requires: chain + CertificateVerify, or a resumed PSK;</li>
 *   <li>{@link OfServer12}, what a TLS 1.2 client requires: chain + ServerKeyExchange signature (ECDHE), the chain
 *       alone (static RSA: only the certificate's key opens the pre-master secret, so the server's Finished proves
 *       it), or a resumed session;</li>
 *   <li>{@link OfClient}, what a server requires of its client (both versions): chain + CertificateVerify, a
 *       resumed session, or a policy that does not require a certificate.</li>
 * </ul>
 */
public sealed interface Authentication {

    /** A TLS 1.3 server's authentication, as its client requires it. */
    sealed interface OfServer13 extends Authentication permits Signed, Resumed {
    }

    /** A TLS 1.2 server's authentication, as its client requires it. */
    sealed interface OfServer12 extends Authentication permits Signed, RsaKeyTransport, Resumed {
    }

    /** A client's authentication, as a server requires it (TLS 1.3 and 1.2). */
    sealed interface OfClient extends Authentication permits Signed, Resumed, Anonymous {
    }

    /** The chain was verified and the peer's signature verified with its key. */
    record Signed(ChainVerified chain, SignatureVerified signature) implements OfServer13, OfServer12, OfClient {
        public Signed {
            Objects.requireNonNull(chain);
            if (signature.chain() != chain) {
                throw new IllegalArgumentException("the signature was verified with another chain's key");
            }
        }

        /** Built from the signature proof, which names its chain. */
        public Signed(SignatureVerified signature) {
            this(signature.chain(), signature);
        }
    }

    /** TLS 1.2 static RSA: the chain was verified; the server's Finished proves it decrypted our pre-master secret. */
    record RsaKeyTransport(ChainVerified chain) implements OfServer12 {
        public RsaKeyTransport {
            Objects.requireNonNull(chain);
        }
    }

    /** The peer resumed a session we accept; its Finished is keyed from that session's secret. */
    record Resumed(SessionResumed proof) implements OfServer13, OfServer12, OfClient {
        public Resumed {
            Objects.requireNonNull(proof);
        }
    }

    /** The client sent no certificate, or was not asked for one, and the server's policy allows that. */
    record Anonymous(ClientCertificateNotRequired proof) implements OfClient {
        public Anonymous {
            Objects.requireNonNull(proof);
        }
    }
}
