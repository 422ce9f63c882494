package org.tlsj.internal.handshake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.TicketKeys;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.ByteReader;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * Self-encrypted session tickets: the server keeps no session state; the ticket carries it, sealed with
 * AES-256-GCM under the {@link TicketKeys} key of the current window (one shared AEAD per window). Layout: window (8) || nonce (12) ||
 * ciphertext and tag, with the window as additional data.
 */
public final class Tickets {
    private static final int WINDOW = 8;
    private static final int NONCE = 12;

    private Tickets() {
    }

    /**
     * What a ticket remembers.
     *
     * @param version the protocol version
     * @param suite the cipher suite (TLS 1.3: its hash must match on resumption)
     * @param secret the resumption PSK (TLS 1.3) or master secret (TLS 1.2)
     * @param ageAdd the obfuscation added to the ticket age (TLS 1.3)
     * @param issued when the ticket was issued
     * @param lifetimeSeconds how long it may be used
     * @param sni the server name of the original connection
     * @param alpn the application protocol of the original connection
     * @param peerChain the client's certificate chain (DER) if it authenticated
     * @param scheme the signature scheme the server signed with in the original handshake
     * @param sessionId the server's id for the session the ticket resumes (the same across resumptions)
     * @param group the key exchange group of the handshake that created the session (TLS 1.2 reports it on resumption)
     * @param extendedMasterSecret whether the TLS 1.2 master secret is the extended one (RFC 7627 section 5.3
     *                             resumes a session only with the same choice); false for TLS 1.3
     */
    public record State(ProtocolVersion version, CipherSuite suite, Secret secret, long ageAdd, Instant issued,
                        long lifetimeSeconds, Optional<String> sni, Optional<String> alpn, List<Bytes> peerChain,
                        SignatureScheme scheme, Bytes sessionId, NamedGroup group, boolean extendedMasterSecret) {
        /** Copies the chain. */
        public State {
            peerChain = List.copyOf(peerChain);
            java.util.Objects.requireNonNull(group);
        }
    }

    /** Seals the state into a ticket. */
    public static Bytes seal(CryptoProvider crypto, TicketKeys keys, Instant now, State state) {
        ByteWriter w = new ByteWriter(256);
        w.u16(state.version().code()).u16(state.suite().code()).u16(state.scheme().code());
        w.u8Bytes(Bytes.wrap(state.secret().expose()));
        w.u32(state.ageAdd()).u32(state.issued().getEpochSecond() >>> 32).u32(state.issued().getEpochSecond() & 0xffffffffL);
        w.u32(state.lifetimeSeconds());
        w.u8Bytes(utf8(state.sni())).u8Bytes(utf8(state.alpn()));
        w.u24Prefixed(list -> state.peerChain().forEach(list::u24Bytes));
        w.u8Bytes(state.sessionId());
        w.u16(state.group().code()).u8(state.extendedMasterSecret() ? 1 : 0);
        byte[] plain = w.toArray();

        long window = keys.window(now);
        byte[] out = new byte[WINDOW + NONCE + plain.length + 16];
        byte[] name = windowBytes(window);
        System.arraycopy(name, 0, out, 0, WINDOW);
        byte[] nonce = new byte[NONCE];
        crypto.random().nextBytes(nonce);
        System.arraycopy(nonce, 0, out, WINDOW, NONCE);
        keys.aead(crypto, window).seal(nonce, name, WINDOW, plain, 0, plain.length, out, WINDOW + NONCE);
        java.util.Arrays.fill(plain, (byte) 0);
        return Bytes.wrap(out);
    }

    /** Opens a ticket sealed in the current or the previous window; empty if it is not ours or is damaged. */
    public static Optional<State> open(CryptoProvider crypto, TicketKeys keys, Instant now, Bytes ticket) {
        byte[] t = ticket.toArray();
        if (t.length < WINDOW + NONCE + 16) {
            return Optional.empty();
        }
        long window = java.nio.ByteBuffer.wrap(t).getLong(0);
        long current = keys.window(now);
        if (window != current && window != current - 1) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOfRange(t, WINDOW, WINDOW + NONCE);
        byte[] plain = new byte[t.length - WINDOW - NONCE - 16];
        int opened = keys.aead(crypto, window).open(nonce, t, WINDOW, t, WINDOW + NONCE, t.length - WINDOW - NONCE,
                plain, 0);
        if (opened < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(plain));
        } catch (TlsFatalAlertException e) {
            return Optional.empty(); // sealed by us yet unreadable: treat as unknown
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private static State decode(byte[] plain) throws TlsFatalAlertException {
        ByteReader r = ByteReader.of(plain, 0, plain.length);
        ProtocolVersion version = new ProtocolVersion(r.u16());
        CipherSuite suite = new CipherSuite(r.u16());
        SignatureScheme scheme = new SignatureScheme(r.u16());
        Secret secret = Secret.wrap(r.u8Bytes().toArray());
        long ageAdd = r.u32();
        long issued = (r.u32() << 32) | r.u32();
        long lifetime = r.u32();
        Optional<String> sni = text(r.u8Bytes());
        Optional<String> alpn = text(r.u8Bytes());
        ByteReader chain = r.u24Nested();
        List<Bytes> certs = new ArrayList<>();
        while (!chain.atEnd()) {
            certs.add(chain.u24Bytes());
        }
        Bytes sessionId = r.u8Bytes();
        NamedGroup group = new NamedGroup(r.u16());
        boolean ems = r.u8() == 1;
        r.expectEnd();
        return new State(version, suite, secret, ageAdd, Instant.ofEpochSecond(issued), lifetime, sni, alpn, certs,
                scheme, sessionId, group, ems);
    }

    private static Bytes utf8(Optional<String> s) {
        return s.map(v -> Bytes.wrap(v.getBytes(StandardCharsets.UTF_8))).orElse(Bytes.EMPTY);
    }

    private static Optional<String> text(Bytes b) {
        return b.isEmpty() ? Optional.empty() : Optional.of(new String(b.toArray(), StandardCharsets.UTF_8));
    }

    private static byte[] windowBytes(long window) {
        return new ByteWriter(8).u32(window >>> 32).u32(window & 0xffffffffL).toArray();
    }
}
