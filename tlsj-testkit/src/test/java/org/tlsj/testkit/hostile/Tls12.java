package org.tlsj.testkit.hostile;

import java.util.List;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;

/** TLS 1.2 fixtures of the hostile-peer suite: our client and server speaking only TLS 1.2 with one AEAD suite. */
final class Tls12 {
    /** Which of our sides is attacked. */
    enum Victim { CLIENT, SERVER }

    /** AES-GCM (explicit nonce, RFC 5288) and ChaCha20-Poly1305 (nonce from the sequence number, RFC 7905). */
    static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256);

    private Tls12() {
    }

    /** Our TLS 1.2 client offering only {@code suite}. */
    static ClientConfig.Builder client(CipherSuite suite) {
        return Hostile.client().versions(List.of(ProtocolVersion.TLS12)).cipherSuites(List.of(suite));
    }

    /** Our TLS 1.2 server accepting only {@code suite}. */
    static ServerConfig.Builder server(CipherSuite suite) {
        return Hostile.server().versions(List.of(ProtocolVersion.TLS12)).cipherSuites(List.of(suite));
    }

    /** A TLS 1.2 connection of the victim with an honest peer, relayed by the attacker, handshake done. */
    static ScriptedPeer established(Victim v, CipherSuite suite) {
        ScriptedPeer p = v == Victim.CLIENT
                ? ScriptedPeer.againstClient(client(suite), "localhost").withHonestServer(server(suite))
                : ScriptedPeer.againstServer(server(suite)).withHonestClient(client(suite), "localhost");
        return p.handshakeHonestly();
    }

    /** The label of the key the victim reads with. */
    static String readKey(Victim v) {
        return v == Victim.CLIENT ? ScriptedPeer.TLS12_SERVER_WRITE : ScriptedPeer.TLS12_CLIENT_WRITE;
    }

    /** The suite's short name for test names. */
    static String label(CipherSuite suite) {
        return suite.equals(SUITES.getFirst()) ? "AES-128-GCM" : "ChaCha20-Poly1305";
    }
}
