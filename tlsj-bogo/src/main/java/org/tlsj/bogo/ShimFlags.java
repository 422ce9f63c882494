package org.tlsj.bogo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's command line, parsed as BoringSSL's {@code test_config.cc} defines it: each flag takes a
 * parameter or not; a flag may carry the prefix {@code -on-initial}, {@code -on-resume} or {@code -on-retry}
 * to apply to one connection only ({@code -on-shim} applies to the shim, {@code -on-handshaker} is dropped);
 * list flags ({@code -curves}, {@code -signing-prefs} ...) repeat. A flag we have never heard of fails the
 * parse with {@link Unimplemented}, which the shim turns into exit code 89.
 */
final class ShimFlags {

    /** A flag the runner passed that the shim does not know or does not implement (exit 89). */
    static final class Unimplemented extends Exception {
        private static final long serialVersionUID = 1L;

        Unimplemented(String message) {
            super(message);
        }
    }

    /** Flags that take one parameter; every other known flag is a switch. */
    private static final Set<String> WITH_PARAMETER = Set.of(
            "-port", "-shim-id", "-resume-count", "-write-settings", "-signing-prefs", "-verify-prefs",
            "-expect-peer-verify-pref", "-curves", "-key-file", "-cert-file", "-trust-cert", "-expect-server-name",
            "-ech-server-config", "-ech-server-key", "-ech-is-retry-config", "-expect-ech-name-override",
            "-expect-ech-retry-configs", "-ech-config-list", "-expect-certificate-types", "-advertise-npn",
            "-expect-next-proto", "-select-next-proto", "-expect-channel-id", "-send-channel-id", "-host-name",
            "-advertise-alpn", "-expect-alpn", "-expect-late-alpn", "-expect-advertised-alpn", "-select-alpn",
            "-application-settings", "-expect-peer-application-settings", "-quic-transport-params",
            "-expect-quic-transport-params", "-quic-use-legacy-codepoint", "-psk", "-psk-identity",
            "-srtp-profiles", "-expect-signed-cert-timestamps", "-min-version", "-max-version", "-expect-version",
            "-mtu", "-cipher", "-export-keying-material", "-export-label", "-export-context", "-ocsp-response",
            "-expect-ocsp-response", "-signed-cert-timestamps", "-expect-total-renegotiations",
            "-expect-peer-signature-algorithm", "-expect-curve-id", "-initial-timeout-duration-ms",
            "-use-client-ca-list", "-expect-client-ca-list", "-max-cert-list", "-ticket-key", "-expect-cipher-aes",
            "-expect-cipher-no-aes", "-expect-cipher", "-expect-peer-cert-file", "-resumption-delay",
            "-max-send-fragment", "-read-size", "-expect-ticket-age-skew", "-expect-msg-callback",
            "-install-one-cert-compression-alg", "-handshaker-path", "-delegated-credential",
            "-expect-early-data-reason", "-quic-early-data-context", "-early-write-after-message");

    /** Switches the runner may pass (test_config.cc's BoolFlag list). */
    private static final Set<String> SWITCHES = Set.of(
            "-ipv6", "-server", "-dtls", "-quic", "-fallback-scsv", "-enable-ech-grease", "-expect-ech-accept",
            "-expect-no-ech-name-override", "-expect-no-ech-retry-configs", "-require-any-client-certificate",
            "-false-start", "-async", "-write-different-record-sizes", "-cbc-record-splitting", "-partial-write",
            "-no-tls13", "-no-tls12", "-no-tls11", "-no-tls1", "-no-ticket", "-enable-channel-id",
            "-shim-writes-first", "-decline-alpn", "-reject-alpn", "-select-empty-alpn", "-defer-alps",
            "-alps-use-new-codepoint", "-expect-session-miss", "-expect-extended-master-secret",
            "-enable-ocsp-stapling", "-enable-signed-cert-timestamps", "-implicit-handshake", "-use-early-callback",
            "-fail-early-callback", "-install-ddos-callback", "-fail-ddos-callback", "-fail-cert-callback",
            "-handshake-never-done", "-use-export-context", "-tls-unique", "-expect-ticket-renewal",
            "-expect-no-session", "-expect-ticket-supports-early-data", "-expect-accept-early-data",
            "-expect-reject-early-data", "-expect-no-offer-early-data", "-use-ticket-callback", "-renew-ticket",
            "-enable-early-data", "-check-close-notify", "-shim-shuts-down", "-verify-fail", "-verify-peer",
            "-verify-peer-if-no-obc", "-expect-verify-result", "-renegotiate-once", "-renegotiate-freely",
            "-renegotiate-ignore", "-renegotiate-explicit", "-forbid-renegotiation-after-handshake",
            "-use-old-client-cert-callback", "-send-alert", "-peek-then-read", "-enable-grease",
            "-permute-extensions", "-use-exporter-between-reads", "-retain-only-sha256-client-cert",
            "-expect-sha256-client-cert", "-read-with-unfinished-write", "-expect-secure-renegotiation",
            "-expect-no-secure-renegotiation", "-expect-session-id", "-expect-no-session-id",
            "-no-op-extra-handshake", "-handshake-twice", "-allow-unknown-alpn-protos",
            "-use-custom-verify-callback", "-allow-false-start-without-alpn", "-handoff", "-handshake-hints",
            "-allow-hint-mismatch", "-use-ocsp-callback", "-set-ocsp-in-callback", "-decline-ocsp-callback",
            "-fail-ocsp-callback", "-install-cert-compression-algs", "-reverify-on-resume", "-ignore-rsa-key-usage",
            "-expect-key-usage-invalid", "-is-handshaker-supported", "-handshaker-resume", "-jdk11-workaround",
            "-server-preference", "-export-traffic-secrets", "-key-update", "-expect-delegated-credential-used",
            "-expect-hrr", "-expect-no-hrr", "-wait-for-debugger", "-fips-202205", "-wpa-202304");

    /** Flags whose parameters accumulate into a list. */
    private static final Set<String> LISTS = Set.of("-signing-prefs", "-verify-prefs", "-expect-peer-verify-pref",
            "-curves", "-ech-server-config", "-ech-server-key", "-ech-is-retry-config", "-application-settings");

    /** Which connections a flag applies to. */
    enum Scope { ALL, INITIAL, RESUME, RETRY }

    private final Map<Scope, Map<String, List<String>>> byScope = new HashMap<>();

    private ShimFlags() {
        for (Scope s : Scope.values()) {
            byScope.put(s, new LinkedHashMap<>());
        }
    }

    /** Parses the runner's arguments. */
    static ShimFlags parse(List<String> args) throws Unimplemented {
        ShimFlags flags = new ShimFlags();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            boolean keep = true;
            if (name.startsWith("-on-shim-")) {
                name = name.substring("-on-shim".length());
            } else if (name.startsWith("-on-handshaker-")) {
                name = name.substring("-on-handshaker".length());
                keep = false;
            }
            Scope scope = Scope.ALL;
            if (name.startsWith("-on-initial-")) {
                scope = Scope.INITIAL;
                name = name.substring("-on-initial".length());
            } else if (name.startsWith("-on-resume-")) {
                scope = Scope.RESUME;
                name = name.substring("-on-resume".length());
            } else if (name.startsWith("-on-retry-")) {
                scope = Scope.RETRY;
                name = name.substring("-on-retry".length());
            }
            String value = "";
            if (WITH_PARAMETER.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new Unimplemented("missing parameter for " + name);
                }
                value = args.get(++i);
            } else if (!SWITCHES.contains(name)) {
                throw new Unimplemented("unrecognized flag " + name);
            }
            if (keep) {
                Map<String, List<String>> m = flags.byScope.get(scope);
                List<String> values = m.computeIfAbsent(name, k -> new ArrayList<>());
                if (!LISTS.contains(name)) {
                    values.clear();
                }
                values.add(value);
            }
        }
        return flags;
    }

    /** The flags in force for one connection: the unprefixed ones, overridden by the connection's prefix. */
    View forConnection(boolean resume) {
        Map<String, List<String>> merged = new LinkedHashMap<>(byScope.get(Scope.ALL));
        merged.putAll(byScope.get(resume ? Scope.RESUME : Scope.INITIAL));
        return new View(merged);
    }

    /** Every flag name given, in any scope (for the unimplemented check). */
    Set<String> allNames() {
        Set<String> names = new java.util.TreeSet<>();
        byScope.values().forEach(m -> names.addAll(m.keySet()));
        return names;
    }

    /** Whether any -on-retry- flag was given (0-RTT retries, which we do not run). */
    boolean hasRetryFlags() {
        return !byScope.get(Scope.RETRY).isEmpty();
    }

    /** Typed access to the flags of one connection. */
    record View(Map<String, List<String>> flags) {
        boolean has(String name) {
            return flags.containsKey(name);
        }

        Optional<String> string(String name) {
            List<String> v = flags.get(name);
            return v == null ? Optional.empty() : Optional.of(v.getLast());
        }

        int integer(String name, int otherwise) {
            return string(name).map(Integer::parseInt).orElse(otherwise);
        }

        List<Integer> integers(String name) {
            return flags.getOrDefault(name, List.of()).stream().map(Integer::parseInt).toList();
        }
    }
}
