package org.tlsj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj demo}: the whole stack on loopback, with the handshake traced. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show a TLS 1.3 handshake between tlsj's own client and server, step by step.",
                "Starts the HTTPS server on a free loopback port, fetches from it with tracing, then stops it.",
                "Creates (or reuses) a local CA in the state directory."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the local CA lives (default: $TLSJ_STATE_DIR, else ~/.local/state/tlsj)")
    private Path stateDir;

    @Override
    public Integer call() throws IOException {
        return new DemoRunner(spec.commandLine().getOut(), stateDir != null ? stateDir : StateDir.resolve()).run();
    }
}
