package org.tlsj.cli.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tlsj.CipherSuite;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import picocli.CommandLine;

/**
 * What {@code tlsj demo} is asked to show.
 *
 * @param scenario which handshake flow
 * @param group the one group the client offers, if chosen
 * @param mutualTls whether the client presents a certificate too
 * @param failure a bad server certificate to show being rejected, if any
 * @param format how to print the result
 * @param showSecrets whether to print the traffic secrets
 * @param resume whether a second connection resumes the first one's session
 */
record DemoOptions(Scenario scenario, Optional<NamedGroup> group, boolean mutualTls, Optional<Failure> failure,
                   Format format, boolean showSecrets, boolean resume) {
    /** The plain TLS 1.3 demo, printed as text. */
    static final DemoOptions DEFAULT = new DemoOptions(Scenario.TLS13, Optional.empty(), false, Optional.empty(),
            Format.TEXT, false, false);

    /** The handshake flows the demo can show. */
    enum Scenario {
        /** A full TLS 1.3 handshake. */
        TLS13("TLS 1.3", ProtocolVersion.TLS13, CipherSuite.TLS13_DEFAULTS),
        /** TLS 1.2 with ephemeral ECDH key exchange, signed by the server. */
        TLS12_ECDHE("TLS 1.2 (ECDHE key exchange)", ProtocolVersion.TLS12, CipherSuite.TLS12_DEFAULTS),
        /** TLS 1.2 with static RSA key exchange: the classic flow, without forward secrecy. */
        TLS12_RSA("TLS 1.2 (RSA key exchange)", ProtocolVersion.TLS12, CipherSuite.TLS12_RSA_KX);

        private final String title;
        private final ProtocolVersion version;
        private final List<CipherSuite> suites;

        Scenario(String title, ProtocolVersion version, List<CipherSuite> suites) {
            this.title = title;
            this.version = version;
            this.suites = suites;
        }

        /** For headings, for example "TLS 1.3". */
        String title() {
            return title;
        }

        /** The one version both sides enable. */
        ProtocolVersion version() {
            return version;
        }

        /** The suites both sides enable. */
        List<CipherSuite> suites() {
            return suites;
        }
    }

    /** The bad server certificates {@code --fail} can show. */
    enum Failure {
        /** Signed by the local CA, but its validity ended yesterday. */
        EXPIRED("expired"),
        /** Signed by the local CA, but for another host name. */
        WRONG_HOST("wrong-host"),
        /** For localhost, but signed by a CA the client does not trust. */
        UNTRUSTED("untrusted");

        private final String cliName;

        Failure(String cliName) {
            this.cliName = cliName;
        }

        /** The name on the command line. */
        String cliName() {
            return cliName;
        }

        /** Reads {@code expired}, {@code wrong-host} or {@code untrusted}. */
        static final class Converter implements CommandLine.ITypeConverter<Failure> {
            @Override
            public Failure convert(String value) {
                return parse(value, Failure.values(), Failure::cliName, "--fail");
            }
        }
    }

    /** Output formats. */
    enum Format {
        /** Tables and a diagram for a terminal. */
        TEXT,
        /** One JSON object. */
        JSON,
        /** A self-contained HTML page. */
        HTML;

        /** Reads {@code text}, {@code json} or {@code html}. */
        static final class Converter implements CommandLine.ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                return parse(value, Format.values(), f -> f.name().toLowerCase(Locale.ROOT), "--format");
            }
        }
    }

    private static <E> E parse(String value, E[] values, java.util.function.Function<E, String> name, String option) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (name.apply(e).equals(wanted)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of "
                + Arrays.stream(values).map(name).collect(Collectors.joining(", ")) + " for " + option);
    }
}
