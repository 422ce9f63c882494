package org.tlsj.bogo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SignatureScheme;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.EcCurve;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.Pem;

/**
 * Turns one connection's flags into tlsj values: versions, suites, groups, signature schemes, ALPN lists and
 * the credential. A value tlsj does not implement (TLS 1.1, a CBC suite, the draft Kyber group) is
 * {@link ShimFlags.Unimplemented}, so the test is skipped rather than run with something else.
 */
final class ShimSettings {
    private static final int TLS10 = 0x0301;

    private ShimSettings() {
    }

    /** Thrown when the flags ask for a configuration no implementation could run (BoringSSL's own errors). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The versions to enable, highest first, from -min-version, -max-version and -no-tlsNN. */
    static List<ProtocolVersion> versions(ShimFlags.View f) throws ShimFlags.Unimplemented, Invalid {
        int min = f.integer("-min-version", TLS10);
        int max = f.integer("-max-version", ProtocolVersion.TLS13.code());
        List<ProtocolVersion> out = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            boolean off = v.equals(ProtocolVersion.TLS13) ? f.has("-no-tls13") : f.has("-no-tls12");
            if (v.code() >= min && v.code() <= max && !off) {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            if (min <= max && min < ProtocolVersion.TLS12.code()) {
                throw new ShimFlags.Unimplemented("only TLS 1.0/1.1 enabled: tlsj implements TLS 1.2 and 1.3");
            }
            throw new Invalid(":NO_SUPPORTED_VERSIONS_ENABLED: no TLS version left between -min-version "
                    + Integer.toHexString(min) + " and -max-version " + Integer.toHexString(max));
        }
        return out;
    }

    /**
     * The cipher suites: every TLS 1.3 suite, then the TLS 1.2 suites -cipher names (OpenSSL's syntax, of
     * which we take names, ':' lists and '[a|b]' groups), or all of ours, static RSA included as BoringSSL does.
     */
    static List<CipherSuite> suites(ShimFlags.View f) throws ShimFlags.Unimplemented {
        List<CipherSuite> out = new ArrayList<>(CipherSuite.TLS13_DEFAULTS);
        Optional<String> spec = f.string("-cipher");
        List<CipherSuite> tls12 = new ArrayList<>(CipherSuite.TLS12_DEFAULTS);
        tls12.addAll(CipherSuite.TLS12_RSA_KX);
        if (spec.isEmpty() || spec.get().equals("ALL") || spec.get().equals("DEFAULT")) {
            out.addAll(tls12);
            return out;
        }
        for (String part : spec.get().replace("[", "").replace("]", "").split("[:|]")) {
            CipherSuite s = CipherSuite.byName(part).orElseThrow(
                    () -> new ShimFlags.Unimplemented("cipher string element '" + part + "' in " + spec.get()));
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The groups -curves names, in order; empty for tlsj's defaults. */
    static List<NamedGroup> groups(ShimFlags.View f, CryptoProvider crypto) throws ShimFlags.Unimplemented {
        List<NamedGroup> out = new ArrayList<>();
        for (int id : f.integers("-curves")) {
            NamedGroup g = new NamedGroup(id);
            if (!crypto.groups().contains(g)) {
                throw new ShimFlags.Unimplemented("group 0x" + Integer.toHexString(id) + " is not implemented");
            }
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The schemes a repeatable int flag names; empty when the flag is absent. */
    static List<SignatureScheme> schemes(ShimFlags.View f, String flag, CryptoProvider crypto)
            throws ShimFlags.Unimplemented {
        List<SignatureScheme> out = new ArrayList<>();
        for (int id : f.integers(flag)) {
            SignatureScheme s = new SignatureScheme(id);
            if (!crypto.signatureSchemes().contains(s)) {
                throw new ShimFlags.Unimplemented("signature scheme 0x" + Integer.toHexString(id) + " in " + flag);
            }
            out.add(s);
        }
        return out;
    }

    /** ALPN protocols from the wire form the runner passes (each name prefixed by its length byte). */
    static List<String> alpnList(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int n = b[i] & 0xff;
            out.add(new String(b, i + 1, Math.min(n, b.length - i - 1), StandardCharsets.ISO_8859_1));
            i += 1 + n;
        }
        return out;
    }

    /**
     * The credential from -cert-file and -key-file, if both are given. A key on an elliptic curve the JDK has
     * no arithmetic for (the runner's P-224 key: JDK 25's SunEC implements P-256, P-384 and P-521 only) cannot
     * sign at all, so such a test is unimplemented rather than failed.
     */
    static Optional<CertifiedKey> credential(ShimFlags.View f) throws IOException, ShimFlags.Unimplemented {
        Optional<String> cert = f.string("-cert-file");
        Optional<String> key = f.string("-key-file");
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        PublicKey leafKey = Pem.certificates(Path.of(cert.get())).getFirst().getPublicKey();
        if (leafKey instanceof ECPublicKey ec && Arrays.stream(EcCurve.values()).noneMatch(c -> c.matches(ec))) {
            throw new ShimFlags.Unimplemented("a " + ec.getParams().getCurve().getField().getFieldSize()
                    + "-bit EC key: the JDK signs only on P-256, P-384 and P-521");
        }
        return Optional.of(Pem.certifiedKey(Path.of(cert.get()), Path.of(key.get())));
    }
}
