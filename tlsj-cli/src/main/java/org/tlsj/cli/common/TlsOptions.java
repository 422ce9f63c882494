package org.tlsj.cli.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tlsj.CipherSuite.KeyExchange;
import org.tlsj.CipherSuite;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The protocol options {@code tlsj server} and {@code tlsj get} share: {@code --tls}, {@code --kx},
 * {@code --ciphers}, {@code --groups} and {@code --crypto}; turned into versions, suites, groups and the crypto
 * provider for either config builder.
 */
public final class TlsOptions {
    /** The TLS 1.2 key exchanges {@code --kx} chooses between. */
    public enum Kx {
        /** Ephemeral ECDH, signed by the server (forward secrecy). */
        ECDHE,
        /** Static RSA: the client encrypts the pre-master secret to the server's RSA key (no forward secrecy). */
        RSA;

        /** Reads {@code ecdhe} or {@code rsa}. */
        public static final class Converter implements CommandLine.ITypeConverter<Kx> {
            @Override
            public Kx convert(String value) {
                return switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "ecdhe" -> ECDHE;
                    case "rsa" -> RSA;
                    default -> throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not a TLS 1.2 key exchange: use ecdhe or rsa");
                };
            }
        }
    }

    /** Reads {@code 1.2} or {@code 1.3} (also {@code TLSv1.2}). */
    public static final class VersionConverter implements CommandLine.ITypeConverter<ProtocolVersion> {
        @Override
        public ProtocolVersion convert(String value) {
            try {
                return ProtocolVersion.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a TLS version: use 1.2 or 1.3");
            }
        }
    }

    /** Reads one IANA cipher suite name that tlsj implements. */
    static final class SuiteConverter implements CommandLine.ITypeConverter<CipherSuite> {
        @Override
        public CipherSuite convert(String value) {
            return CipherSuite.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown cipher suite '" + value.strip() + "'; tlsj implements "
                            + CipherSuite.supported().stream().map(CipherSuite::displayName)
                            .collect(Collectors.joining(", "))));
        }
    }

    @Option(names = "--tls", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "speak only this TLS version: 1.2 or 1.3 (default: both)")
    ProtocolVersion tls;

    @Option(names = "--kx", paramLabel = "KX", converter = Kx.Converter.class,
            description = "TLS 1.2 key exchange: ecdhe (default) or rsa (static RSA, no forward secrecy; needs an RSA certificate)")
    Kx kx;

    @Option(names = "--ciphers", paramLabel = "LIST", split = ",", converter = SuiteConverter.class,
            description = "cipher suites by IANA name, comma-separated, in preference order")
    List<CipherSuite> ciphers;

    @Option(names = {"--groups", "--group"}, paramLabel = "LIST", split = ",", converter = GroupConverter.class,
            description = "key exchange groups, comma-separated, in preference order: X25519MLKEM768, "
                    + "SecP256r1MLKEM768, SecP384r1MLKEM1024, x25519, secp256r1, secp384r1 (the default; a client lists "
                    + "x25519 second), secp521r1, MLKEM768, MLKEM1024 (opt-in)")
    List<NamedGroup> groups;

    @Mixin
    CryptoOption crypto = new CryptoOption();

    /** Whether {@code --kx rsa} was asked for. */
    public boolean rsaKeyExchange() {
        return kx == Kx.RSA;
    }

    /** The versions to enable, narrowed to those the {@code --ciphers} cover when no {@code --tls} is given. */
    List<ProtocolVersion> versions() {
        checkKx();
        if (tls != null) {
            return List.of(tls);
        }
        List<ProtocolVersion> both = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        if (ciphers == null || ciphers.isEmpty()) {
            return both;
        }
        return both.stream().filter(v -> ciphers.stream().anyMatch(s -> s.version().orElseThrow().equals(v))).toList();
    }

    /** The suites to enable: {@code --ciphers} checked against the versions and {@code --kx}, or the defaults for them. */
    List<CipherSuite> suites() {
        List<ProtocolVersion> versions = versions();
        boolean v13 = versions.contains(ProtocolVersion.TLS13);
        boolean v12 = versions.contains(ProtocolVersion.TLS12);
        if (ciphers == null || ciphers.isEmpty()) {
            List<CipherSuite> s = new ArrayList<>();
            if (v13) {
                s.addAll(CipherSuite.TLS13_DEFAULTS);
            }
            if (v12) {
                s.addAll(rsaKeyExchange() ? CipherSuite.TLS12_RSA_KX : CipherSuite.TLS12_DEFAULTS);
            }
            return List.copyOf(s);
        }
        for (CipherSuite s : ciphers) {
            ProtocolVersion v = s.version().orElseThrow();
            if (!versions.contains(v)) {
                throw new CliException("--ciphers " + s.displayName() + " is a " + label(v) + " suite, but --tls "
                        + label(tls) + " turns " + label(v) + " off");
            }
            if (kx != null && v.equals(ProtocolVersion.TLS12) && (s.keyExchange() == KeyExchange.RSA) != rsaKeyExchange()) {
                throw new CliException("--ciphers " + s.displayName() + " does not use the key exchange --kx "
                        + kx.name().toLowerCase(Locale.ROOT) + " asks for");
            }
        }
        if (tls != null && ciphers.stream().noneMatch(s -> s.version().orElseThrow().equals(tls))) {
            throw new CliException("--ciphers names no " + label(tls) + " suite, but --tls " + label(tls) + " needs one");
        }
        if (rsaKeyExchange() && ciphers.stream().noneMatch(s -> s.keyExchange() == KeyExchange.RSA)) {
            throw new CliException("--kx rsa needs a static RSA suite in --ciphers: TLS_RSA_WITH_AES_128_GCM_SHA256 or "
                    + "TLS_RSA_WITH_AES_256_GCM_SHA384");
        }
        if (ciphers.stream().distinct().count() != ciphers.size()) {
            throw new CliException("--ciphers names a suite twice");
        }
        return List.copyOf(ciphers);
    }

    /** Applies the options to a client config builder. */
    public ClientConfig.Builder applyTo(ClientConfig.Builder b) {
        b.versions(versions()).cipherSuites(suites()).crypto(crypto.provider());
        if (groups != null && !groups.isEmpty()) {
            b.groups(groups);
        }
        return b;
    }

    /** Applies the options to a server config builder. */
    public ServerConfig.Builder applyTo(ServerConfig.Builder b) {
        b.versions(versions()).cipherSuites(suites()).crypto(crypto.provider());
        if (groups != null && !groups.isEmpty()) {
            b.groups(groups);
        }
        return b;
    }

    /** For result lines: which crypto provider runs, e.g. "crypto openssl (fastest available)". */
    public String cryptoLine() {
        return CryptoOption.describe(crypto.factory(), crypto.auto());
    }

    private void checkKx() {
        if (kx != null && ProtocolVersion.TLS13.equals(tls)) {
            throw new CliException("--kx " + kx.name().toLowerCase(Locale.ROOT) + " picks the TLS 1.2 key exchange, "
                    + "but --tls 1.3 turns TLS 1.2 off (TLS 1.3 always uses (EC)DHE): use --tls 1.2 or drop --kx");
        }
    }

    private static String label(ProtocolVersion v) {
        return v.equals(ProtocolVersion.TLS13) ? "1.3" : "1.2";
    }
}
