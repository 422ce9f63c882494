package org.tlsj.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.GroupConverter;
import org.tlsj.cli.common.StateDir;
import org.tlsj.cli.common.TlsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj demo}: the whole stack on loopback, with the handshake explained. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a TLS handshake between tlsj's own client and server, step by step: TLS 1.3 by default,",
                "TLS 1.2 with --tls 1.2 (ECDHE, or the classic RSA key exchange with --kx rsa), resumption with --resume.",
                "Starts the HTTPS server on a free loopback port, fetches from it with both sides traced, then",
                "prints a table of the steps, a sequence diagram with timings, the response, and what an",
                "eavesdropper on the wire saw. Creates (or reuses) a local CA in the state directory."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--tls", paramLabel = "VERSION", converter = TlsOptions.VersionConverter.class,
            description = "the TLS version to show: 1.3 (default) or 1.2")
    private ProtocolVersion tls;

    @Option(names = "--kx", paramLabel = "KX", converter = TlsOptions.Kx.Converter.class,
            description = "the TLS 1.2 key exchange to show: ecdhe (default) or rsa (served with an RSA certificate, "
                    + "server-rsa.pem in the state directory); implies --tls 1.2")
    private TlsOptions.Kx kx;

    @Option(names = "--resume", description = "connect a second time with the first connection's session ticket, and "
            + "show that shorter, resumed handshake too")
    private boolean resume;

    @Option(names = "--group", paramLabel = "G", converter = GroupConverter.class,
            description = "the one key exchange group the client offers: X25519MLKEM768, x25519, secp256r1, secp384r1, "
                    + "secp521r1")
    private NamedGroup group;

    @Option(names = "--mtls", description = "mutual TLS: the client shows a certificate from the local CA too")
    private boolean mtls;

    @Option(names = "--fail", paramLabel = "HOW", converter = DemoOptions.Failure.Converter.class,
            description = "serve a bad certificate and show the client refusing it: expired, wrong-host or untrusted")
    private DemoOptions.Failure fail;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = DemoOptions.Format.Converter.class,
            description = "text, json (one object) or html (a self-contained page) (default: ${DEFAULT-VALUE})")
    private DemoOptions.Format format;

    @Option(names = "--show-secrets", description = "print the traffic secrets too (they decrypt this connection; demo only)")
    private boolean showSecrets;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the local CA lives (default: $TLSJ_STATE_DIR, else ~/.local/state/tlsj)")
    private Path stateDir;

    /** The flow asked for; --kx alone means TLS 1.2. */
    private DemoOptions.Scenario scenario() {
        if (kx != null && ProtocolVersion.TLS13.equals(tls)) {
            throw new CliException("--kx " + kx.name().toLowerCase(Locale.ROOT) + " picks the TLS 1.2 key exchange, "
                    + "but --tls 1.3 has none to pick (it always uses (EC)DHE): use --tls 1.2 or drop --kx");
        }
        DemoOptions.Scenario scenario = kx == null && !ProtocolVersion.TLS12.equals(tls) ? DemoOptions.Scenario.TLS13
                : kx == TlsOptions.Kx.RSA ? DemoOptions.Scenario.TLS12_RSA : DemoOptions.Scenario.TLS12_ECDHE;
        if (group != null && scenario == DemoOptions.Scenario.TLS12_RSA) {
            throw new CliException("--group has nothing to choose with --kx rsa: static RSA key exchange uses no group");
        }
        if (group != null && scenario != DemoOptions.Scenario.TLS13 && group.equals(NamedGroup.X25519MLKEM768)) {
            throw new CliException("--group X25519MLKEM768 is for TLS 1.3 only; TLS 1.2 ECDHE uses x25519, "
                    + "secp256r1, secp384r1 or secp521r1");
        }
        return scenario;
    }

    @Override
    public Integer call() throws IOException {
        DemoOptions options = new DemoOptions(scenario(), Optional.ofNullable(group), mtls,
                Optional.ofNullable(fail), format, showSecrets, resume);
        return new DemoRunner(spec.commandLine().getOut(), spec.commandLine().getErr(),
                stateDir != null ? stateDir : StateDir.resolve(), options).run();
    }
}
