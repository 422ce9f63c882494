package org.tlsj.bogo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.tlsj.ClientHelloInfo;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.pki.Pem;

/**
 * The checks BoringSSL's shim makes once a handshake is complete ({@code CheckHandshakeProperties}): each
 * {@code -expect-*} flag against what tlsj negotiated, and the invariants the runner relies on (a resumption
 * resumed, ALPN as configured, a client saw the server's certificate).
 */
final class ShimChecks {

    /** A check that did not hold; the message goes to stderr. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private ShimChecks() {
    }

    /**
     * Checks one completed handshake.
     *
     * @param f the connection's flags
     * @param s what was negotiated
     * @param server whether the shim is the server
     * @param resume whether this is a resumption attempt (not the test's first connection)
     * @param hello on a server, what the client offered
     */
    static void afterHandshake(ShimFlags.View f, SessionInfo s, boolean server, boolean resume,
                               Optional<ClientHelloInfo> hello) throws Failed, IOException {
        expectInt(f, "-expect-version", s.version().code(), "version");
        expectInt(f, "-expect-cipher", s.cipherSuite().code(), "cipher suite");
        expectInt(f, "-expect-cipher-aes", s.cipherSuite().code(), "cipher suite (with AES hardware)");
        expectInt(f, "-expect-curve-id", s.group().code(), "group");
        if (!server) {
            expectInt(f, "-expect-peer-signature-algorithm", s.signatureScheme().code(), "peer signature scheme");
        }
        boolean expectResume = resume && !f.has("-expect-session-miss");
        if (s.resumed() != expectResume) {
            throw new Failed("session unexpectedly was" + (s.resumed() ? "" : " not") + " reused");
        }
        if (f.has("-expect-hrr") && !s.helloRetried() || f.has("-expect-no-hrr") && s.helloRetried()) {
            throw new Failed("Got " + (s.helloRetried() ? "" : "no ") + "HRR, but wanted opposite.");
        }
        Optional<String> name = f.string("-expect-server-name");
        if (name.isPresent() && !name.equals(s.serverName())) {
            throw new Failed("servername mismatch (got " + s.serverName().orElse("none") + "; want " + name.get() + ")");
        }
        String wantAlpn = (server ? f.string("-select-alpn") : f.string("-expect-alpn")).orElse("");
        if (f.has("-decline-alpn") || f.has("-reject-alpn")) {
            wantAlpn = "";
        }
        if (!wantAlpn.equals(s.applicationProtocol().orElse(""))) {
            throw new Failed("negotiated alpn proto mismatch: got '" + s.applicationProtocol().orElse("")
                    + "', want '" + wantAlpn + "'");
        }
        Optional<String> offered = f.string("-expect-advertised-alpn");
        List<String> advertised = hello.map(ClientHelloInfo::applicationProtocols).orElse(List.of());
        if (offered.isPresent() && !ShimSettings.alpnList(offered.get()).equals(advertised)) {
            throw new Failed("client advertised ALPN " + advertised + ", want " + ShimSettings.alpnList(offered.get()));
        }
        List<Integer> prefs = f.integers("-expect-peer-verify-pref");
        List<Integer> peerPrefs = hello.map(h -> h.signatureSchemes().stream().map(SignatureScheme::code).toList())
                .orElse(List.of());
        if (!prefs.isEmpty() && !prefs.equals(peerPrefs)) {
            throw new Failed("peer's signature_algorithms were " + peerPrefs + ", want " + prefs);
        }
        peerCertificate(f, s, server);
    }

    private static void peerCertificate(ShimFlags.View f, SessionInfo s, boolean server) throws Failed, IOException {
        Optional<String> file = f.string("-expect-peer-cert-file");
        if (file.isPresent()) {
            List<X509Certificate> want = Pem.certificates(Path.of(file.get()));
            if (!want.equals(s.peerCertificates())) {
                throw new Failed("Received a different peer chain than expected (" + s.peerCertificates().size()
                        + " certificates, want " + want.size() + ")");
            }
        }
        boolean wantPeer = !server || f.has("-require-any-client-certificate");
        if (wantPeer && !s.resumed() && s.peerCertificates().isEmpty()) {
            throw new Failed("Received no peer certificate but expected one.");
        }
    }

    private static void expectInt(ShimFlags.View f, String flag, int actual, String what) throws Failed {
        int want = f.integer(flag, 0);
        if (want != 0 && want != actual) {
            throw new Failed(what + " was " + String.format("%04x", actual) + ", wanted " + String.format("%04x", want));
        }
    }
}
