package org.tlsj;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.crypto.Secret;

/**
 * What a client keeps to resume a session: the ticket (or TLS 1.2 session id) and its secret. Opaque to
 * applications: store it in a {@link ClientSessionCache}; {@link #toString()} never shows the secret.
 *
 * @param version the protocol version it resumes
 * @param suite the cipher suite of the original session
 * @param identity the ticket (TLS 1.3 PSK identity, TLS 1.2 session ticket); empty for a TLS 1.2 session id
 * @param sessionId the TLS 1.2 session id (empty for TLS 1.3)
 * @param secret the resumption PSK (TLS 1.3) or master secret (TLS 1.2)
 * @param ageAdd the server's ticket_age_add (TLS 1.3)
 * @param received when the client got it
 * @param lifetime how long the server allows its use
 * @param serverChain the server's certificate chain in the original handshake
 * @param scheme the signature scheme the server used in the original handshake
 * @param group the key exchange group of the original handshake (a TLS 1.2 resumption reports it)
 * @param extendedMasterSecret whether the TLS 1.2 master secret is the extended one (RFC 7627): a resumption
 *                             must keep the same choice (section 5.3); false for TLS 1.3
 */
public record ResumableSession(ProtocolVersion version, CipherSuite suite, Bytes identity, Bytes sessionId,
                               Secret secret, long ageAdd,
                               Instant received, Duration lifetime, List<X509Certificate> serverChain,
                               SignatureScheme scheme, NamedGroup group, boolean extendedMasterSecret) {
    /** Validates and copies. */
    public ResumableSession {
        Objects.requireNonNull(version);
        Objects.requireNonNull(suite);
        Objects.requireNonNull(identity);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(received);
        Objects.requireNonNull(lifetime);
        serverChain = List.copyOf(serverChain);
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(group);
    }

    /** Whether it may still be used at {@code now}. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(received) && now.isBefore(received.plus(lifetime));
    }

    /** The TLS 1.3 obfuscated_ticket_age at {@code now} (RFC 8446 section 4.2.11.1). */
    public long obfuscatedAge(Instant now) {
        return (Duration.between(received, now).toMillis() + ageAdd) & 0xffffffffL;
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "ResumableSession[" + version + " " + suite + ", received " + received + ", " + lifetime + "]";
    }

    /** For callers that only need a label. */
    public Optional<String> serverSubject() {
        return serverChain.isEmpty() ? Optional.empty()
                : Optional.of(serverChain.getFirst().getSubjectX500Principal().getName());
    }
}
