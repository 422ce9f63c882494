package org.tlsj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsj.NamedGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj demo}: the whole stack on loopback, with the handshake explained. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a TLS 1.3 handshake between tlsj's own client and server, step by step.",
                "Starts the HTTPS server on a free loopback port, fetches from it with both sides traced, then",
                "prints a table of the steps, a sequence diagram with timings, the response, and what an",
                "eavesdropper on the wire saw. Creates (or reuses) a local CA in the state directory."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--group", paramLabel = "G", converter = GroupConverter.class,
            description = "the one key exchange group the client offers: X25519MLKEM768, x25519, secp256r1, secp384r1")
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

    @Override
    public Integer call() throws IOException {
        DemoOptions options = new DemoOptions(DemoOptions.Scenario.TLS13, Optional.ofNullable(group), mtls,
                Optional.ofNullable(fail), format, showSecrets);
        return new DemoRunner(spec.commandLine().getOut(), spec.commandLine().getErr(),
                stateDir != null ? stateDir : StateDir.resolve(), options).run();
    }
}
