package org.tlsj.cli;

import java.util.concurrent.Callable;
import org.tlsj.cli.certs.CertsCommand;
import org.tlsj.cli.common.VersionProvider;
import org.tlsj.cli.demo.DemoCommand;
import org.tlsj.cli.gateway.GatewayCommand;
import org.tlsj.cli.get.GetCommand;
import org.tlsj.cli.server.ServerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The top-level {@code tlsj} command: lists the subcommands. */
@Command(name = "tlsj", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A TLS 1.3 stack in Java 25 that explains itself.",
        subcommands = {DemoCommand.class, ServerCommand.class, GetCommand.class, CertsCommand.class, GatewayCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start with: tlsj demo"})
final class TlsjCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "on an unexpected error, print the stack trace")
    private boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
