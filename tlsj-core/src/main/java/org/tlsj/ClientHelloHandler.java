package org.tlsj;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.pki.CertifiedKey;

/**
 * A server's per-handshake decision, made once the client's hello has been read (once per handshake: a
 * second ClientHello after HelloRetryRequest keeps the first decision). Set with
 * {@link ServerConfig.Builder#clientHelloHandler}; without one, the server serves its configured
 * certificates and ALPN list. A handler that throws aborts the handshake with
 * {@link Reason.Local#CLIENT_HELLO_HANDLER_FAILED} (internal_error).
 */
@FunctionalInterface
public interface ClientHelloHandler {

    /**
     * Decides for one handshake.
     *
     * @param hello what the client offered and the negotiated version
     * @return the decision; {@link Decision#DEFAULT} keeps the configured behaviour
     */
    Decision onClientHello(ClientHelloInfo hello);

    /** How the server answers ALPN (RFC 7301). Only used when the client offered ALPN. */
    sealed interface Alpn permits Alpn.Configured, Alpn.Select, Alpn.Omit, Alpn.Refuse {
        /** The configured protocols in server preference order (the default). */
        record Configured() implements Alpn {
        }

        /**
         * This protocol, which must be one the client offered (else no_application_protocol).
         *
         * @param protocol the protocol name
         */
        record Select(String protocol) implements Alpn {
            /** Checks the name is not empty. */
            public Select {
                if (protocol.isEmpty()) {
                    throw new IllegalArgumentException("an ALPN protocol name is not empty (RFC 7301 section 3.1)");
                }
            }
        }

        /** No ALPN extension in the answer: the connection goes on without an application protocol. */
        record Omit() implements Alpn {
        }

        /** None of the client's protocols is acceptable: the handshake ends with no_application_protocol. */
        record Refuse() implements Alpn {
        }
    }

    /**
     * The decision for one handshake.
     *
     * @param certificates the certificates to choose among (by server name, then by what the client's
     *                     signature schemes allow) instead of the configured ones; empty to keep the config's.
     *                     They need not be in the config.
     * @param alpn how to answer ALPN
     * @param refuseServerName true to end the handshake with unrecognized_name (RFC 6066 section 3)
     */
    record Decision(Optional<List<CertifiedKey>> certificates, Alpn alpn, boolean refuseServerName) {
        /** The configured behaviour. */
        public static final Decision DEFAULT = new Decision(Optional.empty(), new Alpn.Configured(), false);

        /** Copies the certificates. */
        public Decision {
            certificates = certificates.map(List::copyOf);
            Objects.requireNonNull(alpn);
        }

        /** Refuses the server name the client asked for: unrecognized_name. */
        public static Decision refuseName() {
            return new Decision(Optional.empty(), new Alpn.Configured(), true);
        }

        /** This decision choosing among {@code keys} (which must not be empty). */
        public Decision withCertificates(List<CertifiedKey> keys) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("choose among at least one certificate");
            }
            return new Decision(Optional.of(keys), alpn, refuseServerName);
        }

        /** This decision answering ALPN as {@code a}. */
        public Decision withAlpn(Alpn a) {
            return new Decision(certificates, a, refuseServerName);
        }
    }
}
