package org.tlsj.bogo;

import java.util.Map;
import java.util.Set;

/**
 * Which of the runner's flags the shim implements. Any other flag makes the test "unimplemented" (exit 89),
 * so a test never passes by ignoring what it asked for. A few flags only shape BoringSSL's C API (when the
 * handshake is driven, how often {@code SSL_do_handshake} is called): our engine has no such calls, so they
 * are accepted as the same behaviour, and named here with why.
 */
final class ShimSupport {

    /** Flags the shim acts on. */
    static final Set<String> IMPLEMENTED = Set.of(
            // connection set-up
            "-port", "-shim-id", "-ipv6", "-server", "-resume-count", "-is-handshaker-supported",
            "-key-file", "-cert-file", "-trust-cert",
            // versions, suites, groups, signatures
            "-min-version", "-max-version", "-no-tls13", "-no-tls12", "-no-tls11", "-no-tls1", "-expect-version",
            "-cipher", "-expect-cipher", "-expect-cipher-aes", "-expect-cipher-no-aes",
            "-curves", "-expect-curve-id", "-expect-hrr", "-expect-no-hrr",
            "-signing-prefs", "-verify-prefs", "-expect-peer-signature-algorithm", "-expect-peer-verify-pref",
            // names and ALPN
            "-host-name", "-expect-server-name", "-advertise-alpn", "-expect-alpn", "-select-alpn",
            "-decline-alpn", "-reject-alpn", "-expect-advertised-alpn",
            // authentication
            "-require-any-client-certificate", "-verify-peer", "-verify-fail", "-expect-peer-cert-file",
            "-expect-verify-result", "-use-custom-verify-callback",
            // resumption
            "-expect-session-miss", "-no-ticket", "-expect-no-session", "-resumption-delay",
            // after the handshake
            "-export-keying-material", "-export-label", "-export-context", "-use-export-context",
            "-shim-writes-first", "-shim-shuts-down", "-check-close-notify", "-key-update", "-read-size",
            "-expect-extended-master-secret", "-async", "-expect-total-renegotiations",
            "-forbid-renegotiation-after-handshake");

    /** Flags that only shape BoringSSL's API use and describe what our engine always does. */
    static final Map<String, String> SAME_BEHAVIOUR = Map.of(
            "-implicit-handshake", "the handshake is driven by reading, as it always is in the shim's loop",
            "-handshake-twice", "a second handshake call on a finished connection does nothing; no such call exists",
            "-no-op-extra-handshake", "as -handshake-twice",
            "-write-settings", "writes transcripts for BoringSSL's fuzzers; not a behaviour",
            "-use-old-client-cert-callback", "BoringSSL's older API for choosing the client certificate; tlsj's "
                    + "client offers its configured certificate either way");

    private ShimSupport() {
    }

    /** The first given flag the shim does not implement, if any. */
    static java.util.Optional<String> firstUnimplemented(ShimFlags flags) {
        for (String name : flags.allNames()) {
            if (!IMPLEMENTED.contains(name) && !SAME_BEHAVIOUR.containsKey(name)) {
                return java.util.Optional.of(name);
            }
        }
        return java.util.Optional.empty();
    }
}
